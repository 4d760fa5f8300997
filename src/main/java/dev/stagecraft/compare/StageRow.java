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

    /**
     * "new stage" when only B has the stage, "removed stage" when only A has it, else null. Every view
     * says so in place of a change: "+12 MB" for a stage only B has would read as a stage that grew.
     */
    public String oneSide() {
        return a == null ? "new stage" : b == null ? "removed stage" : null;
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
