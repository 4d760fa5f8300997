package dev.stagecraft.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.stage.Analysis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attribution against histories recorded from Docker 20.10.24 with both builders
 * ({@code engine/measure/*}). Each entry is written {@code historyIndex:line:KIND:bytes}.
 */
class LayerAttributionTest {
    /** every-kind, stage 0: the entries both builders make for lines 3 to 20 (line 1's global ARG and the FROMs make none). */
    private static final List<String> EVERY_KIND_STAGE_0 = List.of("1:3:ARG:0", "2:4:ENV:0", "3:5:LABEL:0",
            "4:6:MAINTAINER:0", "5:7:USER:0", "6:8:WORKDIR:0", "7:9:WORKDIR:0", "8:10:RUN:3", "9:11:RUN:0", "10:12:COPY:6",
            "11:13:ADD:6", "12:14:EXPOSE:0", "13:15:CMD:0", "14:16:ENTRYPOINT:0", "15:17:VOLUME:0", "16:18:SHELL:0",
            "17:19:STOPSIGNAL:0", "18:20:HEALTHCHECK:0");

    @Test
    void buildKit_everyInstructionButOnbuildMakesOneEntry_onItsLine() {
        Recorded r = Recorded.of("every-kind", "buildkit");
        LayerAttribution a = attribute(r, 0, BuilderKind.BUILDKIT, "external");

        assertTrue(a.complete(), a.problem());
        assertEquals(EVERY_KIND_STAGE_0, written(a));
        assertEquals(1, a.baseEntries());
        assertEquals(19, a.historySize());
        assertEquals(0, a.buildLabelEntries());
    }

    @Test
    void classic_onbuildMakesAnEntryToo_andEachBuildLabelOneAtTheEnd() {
        Recorded r = Recorded.of("every-kind", "classic");
        LayerAttribution a = attribute(r, 0, BuilderKind.CLASSIC, "external");

        assertTrue(a.complete(), a.problem());
        List<String> expected = new ArrayList<>(EVERY_KIND_STAGE_0);
        expected.add("19:21:ONBUILD:0");
        assertEquals(expected, written(a));
        assertEquals(2, a.buildLabelEntries());
        assertEquals(22, a.historySize());
    }

    @Test
    void buildKit_stageFromEarlierStage_triggerRunsAtTheFromLine() {
        Recorded r = Recorded.of("every-kind", "buildkit");
        LayerAttribution a = attribute(r, 1, BuilderKind.BUILDKIT, "0");

        assertTrue(a.complete(), a.problem());
        assertEquals(List.of("19:22:RUN:5", "20:23:ARG:0", "21:24:RUN:4", "22:25:COPY:6"), written(a));
        assertEquals(19, a.baseEntries());
        assertEquals(1, a.entriesAt(22).size());
    }

    @Test
    void classic_baseStageImageEndsWithBuildLabels_thatTheStageImageDoesNotRepeat() {
        Recorded r = Recorded.of("every-kind", "classic");
        assertEquals(22, r.history("0").size());
        LayerAttribution a = attribute(r, 1, BuilderKind.CLASSIC, "0");

        assertTrue(a.complete(), a.problem());
        assertEquals(20, a.baseEntries());
        assertEquals(List.of("20:22:RUN:5", "21:23:ARG:0", "22:24:RUN:4", "23:25:COPY:6"), written(a));
        assertEquals(2, a.buildLabelEntries());
    }

    @Test
    void stageFromScratch_hasNoBaseEntries() {
        LayerAttribution bk = attribute(Recorded.of("edge", "buildkit"), 1, BuilderKind.BUILDKIT, null);
        LayerAttribution classic = attribute(Recorded.of("edge", "classic"), 1, BuilderKind.CLASSIC, null);

        assertEquals(List.of("0:6:COPY:8", "1:7:WORKDIR:0", "2:8:COPY:5"), written(bk));
        assertEquals(List.of("0:6:COPY:13", "1:7:WORKDIR:0", "2:8:COPY:5"), written(classic));
        assertEquals(0, bk.baseEntries());
        assertEquals(2, classic.buildLabelEntries());
    }

    @Test
    void onbuildTriggerOfExternalBase_historyLongerThanExpected_nothingAttributed() {
        for (String builder : List.of("buildkit", "classic")) {
            Recorded r = Recorded.of("onbuild-external", builder);
            LayerAttribution a = attribute(r, 0, BuilderKind.fromId(builder), "external");

            assertFalse(a.complete(), builder);
            assertEquals(List.of(), a.entries(), builder);
            assertEquals(List.of(2, 3), a.unattributedLines(), builder);
            assertTrue(a.problem().contains("make 2 history entries but the image has"), a.problem());
            assertTrue(a.problem().contains("ONBUILD trigger"), a.problem());
        }
    }

    @Test
    void historyShorterThanExpected_saysWhichLinesAreNotAttributed() {
        Recorded r = Recorded.of("every-kind", "buildkit");
        List<HistoryEntry> history = new ArrayList<>(r.history("1"));
        history.remove(history.size() - 1);
        LayerAttribution a = LayerAttribution.of(r.analysis(), 1, BuilderKind.BUILDKIT, history, r.history("0"));

        assertFalse(a.complete());
        assertEquals(List.of(22, 23, 24, 25), a.unattributedLines());
        assertEquals("stage 1: the stage's instructions make 4 history entries but the image has 3 after its base's 19;"
                + " lines not attributed: [22, 23, 24, 25]", a.problem());
    }

    @Test
    void entryOfTheWrongKind_isNamed_andNothingAttributed() {
        Recorded r = Recorded.of("every-kind", "buildkit");
        List<HistoryEntry> history = new ArrayList<>(r.history("1"));
        Collections.swap(history, 21, 22);
        LayerAttribution a = LayerAttribution.of(r.analysis(), 1, BuilderKind.BUILDKIT, history, r.history("0"));

        assertFalse(a.complete());
        assertEquals(List.of(), a.entries());
        assertTrue(a.problem().contains("history entry 21 ('COPY /f /f2 # buildkit') was made by COPY, but the stage's entry 2"
                + " should come from the RUN on line 24"), a.problem());
    }

    @Test
    void buildKit_neverAddsLabelEntries_soATrailingOneIsAMismatch() {
        Recorded r = Recorded.of("every-kind", "buildkit");
        List<HistoryEntry> history = new ArrayList<>(r.history("0"));
        history.add(new HistoryEntry("LABEL x=1", 0, "buildkit.dockerfile.v0"));
        LayerAttribution a = LayerAttribution.of(r.analysis(), 0, BuilderKind.BUILDKIT, history, r.history("external"));

        assertFalse(a.complete());
        assertEquals(18, a.unattributedLines().size());
    }

    @Test
    void classic_trailingEntryThatIsNoLabel_isAMismatch() {
        Recorded r = Recorded.of("every-kind", "classic");
        List<HistoryEntry> history = new ArrayList<>(r.history("0"));
        history.add(new HistoryEntry("/bin/sh -c echo extra", 6, ""));
        LayerAttribution a = LayerAttribution.of(r.analysis(), 0, BuilderKind.CLASSIC, history, r.history("external"));

        assertFalse(a.complete());
        assertTrue(a.problem().contains("make 19 history entries but the image has 22 after its base's 1"), a.problem());
    }

    @Test
    void historyThatDoesNotStartWithTheBase_isAMismatch() {
        Recorded r = Recorded.of("every-kind", "buildkit");
        List<HistoryEntry> otherBase = Recorded.of("onbuild-external", "buildkit").history("external");
        LayerAttribution a = LayerAttribution.of(r.analysis(), 0, BuilderKind.BUILDKIT, r.history("0"), otherBase);

        assertFalse(a.complete());
        assertTrue(a.problem().startsWith("stage 0: the image's history does not start with its base's: entry 1 differs"
                + " ('ARG A=1' where the base has '/bin/sh -c #(nop)  ONBUILD RUN echo trigger > /trigger')"), a.problem());
    }

    @Test
    void classicStageWithAnIntermediateBaseWithoutLabels_attributesTheSame() {
        Recorded r = Recorded.of("every-kind", "classic");
        List<HistoryEntry> base = r.history("0").subList(0, 20);
        LayerAttribution a = LayerAttribution.of(r.analysis(), 1, BuilderKind.CLASSIC, r.history("1"), base);

        assertEquals(List.of("20:22:RUN:5", "21:23:ARG:0", "22:24:RUN:4", "23:25:COPY:6"), written(a));
    }

    private static LayerAttribution attribute(Recorded r, int stage, BuilderKind builder, String base) {
        Analysis analysis = r.analysis();
        return LayerAttribution.of(analysis, stage, builder, r.history(String.valueOf(stage)),
                base == null ? List.of() : r.history(base));
    }

    private static List<String> written(LayerAttribution a) {
        List<String> out = new ArrayList<>();
        for (AttributedEntry e : a.entries()) {
            out.add(e.historyIndex() + ":" + e.line() + ":" + e.kind() + ":" + e.sizeBytes());
        }
        return out;
    }
}
