package dev.stagecraft.edit;

import java.util.List;
import java.util.Objects;

/** A repair for a diagnostic: what the editor's menu says, and the edits that make it. */
public record QuickFix(String title, List<TextEdit> edits) {

    public QuickFix {
        Objects.requireNonNull(title, "title");
        edits = List.copyOf(edits);
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a quick fix changes something");
        }
    }

    /** The text after this fix. */
    public String applyTo(String text) {
        return TextEdit.apply(text, edits);
    }
}
