package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.ImageCleanup;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Build > Compare with... against the real engine: the open multi-stage file (B) against a
 * single-stage one (A) in the same folder, both on the test busybox; and a side whose base image
 * the engine lacks, which must say so in words.
 */
@ExtendWith(ApplicationExtension.class)
class CompareFromWindowTest {
    private static final long ARTIFACT = 5L * 1024 * 1024;
    static final String SINGLE = "FROM " + RealEngine.BASE_IMAGE + "\n"
            + "RUN head -c " + ARTIFACT + " /dev/zero > /artifact.bin && echo app > /app\n";
    static final String MULTI = "FROM " + RealEngine.BASE_IMAGE + " AS build\n"
            + "RUN head -c " + ARTIFACT + " /dev/zero > /artifact.bin && echo app > /app\n"
            + "\n"
            + "FROM " + RealEngine.BASE_IMAGE + "\n"
            + "COPY --from=build /app /app\n";
    private static final String ABSENT = "stagecraft-test/not-there:1";

    @TempDir
    static Path dir;

    private BuildEngine engine;
    private MainWindow window;
    private Path single;
    private Path multi;
    private Path missing;
    private Path slow;
    private Path picked;

    @BeforeEach
    void connect() {
        engine = RealEngine.connect();
    }

    @Start
    void start(Stage stage) throws Exception {
        single = dir.resolve("single.Dockerfile");
        multi = dir.resolve("multi.Dockerfile");
        missing = dir.resolve("missing.Dockerfile");
        Files.writeString(single, SINGLE);
        Files.writeString(multi, MULTI);
        Files.writeString(missing, "FROM " + ABSENT + "\nRUN true\n");
        slow = dir.resolve("slow.Dockerfile");
        Files.writeString(slow, "FROM " + RealEngine.BASE_IMAGE + "\nRUN echo " + System.nanoTime() + " && sleep 60\n");
        window = new MainWindow(MULTI, multi);
        window.setFilePicker(new FilePicker() {
            @Override
            public Path pickToOpen(Window owner, Path near) {
                return picked;
            }

            @Override
            public Path pickToSave(Window owner, Path suggested) {
                return null;
            }
        });
        TestWindows.show(stage, window, 1500, 900);
    }

    @AfterEach
    void close() {
        window.close();
        for (Path file : new Path[] {single, multi, missing, slow}) {
            ImageCleanup.removeLabelled(engine, BuildRunner.FILE_LABEL, ImageCleanup.fileLabel(file));
        }
        engine.close();
    }

    private void compareWith(FxRobot robot, Path other) throws Exception {
        picked = other;
        engineAnswered(robot);
        // The build settings (and their context folder) follow the first analysis.
        waitUntil(() -> !robot.lookup("#build-start").queryAs(Button.class).isDisabled());
        robot.clickOn("Build").clickOn("Compare with\u2026");
    }

    /** The window found the engine (slow on a loaded machine: the first call warms up docker-java). */
    private static void engineAnswered(FxRobot robot) throws Exception {
        try {
            waitUntil(60,
                    () -> robot.lookup("#engine-status").queryAs(Label.class).getText().startsWith("Docker "));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the engine status says: " + robot.lookup("#engine-status").queryAs(Label.class).getText(), e);
        }
    }

    private static boolean failed(FxRobot robot) {
        return robot.lookup("#build-status").queryAs(Label.class).getStyleClass().contains("build-failed");
    }

