package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.Toolkit;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.userdata.RecoveryStore;
import dev.stagecraft.userdata.Settings;
import dev.stagecraft.userdata.UserData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files and safety on the real window as the application starts it: dirty mark, save, save as,
 * close guard, crash recovery, junk files, line endings, changes on disk, recent files. Questions
 * are answered by the test (no modal dialog); the data folder is a temporary one.
 */
@ExtendWith(ApplicationExtension.class)
class FileSafetyTest {
    private static final String TEXT = "FROM alpine:3.20\nRUN echo hi\n";

    @TempDir
    Path dir;

    private Stage stage;
    private MainWindow window;
    private Path file;
    private Path home;
    private final List<Question> asked = new CopyOnWriteArrayList<>();
    private volatile boolean answer;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Platform.setImplicitExit(false);
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        home = Files.createDirectories(dir.resolve("home"));
        file = Files.writeString(dir.resolve("Dockerfile"), TEXT);
        window = StagecraftApp.show(stage, List.of(file.toString()), UserData.open(home), recordAnswer());
    }

    private Predicate<Question> recordAnswer() {
        return q -> {
            asked.add(q);
            return answer;
        };
    }

    @AfterEach
    void close() {
        window.close();
    }

    /**
     * Waits for {@code condition}, evaluated on the FX thread: a binding such as the dirty mark read
     * from another thread can cache a stale value.
     */
    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private static void waitUntil(Callable<Boolean> condition, java.util.function.Supplier<String> state) {
        try {
            waitUntil(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out; " + state.get(), e);
        }
    }

    private void typeAtEnd(FxRobot robot, String text) {
        robot.interact(() -> {
            window.editor().requestFocus();
            window.editor().moveTo(window.editor().getLength());
        });
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String fileStatus(FxRobot robot) {
        return robot.lookup("#file-status").queryAs(Label.class).getText();
    }

    @Test
    void typingMarksDirtyAndCtrlSSavesAndClearsTheMark(FxRobot robot) throws Exception {
        assertEquals("Dockerfile \u2014 Stagecraft", stage.getTitle());
        typeAtEnd(robot, "CMD x\n");
        waitUntil(() -> stage.getTitle().startsWith("\u2022 "));
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !window.dirtyProperty().get());
        assertEquals("Dockerfile \u2014 Stagecraft", stage.getTitle());
        assertEquals(TEXT + "CMD x\n", Files.readString(file));
    }

    @Test
    void saveAsWritesTheChosenFileAndRetitlesTheWindow(FxRobot robot) throws Exception {
        Path other = dir.resolve("sub").resolve("Dockerfile.prod");
        Files.createDirectories(other.getParent());
        List<Path> suggested = new ArrayList<>();
        window.setFilePicker(new FilePicker() {
            @Override
            public Path pickToOpen(Window owner, Path near) {
                throw new AssertionError("not asked to open");
            }

            @Override
            public Path pickToSave(Window owner, Path suggestion) {
                suggested.add(suggestion);
                return other;
            }
        });
        typeAtEnd(robot, "CMD prod\n");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> Files.exists(other));
        assertEquals(List.of(file), suggested, "asked once, near the current file");
        assertEquals(TEXT + "CMD prod\n", Files.readString(other));
        assertEquals(TEXT, Files.readString(file), "the old file is untouched");
        assertEquals("Dockerfile.prod \u2014 Stagecraft", stage.getTitle());
        assertEquals(other, window.userData().recentFiles().all().get(0));
    }

    @Test
    void quittingWithUnsavedChangesAsksAndStaysWhenRefused(FxRobot robot) throws Exception {
        typeAtEnd(robot, "CMD x\n");
        answer = false;
        robot.clickOn("File");
        robot.clickOn("Quit");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, asked.size());
        assertEquals("Unsaved changes", asked.get(0).title());
        assertTrue(stage.isShowing(), "refusing keeps the window");
        assertEquals(TEXT + "CMD x\n", window.editor().getText());
        RecoveryStore store = window.userData().recovery().orElseThrow();
        waitUntil(() -> Files.exists(store.fileFor(file)));

        answer = true;
        robot.clickOn("File");
        robot.clickOn("Quit");
        waitUntil(() -> !stage.isShowing());
        assertEquals(2, asked.size());
        assertFalse(Files.exists(store.fileFor(file)), "a clean close deletes the recovery copy");
        Settings remembered = Settings.load(home);
        assertTrue(remembered.number("window.width").isPresent(), "the window's size is remembered");
        assertTrue(remembered.number("split.editor-graph-split").isPresent());
    }

    @Test
    void afterACrashTheNextStartOffersTheRecoveryCopyAndRestoresItDirty(FxRobot robot) throws Exception {
        typeAtEnd(robot, "RUN unsaved work\n");
        RecoveryStore store = window.userData().recovery().orElseThrow();
        waitUntil(() -> Files.exists(store.fileFor(file))
                && Files.readString(store.fileFor(file)).endsWith("RUN unsaved work\n"));
        // The crash: the window never closes cleanly; a new start finds the copy.
        answer = true;
        MainWindow[] restarted = new MainWindow[1];
        robot.interact(() -> {
            try {
                restarted[0] = StagecraftApp.show(new Stage(), List.of(), UserData.open(home), recordAnswer());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        try {
            assertEquals(1, asked.size());
            assertEquals("Recover unsaved work", asked.get(0).title());
            assertTrue(asked.get(0).text().contains(file.toString()), asked.get(0).text());
            assertEquals(TEXT + "RUN unsaved work\n", restarted[0].editor().getText());
            assertTrue(restarted[0].dirtyProperty().get());
            assertEquals(file, restarted[0].fileProperty().get());
            assertEquals(TEXT, Files.readString(file), "restoring writes nothing");
        } finally {
            robot.interact(() -> {
                restarted[0].getScene().getWindow().hide();
                restarted[0].close();
            });
        }
    }

    @Test
    void aDiscardedRecoveryCopyIsDeleted(FxRobot robot) throws Exception {
        RecoveryStore store = window.userData().recovery().orElseThrow();
        store.write(null, "FROM lost\n");
        answer = false;
        MainWindow[] restarted = new MainWindow[1];
        robot.interact(() -> {
            try {
                restarted[0] = StagecraftApp.show(new Stage(), List.of(), UserData.open(home), recordAnswer());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(1, asked.size());
        assertTrue(store.list().isEmpty());
        assertFalse(restarted[0].editor().getText().contains("FROM lost"));
        robot.interact(() -> {
            restarted[0].getScene().getWindow().hide();
            restarted[0].close();
        });
    }

    @Test
    void binaryJunkOpensWithDiagnosticsAndNoException(FxRobot robot) throws Exception {
        byte[] junk = new byte[50_000];
        new java.util.Random(11).nextBytes(junk);
        Path bin = Files.write(dir.resolve("junk.bin"), junk);
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e)));
        robot.interact(() -> window.open(bin));
        waitUntil(() -> bin.equals(window.fileProperty().get()));
        @SuppressWarnings("unchecked")
        ListView<Diagnostic> problems = robot.lookup("#problems").queryAs(ListView.class);
        waitUntil(() -> problems.getItems().stream().anyMatch(d -> d.id().equals("no-from")));
        assertTrue(fileStatus(robot).contains("not valid UTF-8"), fileStatus(robot));
        assertFalse(window.dirtyProperty().get());
        assertTrue(uncaught.isEmpty(), () -> "uncaught: " + uncaught);
    }

    @Test
    void openingAFolderOrAMissingFileSaysWhyAndKeepsTheText(FxRobot robot) throws Exception {
        typeAtEnd(robot, "CMD mine\n");
        answer = true;
        robot.interact(() -> window.open(dir));
        waitUntil(() -> fileStatus(robot).contains("folder"));
        assertEquals(TEXT + "CMD mine\n", window.editor().getText());
        assertEquals(file, window.fileProperty().get());
    }

    @Test
    void openingWithUnsavedChangesAsksFirst(FxRobot robot) throws Exception {
        Path other = Files.writeString(dir.resolve("Other"), "FROM other\n");
        typeAtEnd(robot, "CMD mine\n");
        answer = false;
        robot.interact(() -> window.open(other));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, asked.size());
        assertEquals(TEXT + "CMD mine\n", window.editor().getText());
        answer = true;
        robot.interact(() -> window.open(other));
        waitUntil(() -> window.editor().getText().equals("FROM other\n"));
        assertEquals("Other \u2014 Stagecraft", stage.getTitle());
    }

    @Test
    void crlfFileWithBomSavedUnchangedIsByteIdenticalAndEditsKeepCrlf(FxRobot robot) throws Exception {
        byte[] bytes = "\uFEFFFROM alpine\r\nRUN echo hi\r\n".getBytes(StandardCharsets.UTF_8);
        Path crlf = Files.write(dir.resolve("Dockerfile.crlf"), bytes);
        robot.interact(() -> window.open(crlf));
        waitUntil(() -> crlf.equals(window.fileProperty().get()));
        assertFalse(window.dirtyProperty().get(), "a CRLF file opens clean");
        robot.interact(() -> window.editor().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> fileStatus(robot).startsWith("Saved"));
        assertArrayEquals(bytes, Files.readAllBytes(crlf));
        typeAtEnd(robot, "CMD x\n");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !window.dirtyProperty().get());
        assertArrayEquals("\uFEFFFROM alpine\r\nRUN echo hi\r\nCMD x\r\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(crlf));
    }

    @Test
    void aChangeOnDiskReloadsACleanBufferWithoutAsking(FxRobot robot) throws Exception {
        robot.interact(() -> window.editor().moveTo(5));
        Files.writeString(file, "FROM debian:12\nRUN echo changed\n");
        waitUntil(() -> window.editor().getText().equals("FROM debian:12\nRUN echo changed\n"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(asked.isEmpty());
        assertFalse(window.dirtyProperty().get());
        assertEquals(5, window.editor().getCaretPosition(), "the caret stays where it was");
    }

    @Test
    void aChangeOnDiskAsksWhenDirtyAndKeepsTheTextWhenTold(FxRobot robot) throws Exception {
        typeAtEnd(robot, "CMD mine\n");
        answer = false;
        Files.writeString(file, "FROM debian:12\n");
        waitUntil(() -> asked.size() == 1);
        assertEquals("Changed on disk", asked.get(0).title());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TEXT + "CMD mine\n", window.editor().getText());
        assertTrue(window.dirtyProperty().get());
        answer = true;
        Files.writeString(file, "FROM debian:13\n");
        waitUntil(() -> window.editor().getText().equals("FROM debian:13\n"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, asked.size());
        assertFalse(window.dirtyProperty().get());
    }

    @Test
    void ourOwnSaveIsNotAChangeOnDisk(FxRobot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            typeAtEnd(robot, "RUN step" + i + "\n");
            robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
            int n = i;
            waitUntil(() -> Files.readString(file).contains("step" + n));
        }
        robot.interact(() -> window.checkDiskNow());
        // Give the poller a couple of rounds to (wrongly) notice the saves.
        Path marker = Files.writeString(dir.resolve("marker"), "");
        waitUntil(() -> Files.getLastModifiedTime(marker).toMillis() + 2500 < System.currentTimeMillis());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(asked.isEmpty(), () -> "asked: " + asked);
        assertFalse(fileStatus(robot).startsWith("Reloaded"), fileStatus(robot));
    }

    @Test
    void aDeletedFileKeepsTheTextAndMarksItDirty(FxRobot robot) throws Exception {
        Files.delete(file);
        waitUntil(() -> window.dirtyProperty().get());
        assertTrue(fileStatus(robot).contains("deleted"), fileStatus(robot));
        assertEquals(TEXT, window.editor().getText());
        robot.interact(() -> window.save());
        assertEquals(TEXT, Files.readString(file));
    }

    @Test
    void openRecentListsTheLastOpenedFirst(FxRobot robot) throws Exception {
        Path a = Files.writeString(dir.resolve("A.Dockerfile"), "FROM a\n");
        Path b = Files.writeString(dir.resolve("B.Dockerfile"), "FROM b\n");
        Path gone = Files.writeString(dir.resolve("Gone.Dockerfile"), "FROM gone\n");
        for (Path p : List.of(gone, a, b)) {
            robot.interact(() -> window.open(p));
            waitUntil(() -> p.equals(window.fileProperty().get()));
        }
        Files.delete(gone);
        robot.clickOn("File");
        robot.clickOn("Open Recent");
        List<String> shown = new ArrayList<>();
        waitUntil(() -> {
            shown.clear();
            robot.lookup(".context-menu .label").queryAll().stream().map(n -> ((Label) n).getText())
                    .filter(t -> t != null && t.contains("Dockerfile  \u2014")).forEach(shown::add);
            return shown.size() >= 3;
        }, () -> "menu shows " + robot.lookup(".context-menu .label").queryAll().stream().map(n -> ((Label) n).getText()).toList()
                + "; recent: " + window.userData().recentFiles().all());
        assertEquals(3, shown.size(), shown.toString());
        assertTrue(shown.get(0).startsWith("B.Dockerfile"), shown.toString());
        assertTrue(shown.get(1).startsWith("A.Dockerfile"), shown.toString());
        assertTrue(shown.get(2).startsWith("Dockerfile"), shown.toString());
        robot.clickOn(shown.get(1));
        waitUntil(() -> a.equals(window.fileProperty().get()));
    }

    @Test
    void darkThemeToggleSwitchesTheStylesheetLiveAndIsRemembered(FxRobot robot) throws Exception {
        String dark = StagecraftApp.darkStylesheet();
        assertFalse(stage.getScene().getStylesheets().contains(dark));
        robot.clickOn("View");
        robot.clickOn("Dark theme");
        waitUntil(() -> stage.getScene().getStylesheets().contains(dark));
        robot.clickOn("File");
        robot.clickOn("Quit");
        waitUntil(() -> !stage.isShowing());
        assertTrue(Settings.load(home).flag(StagecraftApp.DARK_THEME, false));
    }

    @Test
    void aFileDroppedOnTheWindowOpens(FxRobot robot) throws Exception {
        Path dropped = Files.writeString(dir.resolve("Dropped.Dockerfile"), "FROM dropped\n");
        robot.interact(() -> {
            // A drag board holding a file, as a drop from a file manager brings; TestFX cannot drag files in, so the drop is fired.
            Dragboard board = DragboardHelper.createDragboard(
                    Toolkit.getToolkit().getSystemClipboard());
            DragboardHelper.setDataAccessRestriction(board, false);
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(dropped.toFile()));
            board.setContent(content);
            DragEvent drop = new DragEvent(window, window.editor(),
                    DragEvent.DRAG_DROPPED, board, 10, 10, 10, 10, TransferMode.COPY,
                    null, null, null);
            Event.fireEvent(window.editor(), drop);
        });
        waitUntil(() -> window.editor().getText().equals("FROM dropped\n"));
        assertEquals("Dropped.Dockerfile \u2014 Stagecraft", stage.getTitle());
    }
}
