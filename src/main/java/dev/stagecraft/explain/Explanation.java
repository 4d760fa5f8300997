package dev.stagecraft.explain;

import java.util.List;

/** What the Explain panel shows: a title and a few short paragraphs of plain text. */
public record Explanation(String title, List<String> paragraphs) {

    public Explanation {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an explanation needs a title");
        }
        paragraphs = List.copyOf(paragraphs);
    }

    /** The title and the paragraphs, separated by blank lines. */
    public String text() {
        StringBuilder b = new StringBuilder(title);
        for (String p : paragraphs) {
            b.append("\n\n").append(p);
        }
        return b.toString();
    }
}
