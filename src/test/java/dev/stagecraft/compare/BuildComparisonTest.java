package dev.stagecraft.compare;

import static dev.stagecraft.compare.ComparisonPair.APP;
import static dev.stagecraft.compare.ComparisonPair.ARTIFACT;
import static dev.stagecraft.compare.ComparisonPair.SOURCES;
import static dev.stagecraft.compare.ComparisonPair.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.compare.FileChange.Kind;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerSize;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildComparisonTest {

    @Test
    void identicalBuilds_showNoChange() {
        for (BuildReport r : List.of(ComparisonPair.single(), ComparisonPair.multi())) {
            String text = r.stages().size() == 1 ? ComparisonPair.SINGLE : ComparisonPair.MULTI;
            BuildComparison c = BuildComparison.of(new ComparedBuild("a", text, r), new ComparedBuild("b", text, r));

            assertEquals(0, c.deltaBytes());
            assertEquals(0.0, c.deltaPercent());
            assertEquals(List.of(), c.finalFiles());
            assertEquals(List.of(), c.leftBehind());
            for (StageRow row : c.stages()) {
                assertEquals(row.a(), row.b());
                assertEquals(0, row.sizeDeltaBytes());
            }
            for (LayerChange l : c.layers()) {
                assertTrue(l.a() != null && l.b() != null && l.deltaBytes() == 0, l.toString());
            }
            assertEquals(r.edges().size(), c.edges().size());
            for (EdgeChange e : c.edges()) {
                assertEquals(e.lineA(), e.lineB());
                assertEquals(List.of(), e.files());
            }
        }
    }

    @Test
    void movedFile_isARemovalPlusAnAddition() {
        List<FileChange> changes = FileChange.between(List.of(file("/old/app.jar", 900), file("/same", 5)),
                List.of(file("/new/app.jar", 900), file("/same", 5)));

        assertEquals(List.of(new FileChange("/new/app.jar", Kind.ADDED, 0, 900),
                new FileChange("/old/app.jar", Kind.REMOVED, 900, 0)), changes);
    }

    @Test
    void finalFileDeltas_addUpToTheDifferenceOfTheFinalFileTotals() {
        BuildComparison c = ComparisonPair.comparison();
        long sum = c.finalFiles().stream().mapToLong(FileChange::deltaBytes).sum();

        assertEquals(BuildComparison.fileBytes(c.b().report().finalFiles()) - BuildComparison.fileBytes(c.a().report().finalFiles()),
                sum);
        assertEquals(-(ARTIFACT + SOURCES), sum, "the app moved, the artifact and the sources are gone");
    }

    @Test
    void singleStagesOnlyStage_pairsWithTheMultiStageFilesTarget_theBuildStageIsBsAlone() {
        BuildComparison c = ComparisonPair.comparison();

        assertEquals(2, c.stages().size());
        StageRow targets = c.stages().get(0);
        assertEquals(0, targets.a().index());
        assertEquals(1, targets.b().index());
        assertTrue(targets.targets());
        assertEquals(-(SOURCES + ARTIFACT), targets.sizeDeltaBytes());
        StageRow build = c.stages().get(1);
        assertNull(build.a());
        assertEquals("build", build.b().name());
        assertFalse(build.targets());
    }

    @Test
    void stagesOfTheSameName_pairUp_whereverTheyAre_andTheRestPairByIndex() {
        BuildReport a = report(0, stage(0, "deps"), stage(1, null), stage(2, "test"), stage(3, "app"));
        BuildReport b = report(2, stage(0, "test"), stage(1, "deps"), stage(2, "app"));
        // A's target (#0) pairs with B's target whatever their names; A's app finds no free app in B and no stage at index 3.
        BuildComparison c = BuildComparison.of(new ComparedBuild("a", "", a), new ComparedBuild("b", "", b));

        assertEquals(List.of("deps>app", "#1>deps", "test>test", "app>-"), c.stages().stream()
                .map(r -> (r.a() == null ? "-" : StageRow.label(r.a())) + ">" + (r.b() == null ? "-" : StageRow.label(r.b())))
                .toList());
    }

    @Test
    void finalSizes_deltaAndPercent_areBLessA() {
        BuildComparison c = ComparisonPair.comparison();

        assertEquals(-(SOURCES + ARTIFACT), c.deltaBytes());
        assertEquals(-(SOURCES + ARTIFACT) * 100.0 / c.a().report().finalSizeBytes(), c.deltaPercent(), 1e-9);
    }

    @Test
    void layers_equalInstructionsPairUp_reflowedOnesToo_andTheCopyFromIsAdded() {
        BuildComparison c = ComparisonPair.comparison();

        assertEquals(4, c.layers().size(), c.layers().toString());
        assertEquals("WORKDIR /src", c.layers().get(0).instruction());
        assertEquals("RUN make app", c.layers().get(2).instruction());
        assertEquals(4, c.layers().get(2).a().line());
        assertEquals(4, c.layers().get(2).b().line());
        LayerChange copy = c.layers().get(3);
        assertEquals("COPY --from=build /src/app /usr/local/bin/app", copy.instruction());
        assertNull(copy.a());
        assertEquals(APP, copy.deltaBytes());
    }

    @Test
    void layersInAnotherOrder_areRemovedAndAdded_likeADiff() {
        String textA = "FROM x\nRUN one\nRUN two\nRUN three\n";
        String textB = "FROM x\nRUN three\nRUN one\nRUN two\n";
        BuildReport a = report(0, layered(0, new LayerSize(2, 1), new LayerSize(3, 2), new LayerSize(4, 3)));
        BuildReport b = report(0, layered(0, new LayerSize(2, 3), new LayerSize(3, 1), new LayerSize(4, 2)));
        BuildComparison c = BuildComparison.of(new ComparedBuild("a", textA, a), new ComparedBuild("b", textB, b));

        assertEquals(List.of("+RUN three", "=RUN one", "=RUN two", "-RUN three"), c.layers().stream()
                .map(l -> (l.a() == null ? "+" : l.b() == null ? "-" : "=") + l.instruction()).toList());
    }

    @Test
    void edges_matchByKindStagesAndInstruction_anotherSourceStageIsAnotherEdge() {
        String textA = "FROM x AS build\nRUN make\nFROM y\nCOPY --from=build /out /app\n";
        String textB = "FROM x AS compile\nRUN make\nFROM y\nCOPY --from=compile /out /app\n";
        EdgeReport edgeA = new EdgeReport("copy", 0, null, 1, 4, List.of(file("/app/a", 3), file("/app/b", 4)), 7, null);
        EdgeReport edgeA2 = new EdgeReport("copy", 0, null, 1, 4, List.of(file("/app/a", 5)), 5, null);
        BuildReport a = report(1, List.of(edgeA), stage(0, "build"), stage(1, null));
        BuildReport a2 = report(1, List.of(edgeA2), stage(0, "build"), stage(1, null));
        BuildReport b = report(1, List.of(edgeA), stage(0, "compile"), stage(1, null));

        BuildComparison same = BuildComparison.of(new ComparedBuild("a", textA, a), new ComparedBuild("a2", textA, a2));
        assertEquals(1, same.edges().size());
        assertEquals(List.of(new FileChange("/app/b", Kind.REMOVED, 4, 0), new FileChange("/app/a", Kind.RESIZED, 3, 5)),
                same.edges().get(0).files());
        assertEquals(-2, same.edges().get(0).deltaBytes());

        BuildComparison renamed = BuildComparison.of(new ComparedBuild("a", textA, a), new ComparedBuild("b", textB, b));
        assertEquals(2, renamed.edges().size());
        assertEquals(4, renamed.edges().get(0).lineA());
        assertNull(renamed.edges().get(0).lineB());
        assertEquals("compile", renamed.edges().get(1).from());
        assertEquals(7, renamed.edges().get(1).deltaBytes());
    }

    @Test
    void leftBehind_isWhatAsFinalImageHeldAndBsDoesNot_biggestFirst() {
        BuildComparison c = ComparisonPair.comparison();

        assertEquals(List.of(new LeftBehindFile("/src/build/artifact.bin", ARTIFACT), new LeftBehindFile("/src/app", APP),
                new LeftBehindFile("/src/main.c", SOURCES)), c.leftBehind());
    }

    @Test
    void finalFilesOfOneSideUnread_noFileDifferencesAreClaimed() {
        BuildReport multi = ComparisonPair.multi();
        BuildReport unread = new BuildReport(multi.builder(), multi.targetStage(), multi.finalImageId(), multi.finalSizeBytes(),
                multi.leftBehindBytes(), multi.stages(), multi.edges(), List.of(), "the saved image was cut short",
                multi.elapsed());
        BuildComparison c = BuildComparison.of(new ComparedBuild("a", ComparisonPair.SINGLE, ComparisonPair.single()),
                new ComparedBuild("b", ComparisonPair.MULTI, unread));

        assertTrue(c.finalFilesUnknown());
        assertEquals(List.of(), c.finalFiles());
        assertEquals(List.of(), c.leftBehind());
        assertEquals(-(SOURCES + ARTIFACT), c.deltaBytes(), "the sizes are still the engine's");
        assertTrue(ComparisonMarkdown.of(c).contains("Not known: the final image's files of B could not be read."));
        assertTrue(ComparisonText.of(c).contains("final image files: not known (the saved image was cut short)"));
    }

    @Test
    void textReport_hasTheSummaryTheStagesAndWhatIsLeftBehind() {
        String text = ComparisonText.of(ComparisonPair.comparison());

        assertTrue(text.startsWith("A: 12 MB -> B: 7.5 MB (-40.1%)  -5.0 MB\nA = Dockerfile.single\nB = Dockerfile.multi\n"), text);
        assertTrue(text.contains("\n      5.0 MB  /src/build/artifact.bin\n"), text);
        assertTrue(text.contains("    +39 KB  added    /usr/local/bin/app\n"), text);
        assertTrue(text.contains("#0 (final)"), text);
    }

    private static StageReport stage(int index, String name) {
        return new StageReport(index, name, true, true, true, "sha256:" + index, 100 + index, 100, List.of(), null);
    }

    private static StageReport layered(int index, LayerSize... layers) {
        return new StageReport(index, null, true, true, true, "sha256:" + index, 100, 94, List.of(layers), null);
    }

    private static BuildReport report(int target, StageReport... stages) {
        return report(target, List.of(), stages);
    }

    private static BuildReport report(int target, List<EdgeReport> edges, StageReport... stages) {
        StageReport last = stages[target];
        return new BuildReport(BuilderKind.BUILDKIT, target, last.imageId(), last.sizeBytes(), 0, List.of(stages), edges,
                List.<LandedFile>of(), null, Duration.ZERO);
    }
}
