package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.syntax.Diagnostic;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor as a code editor, in the real main window: find/replace, go to line, tabs, gutter, hover. */
@ExtendWith(ApplicationExtension.class)
class CodeEditorTest {
    private static final String TEXT = "FROM alpine:3.20 AS build\nRUN apk add build-base\nRUN make build\n"
            + "FROM scratch\nCOPY --from=build /out /out\n";

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(TEXT);
        TestWindows.show(stage, window, 1400, 800);
    }

    @AfterEach
    void close() {
        window.close();
    }

    private void focusEditorAt(FxRobot robot, int offset) {
        robot.interact(() -> {
            window.editor().requestFocus();
            window.editor().moveTo(offset);
        });
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String count(FxRobot robot) {
        return robot.lookup("#find-count").queryAs(Label.class).getText();
    }

    private int nth(String word, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = TEXT.indexOf(word, at + 1);
        }
        return at;
    }

    @Test
    void ctrlFCountsMatchesAndEnterF3AndShiftEnterMoveTheSelection(FxRobot robot) throws TimeoutException {
        focusEditorAt(robot, 0);
        shortcut(robot, KeyCode.F);
        assertTrue(robot.lookup("#find-bar").query().isVisible());
        assertTrue(robot.lookup("#find-field").query().isFocused(), "typing goes to the find field");
        robot.write("build");
        waitUntil(() -> "1 of 4".equals(count(robot)));
        assertEquals(nth("build", 0), window.editor().getSelection().getStart());
        assertEquals("build", window.editor().getSelectedText());
        robot.type(KeyCode.ENTER);
        assertEquals("2 of 4", count(robot));
        assertEquals(nth("build", 1), window.editor().getSelection().getStart());
        robot.type(KeyCode.F3);
        assertEquals("3 of 4", count(robot));
        assertEquals(nth("build", 2), window.editor().getSelection().getStart());
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2 of 4", count(robot));
        assertEquals(nth("build", 1), window.editor().getSelection().getStart());
    }

    @Test
    void matchesAreHighlightedAndEscapeClosesTheBarBackToTheEditor(FxRobot robot) throws TimeoutException {
        focusEditorAt(robot, 0);
        shortcut(robot, KeyCode.F);
        robot.write("scratch");
        int at = TEXT.indexOf("scratch");
        waitUntil(() -> window.editor().getStyleAtPosition(at + 1).contains(FindReplaceBar.MATCH));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#find-bar").query().isVisible());
        assertTrue(window.editor().isFocused(), "the editor has the keyboard again");
        assertFalse(window.editor().getStyleAtPosition(at + 1).contains(FindReplaceBar.MATCH), "highlights go with the bar");
    }

    @Test
    void wholeWordAndMatchCaseNarrowTheMatches(FxRobot robot) throws TimeoutException {
        focusEditorAt(robot, 0);
        shortcut(robot, KeyCode.F);
        robot.write("from");
        waitUntil(() -> count(robot).endsWith("of 3"));
        robot.clickOn("#find-match-case");
        waitUntil(() -> "1 of 1".equals(count(robot)));
        assertEquals(TEXT.indexOf("--from") + 2, window.editor().getSelection().getStart());
    }

    @Test
    void replaceAllIsOneUndoableEdit(FxRobot robot) throws TimeoutException {
        focusEditorAt(robot, 0);
        shortcut(robot, KeyCode.H);
        assertTrue(robot.lookup("#replace-field").query().isVisible());
        robot.write("build");
        robot.clickOn("#replace-field").write("compile");
        robot.clickOn("#replace-all");
        waitUntil(() -> !window.editor().getText().contains("build"));
        assertEquals(TEXT.replace("build", "compile"), window.editor().getText());
        assertEquals("Replaced 4 matches", count(robot));
        robot.interact(() -> window.editor().requestFocus());
        shortcut(robot, KeyCode.Z);
        assertEquals(TEXT, window.editor().getText(), "one undo brings every match back");
        assertFalse(window.editor().isUndoAvailable(), "and that was the only edit");
    }

    @Test
    void replaceOneReplacesTheCurrentMatchAndMovesOn(FxRobot robot) throws TimeoutException {
        focusEditorAt(robot, 0);
        shortcut(robot, KeyCode.H);
        robot.write("RUN");
        waitUntil(() -> "1 of 2".equals(count(robot)));
        robot.clickOn("#replace-field").write("run");
        robot.clickOn("#replace-one");
        waitUntil(() -> window.editor().getText().contains("run apk"));
        assertTrue(window.editor().getText().contains("RUN make"), "only the current match");
        assertEquals("RUN", window.editor().getSelectedText(), "the next match is selected");
    }

    @Test
    void invalidRegexShowsAMessageInTheBar(FxRobot robot) throws TimeoutException {
        focusEditorAt(robot, 0);
        shortcut(robot, KeyCode.F);
        robot.clickOn("#find-regex");
        robot.clickOn("#find-field").write("(unclosed");
        waitUntil(() -> count(robot).startsWith("Invalid regular expression"));
        assertTrue(robot.lookup("#find-count").query().getStyleClass().contains("find-error"));
        assertEquals(TEXT, window.editor().getText());
        robot.clickOn("#replace-all");
        assertEquals(TEXT, window.editor().getText(), "nothing is replaced with a bad pattern");
    }

    @Test
    void ctrlLGoesToLineAndColumn(FxRobot robot) throws TimeoutException {
        focusEditorAt(robot, 0);
        shortcut(robot, KeyCode.L);
        waitUntil(() -> robot.lookup("#go-to-line-field").tryQuery().isPresent());
        TextField field = robot.lookup("#go-to-line-field").queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write("5:7");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> window.editor().getCurrentParagraph() == 4);
        assertEquals(6, window.editor().getCaretColumn());
    }

    @Test
    void goToLinePastTheEndIsRefusedWithAMessageAndAColumnPastTheEndIsClamped(FxRobot robot) throws TimeoutException {
        focusEditorAt(robot, 0);
        robot.clickOn("Edit").clickOn("Go to line\u2026\tCtrl+L");
        waitUntil(() -> robot.lookup("#go-to-line-field").tryQuery().isPresent());
        TextField field = robot.lookup("#go-to-line-field").queryAs(TextField.class);
        robot.interact(() -> field.setText("99"));
        Label message = robot.lookup("#go-to-line-message").queryAs(Label.class);
        assertTrue(message.getText().contains("past the end"), message.getText());
        assertTrue(robot.lookup(".dialog-pane .button").queryAll().stream()
                .anyMatch(n -> n.isDisabled() && "OK".equals(((javafx.scene.control.Button) n).getText())));
        robot.interact(() -> field.setText("2:500"));
        assertEquals("", message.getText());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> window.editor().getCurrentParagraph() == 1);
        assertEquals("RUN apk add build-base".length(), window.editor().getCaretColumn());
    }

    @Test
    void tabInsertsSpacesToTheNextStopAndShiftTabOutdents(FxRobot robot) {
        int run = TEXT.indexOf("RUN make");
        focusEditorAt(robot, run);
        robot.type(KeyCode.TAB);
        assertTrue(window.editor().getText().contains("\n    RUN make build\n"), window.editor().getText());
        robot.interact(() -> window.editor().moveTo(run + 6));
        robot.type(KeyCode.TAB);
        assertTrue(window.editor().getText().contains("\n    RU  N make build\n"), "column 6 pads to 8: " + window.editor().getText());
        assertFalse(window.editor().getText().contains("\t"));
        int apk = TEXT.indexOf("RUN apk");
        robot.interact(() -> window.editor().selectRange(apk, window.editor().getText().indexOf("make")));
        robot.type(KeyCode.TAB);
        assertTrue(window.editor().getText().contains("\n    RUN apk add build-base\n        RU  N make build\n"),
                "a selection over lines indents each: " + window.editor().getText());
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.editor().getText().contains("\nRUN apk add build-base\nRU  N make build\n"), window.editor().getText());
        assertTrue(window.editor().getSelectedText().startsWith("RUN apk"), "the selection stays on the lines");
    }

    /** How far the second character starts from the first: the gutter's width may still change. */
    private double xOfSecondChar() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> window.editor().getCharacterBoundsOnScreen(1, 2).orElseThrow().getMinX()
                - window.editor().getCharacterBoundsOnScreen(0, 1).orElseThrow().getMinX()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void tabSizeFromTheViewMenuChangesStopsAndTabWidth(FxRobot robot) throws Exception {
        robot.interact(() -> window.editor().replaceText("\tX\n" + TEXT));
        WaitForAsyncUtils.waitForFxEvents();
        double xAtFour = xOfSecondChar();
        robot.clickOn("View").clickOn("Tab size").clickOn("2 spaces");
        waitUntil(() -> window.editor().getStyleClass().contains("tab-size-2"));
        TextFlow paragraph = robot.lookup(".paragraph-text").queryAs(TextFlow.class);
        waitUntil(() -> paragraph.getTabSize() == 2);
        assertTrue(xOfSecondChar() < xAtFour - 5, "a tab already in the text is drawn narrower: " + xAtFour + " -> " + xOfSecondChar());
        focusEditorAt(robot, TEXT.indexOf("FROM") + 3);
        robot.type(KeyCode.TAB);
        assertTrue(window.editor().getText().startsWith("\tX\n  FROM"), window.editor().getText());
    }

    @Test
    void caretLineCarriesTheCurrentLineClass(FxRobot robot) throws TimeoutException {
        focusEditorAt(robot, TEXT.indexOf("FROM scratch"));
        waitUntil(() -> window.editor().getParagraph(3).getParagraphStyle().contains(CurrentLineHighlight.CURRENT_LINE));
        assertFalse(window.editor().getParagraph(0).getParagraphStyle().contains(CurrentLineHighlight.CURRENT_LINE));
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        long marked = window.editor().getParagraphs().stream()
                .filter(p -> p.getParagraphStyle().contains(CurrentLineHighlight.CURRENT_LINE)).count();
        assertEquals(1, marked, "new lines do not inherit the mark");
        assertTrue(window.editor().getParagraph(5).getParagraphStyle().contains(CurrentLineHighlight.CURRENT_LINE));
    }

    @Test
    void undoRedoTypingButNeverUndoTheOpenedText(FxRobot robot) {
        focusEditorAt(robot, 0);
        robot.write("#");
        assertEquals("#" + TEXT, window.editor().getText());
        shortcut(robot, KeyCode.Z);
        assertEquals(TEXT, window.editor().getText());
        shortcut(robot, KeyCode.Z);
        assertEquals(TEXT, window.editor().getText(), "the opened text is where undo stops");
        shortcut(robot, KeyCode.Y);
        assertEquals("#" + TEXT, window.editor().getText());
    }

    @Test
    void aNewAnalysisRebuildsOnlyTheVisibleGutterGraphics(FxRobot robot) throws Exception {
        StringBuilder big = new StringBuilder("FROM alpine\n");
        for (int i = 0; i < 1000; i++) {
            big.append("COPY --form=x a b\n");
        }
        robot.interact(() -> {
            window.editor().replaceText(big.toString());
            window.editor().moveTo(0);
            window.editor().showParagraphAtTop(0);
        });
        waitUntil(() -> marker(robot, 1).getStyleClass().contains("gutter-error"));
        int[] built = new int[1];
        robot.interact(() -> {
            java.util.function.IntFunction<? extends Node> factory = window.editor().getParagraphGraphicFactory();
            window.editor().setParagraphGraphicFactory(p -> {
                built[0]++;
                return factory.apply(p);
            });
        });
        built[0] = 0;
        robot.interact(() -> window.editor().replaceText(1, 5, 1, 11, "--from"));
        waitUntil(() -> !marker(robot, 1).getStyleClass().contains("gutter-error"));
        assertTrue(built[0] > 0 && built[0] < 200, "graphics built for one analysis of 1,001 lines: " + built[0]);
    }

    /** The gutter marker of a paragraph on screen (read on the FX thread: an off-screen one would be built). */
    private Node marker(FxRobot robot, int paragraph) throws Exception {
        Node graphic = WaitForAsyncUtils.asyncFx(() -> window.editor().getParagraphGraphic(paragraph)).get(5, TimeUnit.SECONDS);
        return robot.from(graphic).lookup("." + DiagnosticGutter.MARKER).query();
    }

    private static boolean hasSeverity(Node marker) {
        return marker.getStyleClass().stream().anyMatch(c -> c.matches("gutter-(error|warning|info)"));
    }

    @Test
    void lineWithAnErrorGetsAGutterMarkerThatGoesWhenFixed(FxRobot robot) throws Exception {
        String broken = "FROM alpine\nCOPY --from=later /a /b\nFROM alpine AS later\n";
        robot.interact(() -> window.editor().replaceText(broken));
        waitUntil(() -> marker(robot, 1).getStyleClass().contains("gutter-error"));
        assertTrue(marker(robot, 0).getStyleClass().contains("gutter-warning"), "stage #0 is not needed");
        assertFalse(hasSeverity(marker(robot, 2)), "a line without problems has a blank marker");
        int later = broken.indexOf("later");
        robot.interact(() -> window.editor().replaceText(later, later + "later".length(), "alpine"));
        waitUntil(() -> !marker(robot, 1).getStyleClass().contains("gutter-error"));
        assertFalse(hasSeverity(marker(robot, 1)), "no marker colour left");
    }

    @Test
    void hoveringASquiggledWordShowsMessageAndId(FxRobot robot) throws Exception {
        String broken = "FROM alpine\nCOPY --from=later /a /b\nFROM alpine AS later\n";
        robot.interact(() -> window.editor().replaceText(broken));
        waitUntil(() -> window.shownProperty().getValue() != null && window.shownProperty().getValue().text().equals(broken));
        Diagnostic error = window.shownProperty().getValue().analysis().diagnostics().stream()
                .filter(Diagnostic::isError).findFirst().orElseThrow();
        Bounds word = WaitForAsyncUtils.asyncFx(() -> window.editor().getCharacterBoundsOnScreen(error.range().start(),
                error.range().end()).orElseThrow()).get(5, TimeUnit.SECONDS);
        robot.moveTo(new Point2D(word.getMinX() - 80, word.getMinY() - 40));
        robot.moveTo(new Point2D(word.getCenterX(), word.getCenterY()));
        waitUntil(() -> robot.lookup("#diagnostic-tooltip").tryQuery().map(Node::isVisible).orElse(false));
        String shown = robot.lookup("#diagnostic-tooltip").queryAs(Label.class).getText();
        assertTrue(shown.contains(error.message()), shown);
        assertTrue(shown.contains("[forward-reference]"), shown);
        Node marker = marker(robot, 1);
        assertTrue(((Label) marker).getTooltip().getText().contains("[forward-reference]"), "the gutter marker says it too");
    }
}