    @Test
    void compareWith_buildsBothInTheSameContext_andShowsTheDifferenceOfTheEnginesSizes(FxRobot robot) throws Exception {
        compareWith(robot, single);
        waitUntil(180,
                () -> robot.lookup("#comparison-view").tryQuery().isPresent() || failed(robot));
        assertTrue(robot.lookup("#comparison-view").tryQuery().isPresent(),
                robot.lookup("#build-status").queryAs(Label.class).getText());
        ComparisonView view = robot.lookup("#comparison-view").queryAs(ComparisonView.class);
        BuildComparison comparison = view.comparison();
        long sizeA = engine.inspectImage(comparison.a().report().finalImageId()).orElseThrow().sizeBytes();
        long sizeB = engine.inspectImage(comparison.b().report().finalImageId()).orElseThrow().sizeBytes();
        assertEquals(ComparisonTexts.exact(sizeA), robot.lookup("#compare-a-bytes").queryAs(Label.class).getText());
        assertEquals(ComparisonTexts.exact(sizeB), robot.lookup("#compare-b-bytes").queryAs(Label.class).getText());
        assertEquals(ComparisonTexts.exactDelta(sizeB - sizeA), robot.lookup("#compare-delta-bytes").queryAs(Label.class).getText());
        assertTrue(sizeA - sizeB >= ARTIFACT, "the single-stage image ships the 5 MiB artifact: " + sizeA + " vs " + sizeB);
        assertEquals(dir.getFileName() + "/single.Dockerfile", robot.lookup("#compare-a-label").queryAs(Label.class).getText());
        assertEquals(dir.getFileName() + "/multi.Dockerfile", robot.lookup("#compare-b-label").queryAs(Label.class).getText());
        assertEquals("/artifact.bin", comparison.leftBehind().get(0).path(), "what the multi-stage image left behind");
        assertEquals(ARTIFACT, comparison.leftBehind().get(0).sizeBytes());
        assertTrue(robot.lookup("#build-status").queryAs(Label.class).getText().startsWith("Compared: "));
        assertEquals(MULTI, window.editor().getText(), "a comparison never touches the editor's text");
        // The comparison window wears the main window's theme, also when it changes.
        robot.interact(() -> window.darkThemeProperty().set(true));
        assertTrue(view.getScene().getStylesheets().contains(StagecraftApp.darkStylesheet()));
        robot.interact(() -> view.getScene().getWindow().hide());
    }

    @Test
    void missingBaseImage_isNamed_andSaidNotToBePullableHere(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(engine.inspectImage(ABSENT).isEmpty(), ABSENT + " exists on this engine");
        compareWith(robot, missing);
        waitUntil(120, () -> failed(robot));
        String status = robot.lookup("#build-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("A (" + dir.getFileName() + "/missing.Dockerfile) needs the image " + ABSENT
                + ", which this engine does not have, and it cannot be pulled here"), status);
        assertTrue(robot.lookup("#comparison-view").tryQuery().isEmpty(), "no comparison without both builds");
        assertEquals(MULTI, window.editor().getText());
    }

    @Test
    void galleryComparison_opensTheMultiStageExample_andOfflineNamesTheMissingNodeImage(FxRobot robot) throws Exception {
        // The examples' node bases cannot be had offline; with them present the build would run for real.
        Assumptions.assumeTrue(engine.inspectImage("node:20").isEmpty(), "node:20 is on this engine");
        engineAnswered(robot);
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        Menu examples = (Menu) bar.getMenus().get(0).getItems().stream()
                .filter(i -> "examples-menu".equals(i.getId())).findFirst().orElseThrow();
        MenuItem compare = examples.getItems().stream()
                .filter(i -> "example-compare".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(compare::fire);
        waitUntil(120, () -> failed(robot));
        String status = robot.lookup("#build-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("A (node-single-stage/Dockerfile) needs the image node:20, which this engine does not"
                + " have, and it cannot be pulled here"), status);
        assertEquals(ExampleGallery.example(ExampleGallery.COMPARE_AFTER).dockerfile(), window.editor().getText(),
                "the multi-stage example is open");
    }

    @Test
    void cancelComparison_stopsTheBuildInFlight_andSaysSo(FxRobot robot) throws Exception {
        java.util.List<String> before = engine.runningContainers();
        compareWith(robot, slow);
        waitUntil(60, () -> robot.lookup("#build-status").queryAs(Label.class).getText()
                .contains("Building"));
        robot.clickOn("Build").clickOn("Cancel comparison");
        waitUntil(60, () -> failed(robot));
        assertEquals("The comparison was cancelled.", robot.lookup("#build-status").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#comparison-view").tryQuery().isEmpty());
        RealEngine.assertNoNewContainerWithin10s(engine, before);
    }
}
