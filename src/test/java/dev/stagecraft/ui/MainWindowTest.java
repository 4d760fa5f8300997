package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.syntax.Diagnostic;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real main window, driven headless under Monocle: type, click, and check what is shown. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final String GO_TO_SCRATCH = "FROM golang:1.22 AS build\nRUN go build -o /app\n\n"
            + "FROM scratch\nCOPY --from=build /app /app\n";

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(GO_TO_SCRATCH);
        TestWindows.show(stage, window, 1700, 800);
    }

    @AfterEach
    void close() {
        window.close();
    }

    private static int cards(FxRobot robot) {
        return robot.lookup(".stage-card").queryAll().size();
    }

    private void typeAtEnd(FxRobot robot, String text) {
        robot.interact(() -> {
            window.editor().requestFocus();
            window.editor().moveTo(window.editor().getLength());
        });
        robot.write(text);
    }

    @Test
    void typingANewStageAddsACard(FxRobot robot) throws TimeoutException {
        waitUntil(() -> cards(robot) == 2);
        typeAtEnd(robot, "FROM alpine:3.20 AS extra\n");
        // A third card already shows for the half-typed "FROM alpine:3.20": wait for the analysis of the whole line.
        waitUntil(() -> cards(robot) == 3 && window.shownProperty().getValue().text().equals(window.editor().getText()));
        Node card = robot.lookup("#stage-2").query();
        Label title = robot.from(card).lookup(".stage-title").queryAs(Label.class);
        assertEquals("extra", title.getText());
        assertTrue(window.editor().getText().endsWith("FROM alpine:3.20 AS extra\n"), "the typed text is in the editor");
    }

    @Test
    void unneededStageIsDimmed(FxRobot robot) throws TimeoutException {
        typeAtEnd(robot, "FROM alpine AS tools\n");
        waitUntil(() -> cards(robot) == 3);
        assertTrue(robot.lookup("#stage-0").query().getStyleClass().contains("unreachable"),
                "build is not needed by the new last stage");
        assertTrue(robot.lookup("#stage-2").query().getStyleClass().contains("target"));
    }

    @Test
    void flagTypoIsListedInProblemsAndClickingItSelectsIt(FxRobot robot) throws TimeoutException {
        typeAtEnd(robot, "COPY --form=build /etc/passwd /etc/passwd\n");
        @SuppressWarnings("unchecked")
        ListView<Diagnostic> problems = robot.lookup("#problems").queryAs(ListView.class);
        waitUntil(() -> problems.getItems().stream().anyMatch(d -> d.id().equals("unknown-flag")));
        Diagnostic d = problems.getItems().stream().filter(x -> x.id().equals("unknown-flag")).findFirst().orElseThrow();
        assertEquals(6, d.range().startLine());
        robot.interact(() -> problems.getSelectionModel().select(d));
        robot.clickOn(problems.lookup(".list-cell"));
        waitUntil(() -> "--form=build".equals(window.editor().getSelectedText()));
    }

    @Test
    void aProblemRowKeptThroughTypingThatMovedItsOffsetsStillSelectsItsText(FxRobot robot) throws TimeoutException {
        typeAtEnd(robot, "COPY --form=build /etc/passwd /etc/passwd\n");
        @SuppressWarnings("unchecked")
        ListView<Diagnostic> problems = robot.lookup("#problems").queryAs(ListView.class);
        // The whole line's analysis: on a busy machine a pause in typing shows a half-typed line's problems first.
        waitUntil(() -> window.shownProperty().getValue().text().equals(window.editor().getText())
                && problems.getItems().stream().anyMatch(d -> d.id().equals("unknown-flag")));
        Diagnostic row = problems.getItems().stream().filter(x -> x.id().equals("unknown-flag")).findFirst().orElseThrow();
        // A space at the end of line 2: every offset after it moves by one, no line or column does.
        int endOfLine2 = window.editor().getText().indexOf("/app\n") + "/app".length();
        robot.interact(() -> window.editor().insertText(endOfLine2, " "));
        waitUntil(() -> window.shownProperty().getValue().text().equals(window.editor().getText()));
        assertTrue(problems.getItems().contains(row) && problems.getItems().stream().anyMatch(d -> d == row),
                "the row reads the same, so it is kept");
        robot.interact(() -> problems.getSelectionModel().select(row));
        robot.clickOn(problems.lookup(".list-cell"));
        waitUntil(() -> "--form=build".equals(window.editor().getSelectedText()));
    }

    @Test
    void clickingACardSelectsItsStageInTheEditor(FxRobot robot) throws TimeoutException {
        waitUntil(() -> cards(robot) == 2);
        robot.clickOn("#stage-1");
        int fromScratch = GO_TO_SCRATCH.indexOf("FROM scratch");
        waitUntil(() -> window.editor().getSelection().getStart() == fromScratch);
        assertTrue(window.editor().getSelectedText().startsWith("FROM scratch\nCOPY --from=build"),
                window.editor().getSelectedText());
    }

    @Test
    void choosingATargetDimsWhatItDoesNotNeedAndMarksWhatShips(FxRobot robot) throws TimeoutException {
        typeAtEnd(robot, "FROM build AS test\nRUN go test ./...\n");
        waitUntil(() -> cards(robot) == 3);
        assertTrue(robot.lookup("#stage-1").query().getStyleClass().contains("unreachable"), "scratch stage not needed by test");
        assertTrue(robot.lookup("#stage-0").query().getStyleClass().contains("ships"), "test is built FROM build");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> target = robot.lookup("#target").queryAs(javafx.scene.control.ComboBox.class);
        waitUntil(() -> target.getItems().contains("test"));
        robot.interact(() -> target.setValue("(last stage)"));
        robot.interact(() -> target.getSelectionModel().select("build"));
        waitUntil(() -> robot.lookup("#stage-2").query().getStyleClass().contains("unreachable"));
        assertTrue(robot.lookup("#stage-1").query().getStyleClass().contains("unreachable"));
        assertTrue(robot.lookup("#stage-0").query().getStyleClass().contains("target"));
        robot.interact(() -> target.getSelectionModel().select("(last stage)"));
        waitUntil(() -> !robot.lookup("#stage-2").query().getStyleClass().contains("unreachable"));
    }

    @Test
    void copySourceStageIsLeftBehind(FxRobot robot) throws TimeoutException {
        waitUntil(() -> cards(robot) == 2);
        assertTrue(robot.lookup("#stage-0").query().getStyleClass().contains("left-behind"),
                "build only feeds a COPY --from: built, not shipped");
        assertTrue(robot.lookup("#stage-1").query().getStyleClass().contains("ships"));
    }

    @Test
    void movingTheCaretIntoAStageLightsItsCard(FxRobot robot) throws TimeoutException {
        waitUntil(() -> cards(robot) == 2);
        int inScratchStage = GO_TO_SCRATCH.indexOf("COPY --from=build") + 3;
        robot.interact(() -> window.editor().moveTo(inScratchStage));
        waitUntil(() -> robot.lookup("#stage-1").query().getStyleClass().contains("selected"));
        assertTrue(!robot.lookup("#stage-0").query().getStyleClass().contains("selected"));
        robot.interact(() -> window.editor().moveTo(2));
        waitUntil(() -> robot.lookup("#stage-0").query().getStyleClass().contains("selected"));
        assertTrue(!robot.lookup("#stage-1").query().getStyleClass().contains("selected"));
    }

    @Test
    void fileExamplesOpensAnExampleWithItsGraph(FxRobot robot) throws TimeoutException {
        waitUntil(() -> cards(robot) == 2);
        robot.clickOn("File");
        robot.clickOn("Examples");
        robot.clickOn("Node build, nginx serves");
        waitUntil(() -> window.editor().getText().contains("nginx"));
        waitUntil(() -> robot.lookup(".stage-title").queryAll().stream()
                .anyMatch(n -> "web".equals(((Label) n).getText())));
    }

    @Test
    void binaryJunkShowsDiagnosticsWithoutException(FxRobot robot) throws TimeoutException {
        StringBuilder junk = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        while (junk.length() < 20_000) {
            char c = (char) random.nextInt(0x3000);
            if (c != '\r') {
                // The editor keeps lines as paragraphs and turns a lone CR into a line break.
                junk.append(c);
            }
        }
        robot.interact(() -> window.editor().replaceText(junk.toString()));
        @SuppressWarnings("unchecked")
        ListView<Diagnostic> problems = robot.lookup("#problems").queryAs(ListView.class);
        waitUntil(() -> problems.getItems().stream().anyMatch(d -> d.id().equals("no-from")));
        assertEquals(junk.toString(), window.editor().getText(), "the text is untouched");
        assertEquals(0, cards(robot));
    }

    @Test
    void anEditKeepsTheCardsAndUpdatesTheirTextInPlace(FxRobot robot) throws TimeoutException {
        waitUntil(() -> cards(robot) == 2);
        Node build = robot.lookup("#stage-0").query();
        Label count = robot.from(build).lookup(".stage-count").queryAs(Label.class);
        String before = count.getText();
        robot.interact(() -> window.editor().insertText(window.editor().getText().indexOf("\n\nFROM scratch"), "\nRUN go vet"));
        waitUntil(() -> !count.getText().equals(before));
        int was = Integer.parseInt(before.split(" ")[0]);
        assertEquals((was + 1) + " instructions", count.getText(), "the same card shows the new count");
        assertTrue(robot.lookup("#stage-0").query() == build, "the card is the same node, updated in place");
    }
}
