package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.ImageCleanup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A build started from the window, against the real engine: what the user sees while and after it runs. */
@ExtendWith(ApplicationExtension.class)
class BuildFromWindowTest {
    @TempDir
    static Path dir;

    private BuildEngine engine;
    private MainWindow window;
    private Path dockerfile;
    private String text;

    @BeforeEach
    void connect() {
        engine = RealEngine.connect();
    }

    @Start
    void start(Stage stage) throws Exception {
        dockerfile = dir.resolve("Dockerfile");
        Files.writeString(dir.resolve("notes.txt"), "five\n");
        text = "FROM " + RealEngine.BASE_IMAGE + " AS builder\n"
                + "COPY notes.txt /src/notes.txt\n"
                + "RUN echo compiling && head -c 300000 /dev/zero > /src/big && cp /src/notes.txt /out\n"
                + "\n"
                + "FROM scratch\n"
                + "COPY --from=builder /out /out\n";
        Files.writeString(dockerfile, text);
        window = new MainWindow(text, dockerfile);
        TestWindows.show(stage, window, 1700, 900);
    }

    @AfterEach
    void close() {
        window.close();
        ImageCleanup.removeLabelled(engine, BuildRunner.FILE_LABEL, ImageCleanup.fileLabel(dockerfile));
        assertEquals(List.of(), engine.imagesLabelled(BuildRunner.FILE_LABEL, ImageCleanup.fileLabel(dockerfile)));
        engine.close();
    }

    private String statusText(FxRobot robot) {
        return robot.lookup("#build-status").queryAs(Label.class).getText();
    }

    @Test
    void build_showsProgressInTheLogAndTheResultInTheStatusBar_andLeavesTheTextAlone(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#engine-status").queryAs(Label.class).getText().startsWith("Docker "));
        // Without the cache, so the RUN prints again whatever ran before.
        robot.clickOn("#build-no-cache");
        robot.clickOn("#build-start");
        // Looked up on the FX thread: a lookup from here can meet the scene while it changes.
        waitUntil(60, () -> statusText(robot).startsWith("Built with")
                || robot.lookup("#build-status").queryAs(Label.class).getStyleClass().contains("build-failed"));
        String status = statusText(robot);
        assertTrue(status.startsWith("Built with BuildKit"), status);
        assertTrue(status.contains("final image 5 B"), status);
        BuildLogPanel log = robot.lookup("#build-log-lines").query().getParent() instanceof BuildLogPanel p ? p
                : (BuildLogPanel) robot.lookup(n -> n instanceof BuildLogPanel).query();
        assertTrue(log.shownLines().stream().anyMatch(l -> l.contains("compiling")), log.shownLines().toString());
        assertEquals(text, window.editor().getText(), "a build never touches the editor's text");

        // The size bars: the builder (busybox + ~300 KB) fills the scale, the 5-byte final image barely shows.
        WaitForAsyncUtils.waitForFxEvents();
        double builderOwn = robot.lookup("#stage-0 .size-own").queryAs(javafx.scene.layout.Region.class).getWidth();
        double builderBase = robot.lookup("#stage-0 .size-base").queryAs(javafx.scene.layout.Region.class).getWidth();
        double finalOwn = robot.lookup("#stage-1 .size-own").queryAs(javafx.scene.layout.Region.class).getWidth();
        assertTrue(builderBase > 0 && builderOwn > 0, builderBase + " / " + builderOwn);
        assertTrue(finalOwn < builderOwn, "5 B draws shorter than 300 KB: " + finalOwn + " vs " + builderOwn);
        String sizes = robot.lookup("#stage-0 .size-text").queryAs(Label.class).getText();
        assertTrue(sizes.endsWith("own") && sizes.contains("base"), sizes);

        // The gutter: a layer bar beside the RUN of ~300 KB, and every instruction marked done.
        double runBar = robot.lookup("." + BuildGutterCells.LAYER_FILL).queryAll().stream()
                .mapToDouble(n -> ((javafx.scene.layout.Region) n).getWidth()).max().orElse(0);
        assertTrue(runBar > 10, "the largest layer draws a full bar: " + runBar);
        assertTrue(robot.lookup(".step-done").queryAll().size() >= 3, "the steps that ran are marked done");

        // The edge lists the file that landed, and its details window the exact list.
        String edge = robot.lookup("#edge-label-0-1-0").queryAs(Label.class).getText();
        assertTrue(edge.endsWith("1 file, 5 B landed"), edge);
        robot.clickOn("#edge-label-0-1-0");
        waitUntil(() -> robot.lookup("#landed-files").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> files = robot.lookup("#landed-files")
                .queryAs(javafx.scene.control.ListView.class);
        assertEquals(List.of("0644        5 B  /out"), files.getItems());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void failingStep_saysItsLineAndPutsTheCaretThere(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#engine-status").queryAs(Label.class).getText().startsWith("Docker "));
        robot.interact(() -> window.editor().replaceText(text.replace("cp /src/notes.txt /out", "exit 7")));
        robot.clickOn("#build-start");
        waitUntil(60, () -> robot.lookup("#build-status").queryAs(Label.class).getStyleClass().contains("build-failed"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(statusText(robot).startsWith("Line 3 failed"), statusText(robot));
        WaitForAsyncUtils.waitForFxEvents();
        int caretLine = window.editor().getCurrentParagraph() + 1;
        assertEquals(3, caretLine);
        assertTrue(window.editor().getText().contains("exit 7"), "the edited text is kept");
    }
}
