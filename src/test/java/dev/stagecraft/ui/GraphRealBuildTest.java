package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.Workbench;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph fed a real report: a three-stage Dockerfile built by {@link BuildRunner} on the real
 * engine (busybox and scratch), shown in the real window. Snapshots, light and dark, go to
 * target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class GraphRealBuildTest {
    /**
     * builder writes 5,000 + 300,000 bytes; unused is not needed by the target; release ships two
     * COPYs. The target is named: BuildRunner loses an unnamed target (it re-analyses with target
     * "#2", which names no stage), and then reports every other stage as not needed.
     */
    private static final String DOCKERFILE = "FROM stagecraft-test/busybox:1 AS builder\n"
            + "RUN mkdir -p /out/lib && head -c 5000 /dev/zero > /out/app && chmod 0755 /out/app"
            + " && head -c 300000 /dev/zero > /out/lib/data.bin && chmod 0640 /out/lib/data.bin\n"
            + "FROM stagecraft-test/busybox:1 AS unused\n"
            + "RUN head -c 100000 /dev/zero > /big\n"
            + "FROM scratch AS release\n"
            + "COPY --from=builder /out/app /app\n"
            + "COPY --from=builder /out/lib /lib\n";

    private static BuildEngine engine;
    private static Workbench workbench;

    @TempDir
    static Path context;

    private Stage stage;
    private MainWindow window;

    @BeforeAll
    static void connect() throws IOException {
        engine = RealEngine.connect();
        workbench = Workbench.create();
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    }

    @AfterAll
    static void cleanUp() {
        if (engine != null) {
            RealEngine.removeTestImages(engine);
            engine.close();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(DOCKERFILE, context.resolve("Dockerfile"));
        TestWindows.show(stage, window, 1500, 820);
    }

    @AfterEach
    void close() {
        window.close();
    }

    /** Builds the Dockerfile with {@code builder}; the last state of each stage goes into {@code states}. */
    private static BuildReport build(BuilderKind builder, Map<Integer, BuildEvent.StageChanged> states) throws InterruptedException {
        BuildSettings settings = new BuildSettings(context, null, Map.of(), false, builder, false);
        BuildRunner runner = workbench.runner(engine, Map.of(RealEngine.TEST_LABEL, "true"));
        return runner.run(new BuildRunner.Input(DOCKERFILE, context.resolve("Dockerfile"), settings, false), event -> {
            if (event instanceof BuildEvent.StageChanged s) {
                synchronized (states) {
                    states.put(s.stageIndex(), s);
                }
            }
        }, new Cancellation());
    }

    private void showBuild(FxRobot robot, BuilderKind builder, Map<Integer, BuildEvent.StageChanged> states, BuildReport report)
            throws TimeoutException {
        TestWindows.waitUntil(() -> robot.lookup("#edge-label-0-2-1").tryQuery().isPresent());
        robot.interact(() -> {
            window.graph().buildStarted(builder);
            window.graph().showStageStates(states);
            window.graph().showReport(report);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    @Test
    void aRealBuildKitReportFillsTheBarsAndTheEdgeFileLists(FxRobot robot) throws Exception {
        Map<Integer, BuildEvent.StageChanged> states = new TreeMap<>();
        BuildReport report = build(BuilderKind.BUILDKIT, states);
        showBuild(robot, BuilderKind.BUILDKIT, states, report);

        BuildReport.StageReport builder = report.stages().get(0);
        long busybox = engine.inspectImage(RealEngine.BASE_IMAGE).orElseThrow().sizeBytes();
        assertEquals(busybox, builder.baseSizeBytes(), "the builder's base is busybox");
        assertEquals(305_000, builder.ownBytes(), "the RUN wrote 5,000 + 300,000 bytes");
        assertEquals(Sizes.human(busybox) + " base + 298 KB own", text(robot, "#stage-0 .size-text"));
        assertTrue(text(robot, "#stage-0 .build-state").matches("(done|cached).*"), text(robot, "#stage-0 .build-state"));
        assertEquals("skipped", text(robot, "#stage-1 .build-state"), "BuildKit skips the stage the target does not need");
        assertTrue(robot.lookup("#stage-1 .size-track").tryQuery().isEmpty(), "a skipped stage has no bar");

        // One scale: the builder (busybox + 305,000 bytes) is the largest and fills its bar.
        double base = robot.lookup("#stage-0 .size-base").queryAs(Region.class).getWidth();
        double own = robot.lookup("#stage-0 .size-own").queryAs(Region.class).getWidth();
        double shipped = robot.lookup("#stage-2 .size-own").queryAs(Region.class).getWidth();
        double scale = busybox + 305_000;
        assertEquals(StageBuildPanel.BAR_WIDTH, base + own, 1);
        assertEquals(StageBuildPanel.BAR_WIDTH * report.finalSizeBytes() / scale, shipped, 1);
        assertEquals(305_000, report.finalSizeBytes(), "scratch plus the two copied files");
        assertEquals("final image 298 KB", text(robot, "#stage-2 .final-size"));
        assertEquals("left behind " + Sizes.human(report.leftBehindBytes()), text(robot, "#stage-2 .left-behind-size"));

        assertEquals("/out/app \u2192 /app\n1 file, 4.9 KB landed", text(robot, "#edge-label-0-2-0"));
        assertEquals("/out/lib \u2192 /lib\n1 file, 293 KB landed", text(robot, "#edge-label-0-2-1"));
        robot.clickOn("#edge-label-0-2-0");
        TestWindows.waitUntil(() -> robot.lookup("#landed-files").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<String> files = robot.lookup("#landed-files").queryAs(ListView.class);
        assertEquals(List.of("0755     4.9 KB  /app"), files.getItems());
        assertEquals("Total: 1 file, 4.9 KB landed (5,000 bytes)", text(robot, "#landed-files-total"));
        WritableImage[] details = new WritableImage[1];
        robot.interact(() -> details[0] = files.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(details[0], null), "png", screenshots().resolve("edge-details-landed.png").toFile());
        robot.clickOn("#edge-details-close");
        TestWindows.waitUntil(() -> robot.lookup("#landed-files").tryQuery().isEmpty());

        snapshot(robot, false, "graph-build-buildkit-light.png");
        snapshot(robot, true, "graph-build-buildkit-dark.png");

        // Typing a line above everything moves every line; the results stay on their cards and edges.
        robot.interact(() -> window.editor().insertText(0, "# measured\n"));
        TestWindows.waitUntil(() -> window.graph().shownAnalysis().stages().get(0).line() == 2);
        robot.interact(() -> window.graph().markBuildStale(true));
        assertEquals("/out/lib \u2192 /lib\n1 file, 293 KB landed", text(robot, "#edge-label-0-2-1"));
        assertTrue(text(robot, "#stage-0 .build-state").endsWith("from the last build"));
        snapshot(robot, false, "graph-build-buildkit-stale-light.png");
    }

    @Test
    void aRealClassicBuildSaysWhichStageBuildKitWouldSkip(FxRobot robot) throws Exception {
        Map<Integer, BuildEvent.StageChanged> states = new TreeMap<>();
        BuildReport report = build(BuilderKind.CLASSIC, states);
        BuildReport.StageReport unused = report.stages().get(1);
        assertTrue(unused.built() && !unused.needed(), "the classic builder built the stage the target does not need");
        showBuild(robot, BuilderKind.CLASSIC, states, report);

        assertEquals("BuildKit would skip this stage", text(robot, "#stage-1 .classic-note"));
        assertTrue(robot.lookup("#stage-0 .classic-note").tryQuery().isEmpty());
        assertEquals(100_000, unused.ownBytes());
        assertTrue(text(robot, "#stage-1 .size-text").endsWith(" base + 98 KB own"), text(robot, "#stage-1 .size-text"));
        assertFalse(text(robot, "#stage-1 .build-state").startsWith("skipped"));
        assertEquals("/out/app \u2192 /app\n1 file, 4.9 KB landed", text(robot, "#edge-label-0-2-0"));
        snapshot(robot, false, "graph-build-classic-light.png");
        snapshot(robot, true, "graph-build-classic-dark.png");
    }

    private static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("stagecraft.screenshots.dir", "target/screenshots")));
    }

    /** The window as it looks, to target/screenshots, to be looked at. */
    private void snapshot(FxRobot robot, boolean dark, String name) throws IOException {
        Path dir = screenshots();
        WritableImage[] image = new WritableImage[2];
        robot.interact(() -> {
            List<String> sheets = stage.getScene().getStylesheets();
            if (dark) {
                sheets.add(StagecraftApp.darkStylesheet());
            }
            image[0] = stage.getScene().snapshot(null);
            image[1] = window.graph().snapshot(2);
            sheets.remove(StagecraftApp.darkStylesheet());
        });
        BufferedImage png = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(png, "png", dir.resolve(name).toFile());
        ImageIO.write(SwingFXUtils.fromFXImage(image[1], null), "png", dir.resolve("graph-only-" + name).toFile());
    }
}
