package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real multi-stage builds, both builders, checked against what the engine itself reports. */
class BuildRunnerTest {
    private static final String BASE = RealEngine.BASE_IMAGE;
    /** A builder writing 5 MiB and a 6-byte file; a tester the target does not need; a scratch final stage. */
    private static final String SPLIT = """
            FROM %s AS builder
            WORKDIR /out
            RUN head -c 5242880 /dev/zero > /big && printf 'hello\\n' > greeting \\
                && printf '#!/bin/sh\\necho hi\\n' > run.sh && chmod 755 run.sh
            FROM builder AS tester
            RUN test -f /out/greeting
            FROM scratch
            COPY --from=builder /out/greeting /greeting
            COPY --from=builder /out/ /app/
            """.formatted(BASE);

    private static BuildEngine engine;
    private static Workbench bench;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() throws Exception {
        engine = RealEngine.connect();
        bench = Workbench.create();
    }

    @AfterAll
    static void cleanUp() {
        if (engine != null) {
            RealEngine.removeTestImages(engine);
            assertEquals(List.of(), engine.imagesLabelled(RealEngine.TEST_LABEL, "true"), "test images left behind");
            engine.close();
        }
        if (bench != null) {
            bench.close();
        }
    }

    private BuildReport build(String text, BuilderKind builder, String target, List<BuildEvent> events) throws Exception {
        Path context = Files.createDirectories(dir.resolve("context"));
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), text);
        BuildSettings settings = new BuildSettings(context, target, Map.of(), false, builder, false);
        return bench.runner(engine, Map.of(RealEngine.TEST_LABEL, "true"))
                .run(new BuildRunner.Input(text, dockerfile, settings, false), events::add, new Cancellation());
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void builderWrites5MiB_finalImageWeighsExactlyTheCopiedFiles(BuilderKind builder) throws Exception {
        BuildReport report = build(SPLIT, builder, null, new ArrayList<>());
        // greeting (6 B) twice, run.sh (18 B): nothing of the 5 MiB ships.
        assertEquals(6 + 6 + 18, report.finalSizeBytes());
        assertEquals(report.finalSizeBytes(), engine.inspectImage(report.finalImageId()).orElseThrow().sizeBytes());
        assertTrue(report.leftBehindBytes() >= 5 * 1024 * 1024, "left behind: " + report.leftBehindBytes());
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void perStageSizes_equalWhatTheEngineReportsForEachStageImage(BuilderKind builder) throws Exception {
        BuildReport report = build(SPLIT, builder, null, new ArrayList<>());
        long baseSize = engine.inspectImage(BASE).orElseThrow().sizeBytes();
        for (StageReport s : report.stages()) {
            if (!s.built()) {
                continue;
            }
            assertEquals(engine.inspectImage(s.imageId()).orElseThrow().sizeBytes(), s.sizeBytes(), "stage " + s.index());
            assertNull(s.problem(), s.problem());
            long layers = s.layers().stream().mapToLong(LayerSize::sizeBytes).sum();
            assertEquals(s.ownBytes(), layers, "the layers add up to what the stage adds");
        }
        StageReport builderStage = report.stages().get(0);
        assertEquals(baseSize, builderStage.baseSizeBytes());
        LayerSize run = builderStage.layers().stream().filter(l -> l.line() == 3).findFirst().orElseThrow();
        assertTrue(run.sizeBytes() >= 5 * 1024 * 1024, "the RUN on line 3 made the 5 MiB layer: " + builderStage.layers());
        assertEquals(0, report.stages().get(2).baseSizeBytes(), "scratch weighs nothing");
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void edgeFiles_areExactlyTheFilesInTheCopiedLayer(BuilderKind builder) throws Exception {
        BuildReport report = build(SPLIT, builder, null, new ArrayList<>());
        Map<Integer, EdgeReport> byLine = report.edges().stream().collect(Collectors.toMap(EdgeReport::line, e -> e));
        assertEquals(Set.of(8, 9), byLine.keySet());
        EdgeReport single = byLine.get(8);
        assertEquals(0, single.fromStage());
        assertEquals(2, single.to());
        assertEquals(List.of("/greeting 6 0644"), describe(single.files()));
        assertEquals(6, single.bytes());
        EdgeReport folder = byLine.get(9);
        assertEquals(List.of("/app/greeting 6 0644", "/app/run.sh 18 0755"), describe(folder.files()));
        assertEquals(24, folder.bytes());
    }

    private static List<String> describe(List<LandedFile> files) {
        return files.stream().map(f -> f.path() + " " + f.sizeBytes() + " " + String.format("%04o", f.mode()))
                .sorted().toList();
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void skippedStages_buildKitSkipsWhatTheTargetDoesNotNeed_classicBuildsIt(BuilderKind builder) throws Exception {
        List<BuildEvent> events = new ArrayList<>();
        BuildReport report = build(SPLIT, builder, null, events);
        StageReport tester = report.stages().get(1);
        assertFalse(tester.needed());
        if (builder == BuilderKind.BUILDKIT) {
            assertFalse(tester.built());
            assertNull(tester.imageId());
            assertTrue(events.stream().anyMatch(e -> e instanceof BuildEvent.StageChanged c && c.stageIndex() == 1
                    && c.state() == StepState.SKIPPED), "the window shows the tester as skipped");
        } else {
            assertTrue(tester.built(), "the classic builder builds every stage before the target");
            assertNotNull(tester.imageId());
        }
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void rebuild_marksUnchangedStepsCached(BuilderKind builder) throws Exception {
        build(SPLIT, builder, null, new ArrayList<>());
        List<BuildEvent> again = new ArrayList<>();
        build(SPLIT, builder, null, again);
        Map<Integer, StepState> last = new HashMap<>();
        for (BuildEvent e : again) {
            if (e instanceof BuildEvent.StepChanged s && s.line() > 0) {
                last.put(s.line(), s.state());
            }
        }
        for (int line : List.of(2, 3, 8, 9)) {
            assertEquals(StepState.CACHED, last.get(line), "line " + line + " in " + last);
        }
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void failingRun_reportsItsLine(BuilderKind builder) throws Exception {
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        String text = "FROM " + BASE + "\nRUN echo fine\nRUN echo broken && exit 3\nRUN echo never\n";
        EngineException e = assertThrows(EngineException.class, () -> build(text, builder, null, events));
        assertEquals(EngineException.Kind.BUILD_FAILED, e.kind());
        assertTrue(e.getMessage().startsWith("Line 3 failed: "), e.getMessage());
        assertTrue(events.stream().anyMatch(ev -> ev instanceof BuildEvent.StepChanged s && s.line() == 3
                && s.state() == StepState.FAILED && s.error() != null), "line 3 is marked failed with the error");
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void cancelMidBuild_leavesNoContainerRunning(BuilderKind builder) throws Exception {
        List<String> before = engine.runningContainers();
        Cancellation cancellation = new Cancellation();
        Path context = Files.createDirectories(dir.resolve("context"));
        String text = "FROM " + BASE + "\nRUN echo started && sleep 60\n";
        BuildSettings settings = new BuildSettings(context, null, Map.of(), true, builder, false);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(cancellation::cancel, 3, TimeUnit.SECONDS);
            EngineException e = assertThrows(EngineException.class, () -> bench.runner(engine,
                    Map.of(RealEngine.TEST_LABEL, "true")).run(new BuildRunner.Input(text, null, settings, false),
                    ev -> { }, cancellation));
            assertEquals(EngineException.Kind.CANCELLED, e.kind());
        } finally {
            timer.shutdownNow();
        }
        RealEngine.assertNoNewContainerWithin10s(engine, before);
    }

    @Test
    void buildKitRebuild_reusesTheStageImagesWhoseInputsDidNotChange_andRebuildsTheChangedOne() throws Exception {
        String text = "FROM " + BASE + " AS one\nRUN echo one > /one\n"
                + "FROM " + BASE + " AS two\nRUN echo two > /two\n"
                + "FROM scratch\nCOPY --from=one /one /one\nCOPY --from=two /two /two\n";
        BuildReport first = build(text, BuilderKind.BUILDKIT, null, new ArrayList<>());
        List<BuildEvent> again = new ArrayList<>();
        BuildReport second = build(text, BuilderKind.BUILDKIT, null, again);
        assertEquals(first.stages().get(0).imageId(), second.stages().get(0).imageId());
        assertEquals(first.stages().get(1).imageId(), second.stages().get(1).imageId());
        assertFalse(again.stream().anyMatch(e -> e instanceof BuildEvent.PhaseChanged p
                && p.description().contains("as targets")), "nothing changed: no stage is built again to measure it");
        assertEquals(first.edges().get(1).files(), second.edges().get(1).files());

        List<BuildEvent> changed = new ArrayList<>();
        BuildReport third = build(text.replace("echo two", "echo zwei"), BuilderKind.BUILDKIT, null, changed);
        assertEquals(second.stages().get(0).imageId(), third.stages().get(0).imageId(), "stage one did not change");
        assertTrue(changed.stream().anyMatch(e -> e instanceof BuildEvent.PhaseChanged p
                && p.description().startsWith("Building 1 other stage")), "stage two changed: built again");
        assertEquals(List.of("/two 5 0644"), describe(third.edges().get(1).files()));
        assertEquals(engine.inspectImage(third.stages().get(1).imageId()).orElseThrow().sizeBytes(),
                third.stages().get(1).sizeBytes());
    }

    @Test
    void unnamedStages_areBuiltAsTargetsAndMeasured() throws Exception {
        String text = "FROM " + BASE + "\nRUN echo one > /one\nFROM scratch\nCOPY --from=0 /one /one\n";
        BuildReport report = build(text, BuilderKind.BUILDKIT, null, new ArrayList<>());
        assertNotNull(report.stages().get(0).imageId(), "the unnamed first stage has its own image");
        assertNull(report.stages().get(0).name());
        assertEquals(List.of("/one 4 0644"), describe(report.edges().get(0).files()));
    }

    @Test
    void cleanUp_removesOnlyImagesWithTheLabel_andANewBuildSupersedesTheOld() throws Exception {
        BuildReport first = build(SPLIT, BuilderKind.BUILDKIT, null, new ArrayList<>());
        BuildReport second = build(SPLIT.replace("hello", "hallo"), BuilderKind.BUILDKIT, null, new ArrayList<>());
        assertTrue(engine.inspectImage(first.finalImageId()).isEmpty(), "the superseded final image was removed");
        assertTrue(engine.inspectImage(second.finalImageId()).isPresent());
        Set<String> labelled = new TreeSet<>(engine.imagesLabelled(RealEngine.TEST_LABEL, "true"));
        assertTrue(labelled.contains(second.finalImageId()));
        ImageCleanup.removeLabelled(engine, RealEngine.TEST_LABEL, "true");
        assertEquals(List.of(), engine.imagesLabelled(RealEngine.TEST_LABEL, "true"));
        assertTrue(engine.inspectImage(BASE).isPresent(), "an image Stagecraft did not make is never touched");
    }
}
