package dev.stagecraft.edit;

import java.util.List;

/** What may be written at the caret: {@code candidates} replace the text at [start, end), the prefix typed so far. */
public record Completion(int start, int end, List<String> candidates) {

    public Completion {
        candidates = List.copyOf(candidates);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad completion range " + start + ".." + end);
        }
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    /** The edit that writes one candidate over the prefix. */
    public TextEdit choose(String candidate) {
        return new TextEdit(start, end, candidate);
    }
}
