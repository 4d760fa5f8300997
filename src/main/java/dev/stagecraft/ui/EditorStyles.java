package dev.stagecraft.ui;

import java.util.Collection;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.TextChange;

/**
 * Sets the editor's highlighting, restyling only the characters whose style changes. It keeps the
 * styles it last set and follows the edits made since, so a new highlighting is compared with
 * those: reading every style back from the editor costs as much as the comparison itself. When
 * the styles were set some other way ({@link #forget()}), it compares with the editor's own.
 */
final class EditorStyles {
    private final CodeArea editor;
    private StyleSpans<Collection<String>> set;
    /** The part of the text replaced by edits since the styles were set, in the text as it is now (empty: start > end). */
    private int editStart = Integer.MAX_VALUE;
    private int editEnd = -1;

    EditorStyles(CodeArea editor) {
        this.editor = editor;
        // Rich changes, not plain ones: replacing text by the same text restyles it without changing it.
        editor.richChanges().subscribe(this::follow);
    }

    private void follow(TextChange<?, ?> change) {
        int at = change.getPosition();
        int removed = change.getRemovalEnd() - at;
        int inserted = change.getInsertionEnd() - at;
        if (editStart > editEnd) {
            editStart = at;
            editEnd = at + inserted;
            return;
        }
        int start = editStart < at ? editStart : editStart >= at + removed ? editStart - removed + inserted : at;
        int end = editEnd <= at ? editEnd : editEnd >= at + removed ? editEnd - removed + inserted : at + inserted;
        editStart = Math.min(start, at);
        editEnd = Math.max(end, at + inserted);
    }

    /** Gives the editor's text these styles (covering all of it). */
    void apply(StyleSpans<Collection<String>> styles) {
        apply(editor.getText(), styles);
    }

    /**
     * As {@link #apply(StyleSpans)}, with the editor's text as the caller knows it: asking the editor
     * joins its whole document again after any style change, the current line's included.
     */
    void apply(String text, StyleSpans<Collection<String>> styles) {
        int[] changed;
        if (set == null) {
            changed = StyleSpansDiff.changedRange(text, editor.getStyleSpans(0, editor.getLength()), styles);
        } else if (editStart > editEnd) {
            changed = StyleSpansDiff.changedRange(text, set, styles);
        } else {
            changed = StyleSpansDiff.changedRange(text, set, styles, editStart, editEnd);
            if (changed != null) {
                // Typed text mostly takes the style of the text beside it, which is often right:
                // restyling costs more than reading back the styles of the few characters concerned.
                int[] within = StyleSpansDiff.changedRange(text.substring(changed[0], changed[1]),
                        editor.getStyleSpans(changed[0], changed[1]), styles.subView(changed[0], changed[1]));
                changed = within == null ? null : new int[] {changed[0] + within[0], changed[0] + within[1]};
            }
        }
        if (changed != null) {
            editor.setStyleSpans(changed[0], styles.subView(changed[0], changed[1]));
        }
        set = styles;
        editStart = Integer.MAX_VALUE;
        editEnd = -1;
    }

    /** The editor's styles were set by someone else: the next highlighting is compared with them. */
    void forget() {
        set = null;
    }
}
