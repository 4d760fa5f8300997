package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEvent.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The build log panel, driven as a user drives it: lines stream in, a stage is chosen, text is searched and copied. */
@ExtendWith(ApplicationExtension.class)
class BuildLogPanelTest {
    private static final String ESC = "\u001b";
    private static final int CAP = 1_500;

    private BuildLogPanel log;
    private final AtomicReference<String> copied = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        log = new BuildLogPanel(CAP);
        // Not the system clipboard: FileSafetyTest's drag board claims it, and whichever of the two
        // reaches it second in one test run would fail.
        log.setClipboard(copied::set);
        log.setStageLabels(List.of("deps", "builder", "production"));
        Scene scene = new Scene(log, 900, 400);
        scene.getStylesheets().add(StagecraftApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> call) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, call);
    }

    private static LogLine line(int stage, int dockerfileLine, String text) {
        return new LogLine(stage, dockerfileLine, text);
    }

    /** The texts of the rows drawn on screen now. */
    private static List<String> drawnRows(FxRobot robot) {
        List<String> rows = new ArrayList<>();
        robot.interact(() -> {
            for (Node cell : robot.lookup(".log-cell").queryAll()) {
                TextFlow flow = (TextFlow) cell.lookup(".log-text");
                if (flow != null && cell.isVisible() && ((javafx.scene.control.ListCell<?>) cell).getItem() != null) {
                    StringBuilder b = new StringBuilder();
                    for (Node t : flow.getChildren()) {
                        b.append(((Text) t).getText());
                    }
                    rows.add(((Label) cell.lookup(".log-stage-tag")).getText() + "|" + b);
                }
            }
        });
        return rows;
    }

    @Test
    void appendedLines_showWithTheirStageTag_andEscapesStripped(FxRobot robot) {
        robot.interact(() -> log.append(List.of(
                line(0, 10, "#7 [deps 3/3] RUN npm ci --omit=dev\n" + ESC + "[33mnpm warn" + ESC + "[0m deprecated glob@7\n"),
                line(1, 16, "Progress 10%\rProgress 100%\r\n"),
                line(-1, 0, "exporting to image"))));
        assertEquals(List.of("#7 [deps 3/3] RUN npm ci --omit=dev", "npm warn deprecated glob@7", "Progress 100%",
                "exporting to image"), fx(() -> log.shownLines()));
        List<String> rows = drawnRows(robot);
        assertTrue(rows.contains("deps|npm warn deprecated glob@7"), rows.toString());
        assertTrue(rows.contains("builder|Progress 100%"), rows.toString());
        assertTrue(rows.contains("|exporting to image"), rows.toString());
        robot.interact(() -> {
            for (Node t : robot.lookup(".log-span").queryAll()) {
                assertFalse(((Text) t).getText().contains(ESC), "no escape reaches the screen");
            }
            assertEquals(1, robot.lookup(".ansi-3").queryAll().size(), "the yellow warning keeps its colour");
        });
    }

    @Test
    void aThousandLineBatch_appendsInOneGo_andTheViewFollowsTheEnd(FxRobot robot) {
        robot.interact(() -> log.append(line(0, 3, "first")));
        robot.interact(() -> {
            List<LogLine> batch = new ArrayList<>();
            for (int i = 1; i <= 1_000; i++) {
                batch.add(line(0, 3, "line " + i));
            }
            log.append(batch);
        });
        assertEquals(1_001, fx(log::lineCount));
        List<String> rows = drawnRows(robot);
        assertTrue(rows.contains("deps|line 1000"), "the newest line is in view: " + rows);
        assertTrue(rows.size() < 100, "only the rows in view are drawn: " + rows.size());
    }

    @Test
    void scrolledUp_theViewStaysWhereItIs(FxRobot robot) {
        robot.interact(() -> {
            List<LogLine> batch = new ArrayList<>();
            for (int i = 1; i <= 60; i++) {
                batch.add(line(0, 3, "line " + i));
            }
            log.append(batch);
        });
        @SuppressWarnings("unchecked")
        ListView<BuildLogPanel.Entry> list = robot.lookup("#build-log-lines").queryAs(ListView.class);
        robot.interact(() -> list.scrollTo(0));
        robot.interact(() -> log.append(line(0, 3, "line 61")));
        List<String> rows = drawnRows(robot);
        assertTrue(rows.contains("deps|line 1") && !rows.contains("deps|line 61"), rows.toString());
    }

    @Test
    void eachEventIsWholeLines_andAColourCarriesOverWithinItsStage(FxRobot robot) {
        robot.interact(() -> log.append(List.of(line(1, 16, ESC + "[31mnpm error code 1"), line(0, 10, "deps line"),
                line(1, 16, "npm error path /app" + ESC + "[0m"), line(1, 16, "\n"))));
        assertEquals(List.of("npm error code 1", "deps line", "npm error path /app", ""), fx(() -> log.shownLines()));
        robot.interact(() -> {
            List<String> red = robot.lookup(".ansi-1").queryAll().stream().map(n -> ((Text) n).getText()).toList();
            assertEquals(List.of("npm error code 1", "npm error path /app"), red, "the red of stage 1 reaches its next event only");
        });
    }

    @Test
    void stageFilter_showsOnlyThatStage(FxRobot robot) {
        robot.interact(() -> log.append(List.of(line(0, 10, "deps a\ndeps b"), line(1, 16, "builder a"),
                line(2, 30, "production a"), line(1, 17, "builder b"), line(-1, 0, "build-wide"))));
        @SuppressWarnings("unchecked")
        ComboBox<String> filter = robot.lookup("#build-log-stage").queryAs(ComboBox.class);
        assertEquals(List.of("All stages", "deps", "builder", "production"), filter.getItems());
        robot.interact(() -> filter.getSelectionModel().select("builder"));
        assertEquals(List.of("builder a", "builder b"), fx(() -> log.shownLines()));
        assertTrue(drawnRows(robot).stream().allMatch(r -> r.startsWith("builder|")), drawnRows(robot).toString());
        robot.interact(() -> log.append(line(1, 18, "builder c")));
        robot.interact(() -> log.append(line(0, 11, "deps c")));
        assertEquals(List.of("builder a", "builder b", "builder c"), fx(() -> log.shownLines()));
        robot.interact(() -> filter.getSelectionModel().select("All stages"));
        assertEquals(8, fx(() -> log.shownLines()).size());

        robot.interact(() -> {
            log.setStageLabels(List.of("deps", "builder", "production", "debug"));
            filter.getSelectionModel().select("debug");
        });
        assertEquals(List.of(), fx(() -> log.shownLines()));
        assertEquals("No output from this stage.", robot.lookup("#build-log-placeholder").queryAs(Label.class).getText(),
                "an empty stage is not mistaken for an empty log");
    }

    @Test
    void search_countsMatches_andStepsThroughThem(FxRobot robot) {
        robot.interact(() -> log.append(List.of(line(0, 10, "npm ERR! code E404\nok"), line(1, 16, "fine\nnpm err! again"),
                line(2, 30, "ERROR: done"))));
        robot.clickOn("#build-log-search").write("err");
        Label count = robot.lookup("#build-log-match-count").queryAs(Label.class);
        assertEquals("1 of 3", count.getText());
        robot.type(KeyCode.ENTER);
        assertEquals("2 of 3", count.getText());
        robot.clickOn("#build-log-previous");
        robot.clickOn("#build-log-previous");
        assertEquals("3 of 3", count.getText(), "previous goes round from the first match to the last");
        robot.interact(() -> log.append(line(2, 31, "another error")));
        assertEquals("3 of 4", count.getText(), "new lines are searched as they arrive");
        assertEquals(List.of("ERROR: done"), robot.lookup(".log-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("current-match")))
                .map(n -> ((BuildLogPanel.Entry) ((javafx.scene.control.ListCell<?>) n).getItem()).text()).toList(),
                "the current match is marked");
        @SuppressWarnings("unchecked")
        ComboBox<String> filter = robot.lookup("#build-log-stage").queryAs(ComboBox.class);
        robot.interact(() -> filter.getSelectionModel().select("deps"));
        assertEquals("1 of 1", count.getText(), "the search covers the shown stage only");
        robot.clickOn("#build-log-search").eraseText(3).write("nothing like it");
        assertEquals("No matches", count.getText());
        assertEquals(0, fx(() -> log.matchCountProperty().get()));
    }

    @Test
    void copy_putsTheShownLinesOnTheClipboard_orTheSelectedOnes(FxRobot robot) {
        robot.interact(() -> log.append(List.of(line(0, 10, ESC + "[32mdeps a" + ESC + "[0m"), line(1, 16, "builder a\nbuilder b"))));
        robot.clickOn("#build-log-copy");
        assertEquals("deps a\nbuilder a\nbuilder b\n", copied.get());

        @SuppressWarnings("unchecked")
        ListView<BuildLogPanel.Entry> list = robot.lookup("#build-log-lines").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().selectIndices(2, 1));
        robot.clickOn("#build-log-lines");
        robot.interact(() -> list.getSelectionModel().selectIndices(2, 1));
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertEquals("builder a\nbuilder b\n", copied.get(),
                "Ctrl+C copies the selection, in order");
    }

    @Test
    void cap_dropsTheOldestLines_andSaysSo(FxRobot robot) {
        Label note = robot.lookup("#build-log-dropped").queryAs(Label.class);
        assertFalse(note.isVisible());
        robot.interact(() -> {
            List<LogLine> batch = new ArrayList<>();
            for (int i = 1; i <= CAP + 30; i++) {
                batch.add(line(i % 2, 0, "line " + i));
            }
            log.append(batch.subList(0, 70));
            log.append(batch.subList(70, CAP + 30));
        });
        List<String> shown = fx(() -> log.shownLines());
        assertEquals(CAP, shown.size());
        assertEquals("line 31", shown.get(0));
        assertEquals("line 1530", shown.get(CAP - 1));
        assertTrue(note.isVisible());
        assertEquals("Showing the last 1,500 lines: the 30 lines before them were dropped.", note.getText());

        robot.interact(() -> {
            List<LogLine> flood = new ArrayList<>();
            for (int i = 1; i <= CAP + 150; i++) {
                flood.add(line(0, 0, "flood " + i));
            }
            log.append(flood);
        });
        assertEquals("flood 151", fx(() -> log.shownLines()).get(0));
        assertEquals(30 + CAP + 150, fx(() -> log.droppedProperty().get()));

        robot.interact(() -> log.clear());
        assertEquals(0, fx(log::lineCount));
        assertFalse(note.isVisible(), "a new build starts with nothing dropped");
    }

    @Test
    void searchMatches_inDroppedLines_areNoLongerCounted(FxRobot robot) {
        robot.clickOn("#build-log-search").write("needle");
        robot.interact(() -> {
            List<LogLine> batch = new ArrayList<>();
            for (int i = 1; i <= CAP - 10; i++) {
                batch.add(line(0, 0, i % 10 == 0 ? "needle " + i : "hay " + i));
            }
            log.append(batch);
        });
        assertEquals(CAP / 10 - 1, fx(() -> log.matchCountProperty().get()));
        robot.interact(() -> log.append(line(0, 0, "more hay\n".repeat(31))));
        assertEquals(CAP / 10 - 3, fx(() -> log.matchCountProperty().get()), "needle 10 and needle 20 were dropped");
    }

    @Test
    void clickingALineWithADockerfileLine_reportsThatLine(FxRobot robot) {
        AtomicInteger clicked = new AtomicInteger();
        robot.interact(() -> {
            log.setOnDockerfileLine(clicked::set);
            log.append(List.of(line(-1, 0, "load build definition"), line(1, 16, "RUN npm run build")));
        });
        robot.clickOn(robot.lookup(".log-cell").match(n -> ((javafx.scene.control.ListCell<?>) n).getIndex() == 0)
                .queryAs(Node.class));
        assertEquals(0, clicked.get(), "a line tied to no instruction reports nothing");
        robot.clickOn(robot.lookup(".log-cell").match(n -> ((javafx.scene.control.ListCell<?>) n).getIndex() == 1)
                .queryAs(Node.class));
        assertEquals(16, clicked.get());
    }

    @Test
    void newStageLabels_keepTheChosenStage(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<String> filter = robot.lookup("#build-log-stage").queryAs(ComboBox.class);
        robot.interact(() -> filter.getSelectionModel().select("builder"));
        robot.interact(() -> log.setStageLabels(List.of("deps", "builder", "tester", "production")));
        assertEquals("builder", filter.getValue());
        robot.interact(() -> log.setStageLabels(List.of("deps", "production")));
        assertEquals("All stages", filter.getValue(), "a stage that went shows every stage again");
    }
}
