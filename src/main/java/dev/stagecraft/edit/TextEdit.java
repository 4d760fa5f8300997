package dev.stagecraft.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Replace the text at offsets [start, end) with {@code replacement} (an insert when start == end). */
public record TextEdit(int start, int end, String replacement) {

    public TextEdit {
        Objects.requireNonNull(replacement, "replacement");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range " + start + ".." + end);
        }
    }

    /** Applies edits that do not overlap, given in any order; offsets refer to the original text. */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = sorted(text, edits);
        StringBuilder b = new StringBuilder(text.length());
        int at = 0;
        for (TextEdit e : sorted) {
            b.append(text, at, e.start).append(e.replacement);
            at = e.end;
        }
        return b.append(text, at, text.length()).toString();
    }

    /**
     * The same change as one edit, from the first edit's start to the last one's end: an editor
     * applies it as one change, so one undo restores the text.
     */
    public static TextEdit merge(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = sorted(text, edits);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no edits to merge");
        }
        int start = sorted.get(0).start;
        int end = sorted.get(sorted.size() - 1).end;
        StringBuilder b = new StringBuilder();
        int at = start;
        for (TextEdit e : sorted) {
            b.append(text, at, e.start).append(e.replacement);
            at = e.end;
        }
        return new TextEdit(start, end, b.toString());
    }

    private static List<TextEdit> sorted(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        int previousEnd = 0;
        for (int k = 0; k < sorted.size(); k++) {
            TextEdit e = sorted.get(k);
            if (e.end > text.length()) {
                throw new IllegalArgumentException("edit " + e + " ends past the text (" + text.length() + " chars)");
            }
            if (k > 0 && e.start < previousEnd) {
                throw new IllegalArgumentException("edits overlap at " + e.start);
            }
            previousEnd = e.end;
        }
        return sorted;
    }
}
