package dev.stagecraft.compare;

import java.util.List;
import java.util.Objects;

/**
 * A COPY --from edge compared: matched across the two files by its kind, the stage (or image) it
 * copies from, the stage it copies into and the instruction's normalized text. {@code lineA} and
 * {@code lineB} are its line on each side, null on the side that lacks it (all its files then count
 * as added or removed). {@code files} are the files that differ, biggest change first.
 */
public record EdgeChange(String kind, String from, String to, String instruction, Integer lineA, Integer lineB,
                         List<FileChange> files) {
    public EdgeChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(instruction, "instruction");
        files = List.copyOf(files);
        if (lineA == null && lineB == null) {
            throw new IllegalArgumentException("an edge change needs the edge on at least one side: " + instruction);
        }
    }

    /** The change in the bytes the edge carries. */
    public long deltaBytes() {
        long sum = 0;
        for (FileChange f : files) {
            sum += f.deltaBytes();
        }
        return sum;
    }
}
