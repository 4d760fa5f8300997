package dev.stagecraft.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.CodeArea;

/**
 * Marks the caret's paragraph with the CSS class {@value #CURRENT_LINE}, so the theme can shade
 * it. RichTextFX 0.11.7 also has a built-in line highlighter, but its fill is set from Java and it
 * shades only the visual line; a paragraph style class keeps the colour in the stylesheets.
 * Paragraph styles are not text, so the marking never reaches the undo history.
 */
public final class CurrentLineHighlight {
    static final String CURRENT_LINE = "current-line";

    private final CodeArea editor;
    private int marked = -1;

    public CurrentLineHighlight(CodeArea editor) {
        this.editor = editor;
        editor.currentParagraphProperty().addListener((obs, old, now) -> mark(now));
        // Splitting or joining lines copies a paragraph's style to its neighbours: sweep when lines come or go.
        editor.plainTextChanges().subscribe(change -> {
            if (change.getInserted().indexOf('\n') >= 0 || change.getRemoved().indexOf('\n') >= 0) {
                sweep();
            }
        });
        mark(editor.getCurrentParagraph());
    }

    private void mark(int paragraph) {
        if (marked >= 0 && marked < editor.getParagraphs().size() && marked != paragraph) {
            setMarked(marked, false);
        }
        if (paragraph >= 0 && paragraph < editor.getParagraphs().size()) {
            setMarked(paragraph, true);
        }
        marked = paragraph;
    }

    private void sweep() {
        int current = editor.getCurrentParagraph();
        for (int p = 0; p < editor.getParagraphs().size(); p++) {
            if (p != current) {
                setMarked(p, false);
            }
        }
        mark(current);
    }

    private void setMarked(int paragraph, boolean on) {
        Collection<String> style = editor.getParagraph(paragraph).getParagraphStyle();
        if (style.contains(CURRENT_LINE) == on) {
            return;
        }
        List<String> next = new ArrayList<>(style);
        if (on) {
            next.add(CURRENT_LINE);
        } else {
            next.remove(CURRENT_LINE);
        }
        editor.setParagraphStyle(paragraph, next);
    }
}
