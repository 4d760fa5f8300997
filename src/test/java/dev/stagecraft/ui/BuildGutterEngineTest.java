package dev.stagecraft.ui;

import static dev.stagecraft.ui.BuildGutterTest.fillWidth;
import static dev.stagecraft.ui.BuildGutterTest.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.Workbench;
import dev.stagecraft.engine.measure.LayerSize;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The gutter fed by a real build: BuildRunner against the running engine, its events passed to the
 * FX thread one by one as they come (as the window passes them), then its report's layer sizes.
 * Skipped with a reason when no engine answers, except under CI=true.
 */
@ExtendWith(ApplicationExtension.class)
class BuildGutterEngineTest {
    /** Every image these tests build carries it (besides the suite's test label), so cleaning up removes only theirs. */
    private static final String OWN_LABEL = "dev.stagecraft.test.gutter";
    private static final Map<String, String> LABELS = Map.of(RealEngine.TEST_LABEL, "true", OWN_LABEL, "true");
    private static final String BUILT = """
            FROM stagecraft-test/busybox:1 AS builder
            RUN head -c 3145728 /dev/zero > /big.bin
            RUN head -c 1048576 /dev/zero > /small.bin
            FROM stagecraft-test/busybox:1 AS final
            COPY --from=builder /small.bin /small.bin
            """;
    private static final String FAILING = """
            FROM stagecraft-test/busybox:1
            WORKDIR /work
            RUN echo gutter-test && exit 3
            """;

    private static BuildEngine engine;
    private static Workbench workbench;
    private Stage stage;

    @BeforeAll
    static void connect() throws Exception {
        engine = RealEngine.connect();
        workbench = Workbench.create();
    }

    @AfterAll
    static void cleanUp() {
        if (engine != null) {
            for (int round = 0; round < 5 && !engine.imagesLabelled(OWN_LABEL, "true").isEmpty(); round++) {
                for (String id : engine.imagesLabelled(OWN_LABEL, "true")) {
                    try {
                        engine.removeImage(id);
                    } catch (EngineException stillUsed) {
                        // A child image still uses it: the next round removes it.
                    }
                }
            }
            engine.close();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Runs the build as the window will: events to the FX thread as they come; returns the report, or null when it failed. */
    private BuildReport build(BuildMarks marks, String text, Path folder, List<BuildEvent> seen) throws Exception {
        Path dockerfile = folder.resolve("Dockerfile");
        Files.writeString(dockerfile, text, StandardCharsets.UTF_8);
        WaitForAsyncUtils.asyncFx(() -> marks.startBuild(DockerfileAnalyzer.analyze(text))).get();
        BuildRunner runner = workbench.runner(engine, LABELS);
        try {
            return runner.run(new BuildRunner.Input(text, dockerfile, BuildSettings.defaults(folder), false), event -> {
                seen.add(event);
                Platform.runLater(() -> marks.apply(event));
            }, new Cancellation());
        } catch (EngineException e) {
            return null;
        } finally {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void aRealBuildMarksEveryStepAndDrawsItsLayersOnOneScale(FxRobot robot, @TempDir Path folder) throws Exception {
        BuildGutterTest.Harness[] h = new BuildGutterTest.Harness[1];
        robot.interact(() -> h[0] = BuildGutterTest.Harness.show(stage, BUILT, false));
        BuildMarks marks = h[0].gutter().build();
        List<BuildEvent> seen = new ArrayList<>();
        BuildReport report = build(marks, BUILT, folder, seen);
        assertTrue(report != null, "the build succeeds");
        assertTrue(seen.stream().anyMatch(e -> e instanceof BuildEvent.StepChanged s && s.line() == 2), "the engine told of line 2");
        for (int line : List.of(2, 3, 5)) {
            String state = state(h[0].mark(robot, line));
            assertTrue(Set.of("step-done", "step-cached").contains(state), "line " + line + ": " + state);
        }

        robot.interact(() -> marks.showLayers(report));
        Map<Integer, Long> layers = new HashMap<>();
        for (BuildReport.StageReport s : report.stages()) {
            for (LayerSize l : s.layers()) {
                layers.put(l.line(), l.sizeBytes());
            }
        }
        long big = layers.get(2);
        long small = layers.get(3);
        assertTrue(big >= 3_145_728 && big < 3_200_000, "the 3 MiB RUN's layer: " + big);
        assertTrue(small >= 1_048_576 && small < 1_100_000, "the 1 MiB RUN's layer: " + small);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BuildGutterCells.BAR_WIDTH, fillWidth(h[0].layer(robot, 2)), 0.01, "the largest layer fills its bar");
        // Bars are laid out on whole pixels.
        assertEquals(BuildGutterCells.BAR_WIDTH * small / big, fillWidth(h[0].layer(robot, 3)), 1);
        assertEquals(BuildGutterCells.BAR_WIDTH * layers.get(5) / big, fillWidth(h[0].layer(robot, 5)), 1,
                "the final stage's COPY on the same scale");
        assertEquals("3.0 MB", h[0].layer(robot, 2).getText());
        assertNull(h[0].layer(robot, 1), "a FROM adds no layer of its own");
    }

    @Test
    void aRealFailureMarksItsStepWithTheEnginesError(FxRobot robot, @TempDir Path folder) throws Exception {
        BuildGutterTest.Harness[] h = new BuildGutterTest.Harness[1];
        robot.interact(() -> h[0] = BuildGutterTest.Harness.show(stage, FAILING, false));
        BuildMarks marks = h[0].gutter().build();
        List<BuildEvent> seen = new ArrayList<>();
        assertNull(build(marks, FAILING, folder, seen), "the build fails");
        assertTrue(seen.stream().anyMatch(e -> e instanceof BuildEvent.StepChanged s && s.state() == StepState.FAILED && s.line() == 3),
                "the engine's events say which step failed");
        assertEquals("step-failed", state(h[0].mark(robot, 3)));
        String tip = h[0].mark(robot, 3).getTooltip().getText();
        assertTrue(tip.startsWith("Failed after ") && tip.contains("exit code: 3"), tip);
        assertEquals(OptionalInt.of(3), marks.failedLine());
        assertTrue(h[0].failedStyle(3));
        String hover = WaitForAsyncUtils.asyncFx(() -> marks.errorAt(FAILING.indexOf("exit 3"))).get();
        assertTrue(hover.contains("exit code: 3"), hover);
        assertTrue(Set.of("step-done", "step-cached").contains(state(h[0].mark(robot, 2))), "the WORKDIR before it ran");
    }
}
