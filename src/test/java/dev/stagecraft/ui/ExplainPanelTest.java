package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.explain.Explanation;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Explain panel follows the caret and the target in the real window. */
@ExtendWith(ApplicationExtension.class)
class ExplainPanelTest {
    private static final String GO_TO_SCRATCH = "FROM golang:1.22 AS build\nRUN go build -o /app\n\n"
            + "FROM scratch\nCOPY --from=build /app /app\n";

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(GO_TO_SCRATCH);
        TestWindows.show(stage, window, 1400, 800);
    }

    @AfterEach
    void close() {
        window.close();
    }

    /** What the panel shows on screen: its labels' texts. */
    private static String shown(FxRobot robot) {
        StringBuilder b = new StringBuilder();
        robot.interact(() -> {
            for (javafx.scene.Node n : robot.lookup("#explain").queryAs(ExplainPanel.class).lookupAll(".label")) {
                b.append(((Label) n).getText()).append('\n');
            }
        });
        return b.toString();
    }

    private void caretTo(FxRobot robot, String marker) {
        int offset = GO_TO_SCRATCH.indexOf(marker);
        robot.interact(() -> {
            window.editor().requestFocus();
            window.editor().moveTo(offset);
        });
    }

    @Test
    void caretOnCopyFromExplainsTheSourceStage(FxRobot robot) throws TimeoutException {
        waitUntil(() -> window.explainPanel().explanationProperty().get() != null);
        caretTo(robot, "COPY --from=build");
        waitUntil(() -> shown(robot).startsWith("COPY in stage #1"));
        String text = shown(robot);
        assertTrue(text.contains("copies `/app` from stage `build` into this stage at `/app`"), text);
        assertTrue(text.contains("ships in the final image"), text);
    }

    @Test
    void caretInALeftBehindStageSaysSoUntilTheTargetChanges(FxRobot robot) throws TimeoutException {
        waitUntil(() -> window.explainPanel().explanationProperty().get() != null);
        caretTo(robot, "RUN go build");
        waitUntil(() -> shown(robot).contains("Stage `build` is left behind"));
        @SuppressWarnings("unchecked")
        ComboBox<String> target = robot.lookup("#target").queryAs(ComboBox.class);
        robot.interact(() -> target.getSelectionModel().select("build"));
        waitUntil(() -> shown(robot).contains("which ships in the final image"));
        assertTrue(!shown(robot).contains("left behind"), shown(robot));
        caretTo(robot, "COPY --from=build");
        waitUntil(() -> shown(robot).contains("isn't needed for the target `build`"));
    }

    @Test
    void blankLineExplainsItsStageAndTypingKeepsItCurrent(FxRobot robot) throws TimeoutException {
        waitUntil(() -> window.explainPanel().explanationProperty().get() != null);
        caretTo(robot, "\nFROM scratch");
        waitUntil(() -> "Stage `build`".equals(title(robot)));
        robot.interact(() -> window.editor().moveTo(window.editor().getLength()));
        robot.write("EXPOSE 8080");
        // Typing may be analysed half-way ("EXPOSE 808"): wait for the whole line's explanation.
        waitUntil(() -> window.explainPanel().explanationProperty().get().text().contains("`8080`"));
        Explanation e = window.explainPanel().explanationProperty().get();
        assertEquals("EXPOSE in stage #1", e.title());
        assertEquals("EXPOSE in stage #1", title(robot), "the panel shows it");
    }

    private static String title(FxRobot robot) {
        StringBuilder b = new StringBuilder();
        robot.interact(() -> b.append(robot.lookup("#explain-title").queryAs(Label.class).getText()));
        return b.toString();
    }
}
