package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.ImageCleanup;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** Builds run from the window, against the real engine, land in the history and in the History tab. */
@ExtendWith(ApplicationExtension.class)
class HistoryFromWindowTest {
    @TempDir
    static Path dir;

    private BuildEngine engine;
    private MainWindow window;
    private Path dockerfile;
    private Path data;
    private String text;

    @BeforeEach
    void connect() {
        engine = RealEngine.connect();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createTempDirectory(dir, "project");
        dockerfile = folder.resolve("Dockerfile");
        data = folder.resolve("data");
        Files.writeString(folder.resolve("notes.txt"), "five\n");
        text = "FROM " + RealEngine.BASE_IMAGE + " AS builder\n"
                + "COPY notes.txt /out\n"
                + "FROM scratch\n"
                + "COPY --from=builder /out /out\n";
        Files.writeString(dockerfile, text);
        window = new MainWindow(text, dockerfile);
        window.keepHistoryIn(data);
        TestWindows.show(stage, window, 1700, 900);
    }

    @AfterEach
    void close() {
        window.close();
        ImageCleanup.removeLabelled(engine, BuildRunner.FILE_LABEL, ImageCleanup.fileLabel(dockerfile));
        engine.close();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#build-status").queryAs(Label.class).getText();
    }

    private void buildAndWait(FxRobot robot) throws Exception {
        robot.clickOn("#build-start");
        // Read on the FX thread: a lookup from this thread can meet the scene graph while the build changes it.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> status(robot).startsWith("Built with")
                || robot.lookup("#build-status").queryAs(Label.class).getStyleClass().contains("build-failed")).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aBuild_addsOneEntry_withTheFinalSizeOfItsReport(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#engine-status").queryAs(Label.class).getText().startsWith("Docker "));
        robot.clickOn("#history-tab");
        waitUntil(() -> robot.lookup("#history-message").queryAs(Label.class).getText().startsWith("No builds of Dockerfile"));
        buildAndWait(robot);
        assertTrue(status(robot).contains("final image 5 B"), status(robot));
        waitUntil(() -> window.historyPanel().entries().size() == 1);
        HistoryPanel.Entry entry = window.historyPanel().entries().get(0);
        assertEquals(5L, entry.summary().finalSizeBytes());
        assertEquals("built", entry.outcome());

        BuildRecord record;
        try (HistoryStore store = HistoryStore.open(data, dockerfile)) {
            record = store.load(entry.summary().id()).orElseThrow();
        }
        BuildReport report = record.report();
        assertEquals(engine.inspectImage(report.finalImageId()).orElseThrow().sizeBytes(), record.finalSizeBytes());
        assertEquals(text, record.dockerfileText());
        assertEquals(dockerfile.toAbsolutePath(), record.dockerfile());
        assertTrue(record.engine().startsWith("Docker "), record.engine());
        assertFalse(status(robot).contains("history"), "no history problem: " + status(robot));
    }

    @Test
    void aFailedBuild_isListedWithItsLine(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#engine-status").queryAs(Label.class).getText().startsWith("Docker "));
        robot.interact(() -> window.editor().replaceText(text.replace("COPY notes.txt /out", "RUN exit 3")));
        buildAndWait(robot);
        waitUntil(() -> window.historyPanel().entries().size() == 1 && window.historyPanel().entries().get(0).failedLine() != null);
        assertEquals("failed at line 2", window.historyPanel().entries().get(0).outcome());
    }

    @Test
    void aCancelledBuild_isNotKept(FxRobot robot) throws Exception {
        HistoryRecorder recorder = new HistoryRecorder(s -> { }, p -> { });
        recorder.useDataFolder(data);
        HistoryRecording recording = new HistoryRecording(recorder, () -> dockerfile, () -> null, s -> { });
        robot.interact(() -> {
            recording.started(new BuildController.Request(text, dockerfile, new dev.stagecraft.engine.BuildSettings(dockerfile.getParent(),
                    null, java.util.Map.of(), false, dev.stagecraft.engine.BuilderKind.BUILDKIT, false), false));
            recording.failed(new EngineException(EngineException.Kind.CANCELLED, "The build was cancelled."));
        });
        // What the recorder has queued is done before a query it answers later.
        java.util.concurrent.atomic.AtomicReference<List<?>> listed = new java.util.concurrent.atomic.AtomicReference<>();
        recorder.query(dockerfile, HistoryStore::list, listed::set);
        waitUntil(() -> listed.get() != null);
        assertEquals(List.of(), listed.get());
        recorder.close();
    }
}
