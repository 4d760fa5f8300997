package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Editing a file in the real window: dirty mark, atomic save, comment toggle. */
@ExtendWith(ApplicationExtension.class)
class EditingTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = Files.createTempFile(dir, "Dockerfile", "");
        Files.writeString(file, "FROM alpine:3.20\nRUN echo hi\n");
        window = new MainWindow(Files.readString(file), file);
        stage.setScene(new Scene(window, 1000, 700));
        stage.titleProperty().bind(window.titleProperty());
        stage.show();
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void typingMarksDirtyAndSavingWritesTheFileAtomicallyAndClearsTheMark(FxRobot robot) throws Exception {
        assertFalse(window.dirtyProperty().get());
        assertEquals(file.getFileName() + " \u2014 Stagecraft", window.titleProperty().get());
        robot.interact(() -> {
            window.editor().requestFocus();
            window.editor().moveTo(window.editor().getLength());
        });
        robot.write("CMD [\"sh\"]\n");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.dirtyProperty().get());
        assertTrue(window.titleProperty().get().startsWith("\u2022 "), window.titleProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !window.dirtyProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("still dirty; editor: [" + window.editor().getText() + "] file: [" + Files.readString(file) + "]", e);
        }
        assertEquals("FROM alpine:3.20\nRUN echo hi\nCMD [\"sh\"]\n", Files.readString(file));
        try (var leftovers = Files.list(dir)) {
            assertEquals(0, leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temp file left");
        }
    }

    @Test
    void shortcutSlashTogglesCommentsOnTheSelectedLines(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.editor().requestFocus();
            window.editor().selectRange(0, window.editor().getLength() - 1);
        });
        robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("# FROM alpine:3.20\n# RUN echo hi\n", window.editor().getText());
        robot.interact(() -> window.editor().selectRange(0, window.editor().getLength() - 1));
        robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("FROM alpine:3.20\nRUN echo hi\n", window.editor().getText());
    }
}
