package dev.stagecraft.compare;

import dev.stagecraft.engine.measure.LandedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A path whose file differs between A and B: added in B, removed from A, or of another size.
 * {@code sizeA} and {@code sizeB} are 0 on the side that lacks the file. Only paths and sizes are
 * compared (the reports hold no content digests), so a file of the same size is unchanged.
 */
public record FileChange(String path, Kind kind, long sizeA, long sizeB) {

    /** How a path differs. */
    public enum Kind { ADDED, REMOVED, RESIZED }

    /** Biggest absolute change first, then by path, so the order is stable. */
    public static final Comparator<FileChange> BIGGEST_FIRST = Comparator
            .comparingLong((FileChange c) -> Math.abs(c.deltaBytes())).reversed().thenComparing(FileChange::path);

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if (sizeA < 0 || sizeB < 0 || kind == Kind.ADDED && sizeA != 0 || kind == Kind.REMOVED && sizeB != 0) {
            throw new IllegalArgumentException(kind + " " + path + " with sizes " + sizeA + " and " + sizeB);
        }
    }

    /** B's bytes less A's. */
    public long deltaBytes() {
        return sizeB - sizeA;
    }

    /**
     * What differs between the file lists {@code a} and {@code b}, matched by path, biggest change
     * first. A file moved to another path is one removal and one addition.
     */
    public static List<FileChange> between(List<LandedFile> a, List<LandedFile> b) {
        Map<String, Long> inB = new HashMap<>();
        for (LandedFile f : b) {
            inB.put(f.path(), f.sizeBytes());
        }
        Map<String, Long> inA = new HashMap<>();
        List<FileChange> changes = new ArrayList<>();
        for (LandedFile f : a) {
            inA.put(f.path(), f.sizeBytes());
            Long other = inB.get(f.path());
            if (other == null) {
                changes.add(new FileChange(f.path(), Kind.REMOVED, f.sizeBytes(), 0));
            } else if (other != f.sizeBytes()) {
                changes.add(new FileChange(f.path(), Kind.RESIZED, f.sizeBytes(), other));
            }
        }
        for (LandedFile f : b) {
            if (!inA.containsKey(f.path())) {
                changes.add(new FileChange(f.path(), Kind.ADDED, 0, f.sizeBytes()));
            }
        }
        changes.sort(BIGGEST_FIRST);
        return changes;
    }
}
