package dev.stagecraft.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.engine.BuilderKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sizes against the inspect sizes and histories recorded from the engine. */
class StageSizesTest {

    @Test
    void buildKit_sizesAreInspectSizes_andLayersAddUpToTheStagesOwnBytes() {
        Recorded r = Recorded.of("every-kind", "buildkit");
        StageSizes s0 = sizes(r, 0, BuilderKind.BUILDKIT, "external");
        StageSizes s1 = sizes(r, 1, BuilderKind.BUILDKIT, "0");

        assertEquals(new StageSizes(0, r.facts("0").id(), 1_984_245, 1_984_230, List.of(new LayerSize(8, 0), new LayerSize(9, 0),
                new LayerSize(10, 3), new LayerSize(11, 0), new LayerSize(12, 6), new LayerSize(13, 6)), 0), s0);
        assertEquals(new StageSizes(1, r.facts("1").id(), 1_984_260, 1_984_245, List.of(new LayerSize(22, 5), new LayerSize(24, 4),
                new LayerSize(25, 6)), 0), s1);
        assertEquals(15, s1.ownBytes());
    }

    @Test
    void classic_sameSizes_buildLabelsAddNoBytes() {
        Recorded r = Recorded.of("every-kind", "classic");
        StageSizes s1 = sizes(r, 1, BuilderKind.CLASSIC, "0");

        assertEquals(1_984_260, s1.sizeBytes());
        assertEquals(1_984_245, s1.baseSizeBytes());
        assertEquals(List.of(new LayerSize(22, 5), new LayerSize(24, 4), new LayerSize(25, 6)), s1.layers());
        assertEquals(0, s1.unattributedBytes());
    }

    @Test
    void stageFromScratch_hasNoBaseBytes_andClassicCountsTheSymlinkInItsLayer() {
        Recorded bk = Recorded.of("edge", "buildkit");
        Recorded classic = Recorded.of("edge", "classic");
        StageSizes b = sizes(bk, 1, BuilderKind.BUILDKIT, null);
        StageSizes c = sizes(classic, 1, BuilderKind.CLASSIC, null);

        assertEquals(new StageSizes(1, bk.facts("1").id(), 13, 0, List.of(new LayerSize(6, 8), new LayerSize(7, 0),
                new LayerSize(8, 5)), 0), b);
        assertEquals(new StageSizes(1, classic.facts("1").id(), 18, 0, List.of(new LayerSize(6, 13), new LayerSize(7, 0),
                new LayerSize(8, 5)), 0), c);
    }

    @Test
    void failedAttribution_leavesTheOwnBytesUnattributed() {
        Recorded r = Recorded.of("onbuild-external", "buildkit");
        StageSizes s = sizes(r, 0, BuilderKind.BUILDKIT, "external");

        assertEquals(List.of(), s.layers());
        assertEquals(1_984_242, s.sizeBytes());
        assertEquals(12, s.unattributedBytes());
    }

    private static StageSizes sizes(Recorded r, int stage, BuilderKind builder, String base) {
        LayerAttribution a = LayerAttribution.of(r.analysis(), stage, builder, r.history(String.valueOf(stage)),
                base == null ? List.of() : r.history(base));
        return StageSizes.of(a, r.facts(String.valueOf(stage)), base == null ? null : r.facts(base));
    }
}
