package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.compare.StageRow;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTextsTest {
    private static StageReport stage(int index, String name, long size) {
        return new StageReport(index, name, true, true, false, "sha256:" + index, size, 0, List.of(), null);
    }

    @Test
    void aStageOnlyInBReadsAsNewInPlainColourNotAsAGrowth() {
        StageRow row = new StageRow(null, stage(0, "build", 12_000_000), false);
        assertEquals("build (new in B)", ComparisonTexts.stageName(row));
        assertEquals("new stage", ComparisonTexts.stageDelta(row));
        assertEquals(ComparisonTexts.ONE_SIDE, ComparisonTexts.stageDeltaClass(row));
    }

    @Test
    void aStageOnlyInAReadsAsRemovedInPlainColourNotAsAShrink() {
        StageRow row = new StageRow(stage(1, "test", 3_000_000), null, false);
        assertEquals("test (removed in B)", ComparisonTexts.stageName(row));
        assertEquals("removed stage", ComparisonTexts.stageDelta(row));
        assertEquals(ComparisonTexts.ONE_SIDE, ComparisonTexts.stageDeltaClass(row));
    }

    @Test
    void aStageOnBothSidesShowsItsSignedChangeAndItsColour() {
        StageRow grew = new StageRow(stage(0, "build", 1_000_000), stage(0, "build", 3_000_000), false);
        assertEquals("+1.9 MB", ComparisonTexts.stageDelta(grew));
        assertEquals(ComparisonTexts.BIGGER, ComparisonTexts.stageDeltaClass(grew));
        StageRow shrank = new StageRow(stage(0, "build", 3_000_000), stage(0, "build", 1_000_000), true);
        assertEquals("\u22121.9 MB", ComparisonTexts.stageDelta(shrank));
        assertEquals(ComparisonTexts.SMALLER, ComparisonTexts.stageDeltaClass(shrank));
        assertEquals("build (final)", ComparisonTexts.stageName(shrank));
    }
}
