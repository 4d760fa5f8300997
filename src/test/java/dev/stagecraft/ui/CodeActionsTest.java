package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.syntax.Diagnostic;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Quick fixes, completion and stage rename in the real window, driven by keys and clicks. */
@ExtendWith(ApplicationExtension.class)
class CodeActionsTest {
    private static final String THREE_STAGES = "FROM golang:1.22 AS build\nRUN go build -o /app\n\n"
            + "FROM alpine:3.20 AS assets\nRUN mkdir /assets\n\nFROM scratch\nCOPY --from=build /app /app\n";

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(THREE_STAGES);
        TestWindows.show(stage, window, 1400, 800);
    }

    @AfterEach
    void close() {
        window.close();
    }

    /** Reads on the FX thread: the window changes its lists and text there while the test waits. */
    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String text() {
        return onFx(() -> window.editor().getText());
    }

    private void typeAtEnd(FxRobot robot, String typed) {
        robot.interact(() -> {
            window.editor().requestFocus();
            window.editor().moveTo(window.editor().getLength());
        });
        robot.write(typed);
    }

    private void caretAt(FxRobot robot, int offset) {
        robot.interact(() -> {
            window.editor().requestFocus();
            window.editor().moveTo(offset);
        });
    }

    @SuppressWarnings("unchecked")
    private ListView<Diagnostic> problems(FxRobot robot) {
        return robot.lookup("#problems").queryAs(ListView.class);
    }

    private boolean problemShown(FxRobot robot, String id) {
        ListView<Diagnostic> list = problems(robot);
        return onFx(() -> list.getItems().stream().anyMatch(d -> d.id().equals(id)));
    }

    private void pressShortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void fromTypo_showsAProblemWhoseQuickFixRepairsIt_andOneUndoRestoresTheTypo(FxRobot robot) throws TimeoutException {
        waitUntil(() -> window.shownProperty().getValue() != null);
        typeAtEnd(robot, "COPY --from=biuld /app /app2\n");
        waitUntil(() -> problemShown(robot, "from-unknown-stage"));
        String typo = text();
        assertTrue(typo.endsWith("COPY --from=biuld /app /app2\n"), typo);

        Node cell = robot.lookup("#problems .list-cell").match((ListCell<Diagnostic> c) -> c.getItem() != null
                && c.getItem().id().equals("from-unknown-stage")).query();
        assertTrue(((ListCell<?>) cell).getText().contains("Did you mean 'build'?"), ((ListCell<?>) cell).getText());
        robot.clickOn(cell);
        // What a right-click asks for on a desktop (Monocle's robot sends no context-menu request).
        robot.interact(() -> cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5,
                cell.localToScreen(5, 5).getX(), cell.localToScreen(5, 5).getY(), false, null)));
        clickWhenShown(robot, "Change to 'build'");
        waitUntil(() -> text().endsWith("COPY --from=build /app /app2\n"));
        waitUntil(() -> !problemShown(robot, "from-unknown-stage"));
        assertEquals(THREE_STAGES + "COPY --from=build /app /app2\n", text());

        robot.interact(() -> window.editor().requestFocus());
        pressShortcut(robot, KeyCode.Z);
        assertEquals(typo, text(), "one undo brings the typo back");
    }

    @Test
    void ctrlPeriodInTheProblemsList_offersTheFixForTheSelectedProblem(FxRobot robot) throws TimeoutException {
        robot.interact(() -> window.editor().replaceText("FROM alpine:3.20 as Tools\nFROM scratch\nCOPY --from=tools /a /a\n"));
        waitUntil(() -> problemShown(robot, "stage-name-casing"));
        robot.interact(() -> {
            ListView<Diagnostic> list = problems(robot);
            list.requestFocus();
            list.getSelectionModel().select(list.getItems().stream().filter(d -> d.id().equals("stage-name-casing"))
                    .findFirst().orElseThrow());
        });
        pressShortcut(robot, KeyCode.PERIOD);
        clickWhenShown(robot, "Lowercase the stage name to 'tools'");
        waitUntil(() -> text().startsWith("FROM alpine:3.20 as tools\n"));
        assertEquals("FROM alpine:3.20 as tools\nFROM scratch\nCOPY --from=tools /a /a\n", text());
    }

    @Test
    void ctrlPeriodAtTheCaret_offersTheFixForTheProblemThere(FxRobot robot) throws TimeoutException {
        typeAtEnd(robot, "RUN --mount=from=asets,target=/a ls /a\n");
        waitUntil(() -> problemShown(robot, "from-unknown-stage") && onFx(() -> window.shownProperty().getValue().text()).equals(text()));
        caretAt(robot, text().indexOf("asets") + 2);
        pressShortcut(robot, KeyCode.PERIOD);
        clickWhenShown(robot, "Change to 'assets'");
        waitUntil(() -> text().endsWith("RUN --mount=from=assets,target=/a ls /a\n"));
        waitUntil(() -> !problemShown(robot, "from-unknown-stage"));
    }

    @Test
    void ctrlSpaceAfterFrom_offersEarlierStages_andEnterWritesTheChosenOne(FxRobot robot) throws TimeoutException {
        typeAtEnd(robot, "COPY --from=");
        waitUntil(() -> window.editor().getText().endsWith("--from="));
        @SuppressWarnings("unchecked")
        ListView<String> list = robot.lookup("#completions").queryAs(ListView.class);
        waitUntil(() -> list.getScene() != null && list.getScene().getWindow().isShowing());
        assertEquals(List.of("build", "assets"), onFx(() -> List.copyOf(list.getItems())), "opens by itself after --from=");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(list.getScene().getWindow().isShowing(), "Escape closes the list");
        assertTrue(text().endsWith("COPY --from="), "Escape typed nothing");

        pressShortcut(robot, KeyCode.SPACE);
        waitUntil(() -> list.getScene().getWindow().isShowing());
        assertEquals(List.of("build", "assets"), onFx(() -> List.copyOf(list.getItems())));
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(THREE_STAGES + "COPY --from=assets", text(), "Enter replaced the prefix, no newline");
        assertFalse(list.getScene().getWindow().isShowing());

        robot.write("\nCOP");
        pressShortcut(robot, KeyCode.SPACE);
        waitUntil(() -> list.getScene().getWindow().isShowing());
        assertEquals(List.of("COPY"), onFx(() -> List.copyOf(list.getItems())), "keywords at the start of a line");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text().endsWith("\nCOPY"), text());
    }

    @Test
    void f2OnAReference_renamesTheStageEverywhere_andOneUndoRestores(FxRobot robot) throws TimeoutException {
        waitUntil(() -> window.shownProperty().getValue() != null);
        caretAt(robot, THREE_STAGES.indexOf("--from=build") + 9);
        robot.press(KeyCode.F2).release(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup("#rename-stage-name").queryAs(TextField.class);
        assertNotNull(name, "the rename dialog is open");
        assertEquals("build", name.getText());
        robot.interact(() -> name.setText("compile"));
        clickWhenShown(robot, "OK");
        waitUntil(() -> text().contains("AS compile"));
        assertEquals(THREE_STAGES.replace("AS build", "AS compile").replace("--from=build", "--from=compile"), text());

        robot.interact(() -> window.editor().requestFocus());
        pressShortcut(robot, KeyCode.Z);
        assertEquals(THREE_STAGES, text(), "one undo restores every reference");
    }

    @Test
    void renameRefusesATakenName_andKeepsTheText(FxRobot robot) throws TimeoutException {
        waitUntil(() -> window.shownProperty().getValue() != null);
        String[] refusal = new String[1];
        robot.interact(() -> refusal[0] = window.renameStage(THREE_STAGES.indexOf("AS build") + 4, "assets"));
        assertTrue(refusal[0].contains("already named 'assets'"), refusal[0]);
        assertEquals(THREE_STAGES, text());
        assertTrue(robot.lookup("#status").queryLabeled().getText().startsWith("Cannot rename"));
        DialogPane alert = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(alert.getContentText().contains("already named 'assets'"), "the refusal says why: " + alert.getContentText());
        robot.clickOn(robot.from(alert).lookup(".button").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".dialog-pane").queryAll().isEmpty(), "the refusal closes with OK");
        robot.interact(() -> refusal[0] = window.renameStage(THREE_STAGES.indexOf("AS build") + 4, "deps"));
        assertEquals(null, refusal[0]);
        assertEquals(THREE_STAGES.replace("build /app /app", "deps /app /app").replace("AS build", "AS deps"), text());
    }

    /** Clicks the menu item or button with this text once its popup or dialog has shown (showing one is asynchronous). */
    private static void clickWhenShown(FxRobot robot, String text) throws TimeoutException {
        waitUntil(() -> robot.lookup(text).tryQuery().isPresent());
        robot.clickOn(text);
    }
}
