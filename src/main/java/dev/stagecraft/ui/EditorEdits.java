package dev.stagecraft.ui;

import dev.stagecraft.edit.TextEdit;
import java.util.List;
import org.fxmisc.richtext.CodeArea;

/**
 * Applies computed edits to the editor as one change: one undo restores the text. Edits are only
 * applied to the text they were computed from; the editor's text is never patched blindly.
 */
final class EditorEdits {

    private EditorEdits() {
    }

    /** False (nothing changed) when the editor's text is no longer {@code basedOn}. */
    static boolean apply(CodeArea editor, String basedOn, List<TextEdit> edits) {
        if (edits.isEmpty() || !editor.getText().equals(basedOn)) {
            return false;
        }
        TextEdit merged = TextEdit.merge(basedOn, edits);
        // Typing merges into one undo step; a fix or a rename is its own step, before and after.
        editor.getUndoManager().preventMerge();
        editor.replaceText(merged.start(), merged.end(), merged.replacement());
        editor.getUndoManager().preventMerge();
        return true;
    }
}
