package dev.stagecraft.compare;

import dev.stagecraft.engine.build.BuildReport.StageReport;

/**
 * One row of the stage table: A's stage and B's stage paired, either of them null when the stage is
 * on one side only. {@code targets} marks the row that pairs the two final stages. A stage the
 * builder skipped, or one absent, weighs 0 in the deltas.
 */
public record StageRow(StageReport a, StageReport b, boolean targets) {
    public StageRow {
        if (a == null && b == null) {
            throw new IllegalArgumentException("a stage row needs a stage on at least one side");
        }
    }

    /** B's stage size less A's. */
    public long sizeDeltaBytes() {
        return size(b) - size(a);
    }

    /** The change in what the stage's own instructions add. */
    public long ownDeltaBytes() {
        return own(b) - own(a);
    }

    static long size(StageReport s) {
        return s == null || !s.built() ? 0 : s.sizeBytes();
    }

    static long own(StageReport s) {
        return s == null || !s.built() ? 0 : s.ownBytes();
    }

    /** A stage's name for people: its name, or {@code #index} when it has none. */
    public static String label(StageReport s) {
        return s == null ? "" : s.name() != null ? s.name() : "#" + s.index();
    }
}
