package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The build's marks and layer bars in the editor gutter, fed events and sizes made by hand: a mark
 * per state, tooltips, the failed step's highlight and error, bars on one scale, marks that stay on
 * their instructions while lines come and go, and the cost of a batch of events on a long file.
 */
@ExtendWith(ApplicationExtension.class)
class BuildGutterTest {
    static final String TEXT = """
            # a builder, a tester and the shipped stage
            FROM stagecraft-test/busybox:1 AS deps
            WORKDIR /app
            RUN echo deps > /deps.txt
            FROM stagecraft-test/busybox:1 AS build
            COPY --from=deps /deps.txt /
            RUN head -c 5242880 /dev/zero > /big.bin
            RUN false \\
                && echo never
            FROM stagecraft-test/busybox:1
            COPY --from=build /deps.txt /
            """;
    static final String ERROR = "process \"/bin/sh -c false && echo never\" did not complete successfully: exit code: 1";

    private Stage stage;
    private CodeArea editor;
    private DiagnosticGutter gutter;
    private Harness harness;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(TEXT, false);
    }

    private void show(String text, boolean dark) {
        harness = Harness.show(stage, text, dark);
        editor = harness.editor();
        gutter = harness.gutter();
    }

    /** A code editor with the gutter, the hover (with the build's errors) and the current-line shading, as the window has them. */
    record Harness(CodeArea editor, DiagnosticGutter gutter) {
        static Harness show(Stage stage, String text, boolean dark) {
            CodeArea editor = new CodeArea(text);
            editor.getStyleClass().add("dockerfile-editor");
            DiagnosticGutter gutter = new DiagnosticGutter(editor);
            editor.setParagraphGraphicFactory(gutter);
            DiagnosticHover hover = new DiagnosticHover(editor);
            hover.addSource(gutter.build()::errorAt);
            new CurrentLineHighlight(editor);
            Scene scene = new Scene(new VirtualizedScrollPane<>(editor), 760, 320);
            scene.getStylesheets().add(StagecraftApp.stylesheet());
            if (dark) {
                scene.getStylesheets().add(StagecraftApp.darkStylesheet());
            }
            stage.setScene(scene);
            stage.show();
            return new Harness(editor, gutter);
        }

        /** The gutter graphic of a paragraph on screen (an off-screen one would be built by asking). */
        Node graphic(int paragraph) throws Exception {
            return WaitForAsyncUtils.asyncFx(() -> editor.getParagraphGraphic(paragraph)).get(5, TimeUnit.SECONDS);
        }

        /** The step mark of a line, null when its slot is empty (a plain region). */
        Label mark(FxRobot robot, int line) throws Exception {
            return labelIn(robot, line, BuildGutterCells.STEP_MARK);
        }

        /** The layer bar of a line, null when its slot is empty (a plain region). */
        Label layer(FxRobot robot, int line) throws Exception {
            return labelIn(robot, line, BuildGutterCells.LAYER_CELL);
        }

        private Label labelIn(FxRobot robot, int line, String styleClass) throws Exception {
            Node slot = robot.from(graphic(line - 1)).lookup("." + styleClass).tryQuery().orElse(null);
            return slot instanceof Label label ? label : null;
        }

        boolean failedStyle(int line) {
            return editor.getParagraph(line - 1).getParagraphStyle().contains(BuildMarks.FAILED_LINE);
        }
    }

    private BuildMarks marks() {
        return gutter.build();
    }

    private static BuildEvent.StepChanged step(int line, StepState state, double seconds, String error) {
        return new BuildEvent.StepChanged(line < 5 ? 0 : line < 10 ? 1 : 2, line, state, Duration.ofMillis((long) (seconds * 1000)),
                error);
    }

    /** A typical moment of a build of TEXT: each state on some line. */
    private void midBuild(FxRobot robot) {
        robot.interact(() -> {
            marks().startBuild(DockerfileAnalyzer.analyze(editor.getText()));
            marks().apply(List.of(step(2, StepState.QUEUED, 0, null), step(2, StepState.CACHED, 0, null),
                    step(3, StepState.CACHED, 0, null), step(4, StepState.RUNNING, 1.2, null), step(4, StepState.DONE, 1.5, null),
                    step(5, StepState.DONE, 0.3, null), step(6, StepState.RUNNING, 2, null),
                    step(7, StepState.QUEUED, 0, null), step(8, StepState.FAILED, 0.8, ERROR),
                    step(10, StepState.SKIPPED, 0, null), step(11, StepState.SKIPPED, 0, null)));
        });
    }

    private <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(5, TimeUnit.SECONDS);
    }

    private Label mark(FxRobot robot, int line) throws Exception {
        return harness.mark(robot, line);
    }

    private Label layer(FxRobot robot, int line) throws Exception {
        return harness.layer(robot, line);
    }

    static String state(Label mark) {
        if (mark == null) {
            return null;
        }
        return mark.getStyleClass().stream().filter(c -> c.startsWith("step-") && !c.equals(BuildGutterCells.STEP_MARK))
                .findFirst().orElse(null);
    }

    static double fillWidth(Label layer) {
        Region fill = (Region) layer.getGraphic().lookup("." + BuildGutterCells.LAYER_FILL);
        return fill.getWidth();
    }

    private boolean failedStyle(int line) {
        return harness.failedStyle(line);
    }

    @Test
    void eachStateGetsItsMarkAndATooltipWithStateAndTime(FxRobot robot) throws Exception {
        midBuild(robot);
        assertEquals("step-cached", state(mark(robot, 2)), "the last event for a line wins");
        assertEquals("step-done", state(mark(robot, 4)));
        assertEquals("step-running", state(mark(robot, 6)));
        assertEquals("step-queued", state(mark(robot, 7)));
        assertEquals("step-failed", state(mark(robot, 8)));
        assertEquals("step-skipped", state(mark(robot, 10)));
        assertEquals("step-skipped", state(mark(robot, 11)));
        assertNull(state(mark(robot, 1)), "a comment has no step");
        assertNull(state(mark(robot, 9)), "nor has a continuation line");
        assertEquals("Done in 1.5 s", mark(robot, 4).getTooltip().getText());
        assertEquals("Cached, 0.0 s", mark(robot, 3).getTooltip().getText());
        assertTrue(mark(robot, 6).getTooltip().getText().startsWith("Running, "), mark(robot, 6).getTooltip().getText());
        assertTrue(mark(robot, 6).getTooltip().getText().endsWith(" s so far"));
        assertEquals("Queued", mark(robot, 7).getTooltip().getText());
        assertEquals("Failed after 0.8 s\n" + ERROR, mark(robot, 8).getTooltip().getText());
        assertTrue(mark(robot, 10).getTooltip().getText().startsWith("Skipped"));
        assertTrue(mark(robot, 6).rotateProperty().isBound(), "a running mark turns");
        assertFalse(mark(robot, 4).rotateProperty().isBound());
        assertTrue(marks().runningProperty().get());
        robot.interact(() -> marks().apply(step(6, StepState.DONE, 2.5, null)));
        assertFalse(marks().runningProperty().get(), "nothing runs once the last running step is done");
        assertEquals("step-done", state(mark(robot, 6)));
    }

    @Test
    void aFailedStepHighlightsAllItsLinesAndShowsTheEngineError(FxRobot robot) throws Exception {
        midBuild(robot);
        assertTrue(failedStyle(8) && failedStyle(9), "both lines of the failed RUN");
        assertFalse(failedStyle(7) || failedStyle(10), "only those");
        assertEquals(OptionalInt.of(8), marks().failedLine());
        int inFailedText = TEXT.indexOf("echo never");
        assertEquals("Build failed here: " + ERROR, marks().errorAt(inFailedText));
        assertNull(marks().errorAt(TEXT.indexOf("head -c")), "other lines say nothing");

        Bounds word = fx(() -> editor.getCharacterBoundsOnScreen(inFailedText, inFailedText + 4).orElseThrow());
        robot.moveTo(new Point2D(word.getMinX() - 80, word.getMinY() - 40));
        robot.moveTo(new Point2D(word.getCenterX(), word.getCenterY()));
        waitUntil(() -> robot.lookup("#diagnostic-tooltip").tryQuery().map(Node::isVisible).orElse(false));
        String shown = robot.lookup("#diagnostic-tooltip").queryAs(Label.class).getText();
        assertTrue(shown.contains(ERROR), shown);

        robot.interact(() -> marks().apply(step(8, StepState.DONE, 1, null)));
        assertFalse(failedStyle(8) || failedStyle(9), "the next state takes the highlight away");
        assertEquals(OptionalInt.empty(), marks().failedLine());
    }

    @Test
    void layerBarsShareOneLinearScaleAndSayTheirBytes(FxRobot robot) throws Exception {
        midBuild(robot);
        double emptyWidth = fx(() -> ((Region) editor.getParagraphGraphic(3)).getWidth());
        Map<Integer, Long> sizes = new LinkedHashMap<>();
        sizes.put(3, 0L);
        sizes.put(4, 2_621_440L);
        sizes.put(6, 1_310_720L);
        sizes.put(7, 5_242_880L);
        robot.interact(() -> marks().showLayers(sizes));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BuildGutterCells.BAR_WIDTH, fillWidth(layer(robot, 7)), 0.01, "the largest layer fills the bar");
        assertEquals(BuildGutterCells.BAR_WIDTH / 2, fillWidth(layer(robot, 4)), 0.01, "half the bytes, half the length");
        assertEquals(BuildGutterCells.BAR_WIDTH / 4, fillWidth(layer(robot, 6)), 0.01);
        assertEquals(0, fillWidth(layer(robot, 3)), 0.01, "an empty layer: the track alone");
        assertTrue(layer(robot, 3).getGraphic() != null, "it still shows that the line made a layer");
        assertNull(layer(robot, 5), "a FROM made no layer here");
        assertEquals("5.0 MB", layer(robot, 7).getText());
        assertEquals("2.5 MB", layer(robot, 4).getText());
        assertTrue(layer(robot, 7).getTooltip().getText().contains("5,242,880 bytes"), layer(robot, 7).getTooltip().getText());
        for (int line = 1; line <= 11; line++) {
            assertEquals(emptyWidth, ((Region) harness.graphic(line - 1)).getWidth(), 0.01, "the gutter keeps its width on line " + line);
        }
    }

    @Test
    void insertingALineAboveMovesMarksBarsAndHighlightWithTheirInstructions(FxRobot robot) throws Exception {
        midBuild(robot);
        robot.interact(() -> marks().showLayers(Map.of(7, 5_242_880L)));
        robot.interact(() -> editor.insertText(0, "# a new first line\n"));
        // Before any new analysis: the pins followed the edit.
        assertEquals("step-done", state(mark(robot, 5)));
        assertEquals("step-failed", state(mark(robot, 9)));
        assertEquals("5.0 MB", layer(robot, 8).getText());
        assertTrue(failedStyle(9) && failedStyle(10));
        assertFalse(failedStyle(8), "the line that slid under the old place is not highlighted");
        robot.interact(() -> marks().reanchor(DockerfileAnalyzer.analyze(editor.getText())));
        assertEquals("step-done", state(mark(robot, 5)));
        assertEquals("step-running", state(mark(robot, 7)));
        assertEquals("step-cached", state(mark(robot, 3)), "the FROM, now on line 3");
        assertNull(state(mark(robot, 1)));
        assertNull(state(mark(robot, 2)));
        assertEquals("step-failed", state(mark(robot, 9)));
        assertEquals("5.0 MB", layer(robot, 8).getText());
        assertEquals(OptionalInt.of(9), marks().failedLine());
        assertTrue(marks().errorAt(editor.getText().indexOf("echo never")).contains(ERROR));
    }

    @Test
    void aNewInstructionTypedInsideAStageGetsNoMarkAndTheOthersKeepTheirs(FxRobot robot) throws Exception {
        midBuild(robot);
        int at = editor.getAbsolutePosition(6, 0);
        robot.interact(() -> editor.insertText(at, "RUN echo added\n"));
        robot.interact(() -> marks().reanchor(DockerfileAnalyzer.analyze(editor.getText())));
        assertEquals("step-running", state(mark(robot, 6)), "the COPY keeps its mark");
        assertNull(state(mark(robot, 7)), "the new RUN was not built");
        assertEquals("step-queued", state(mark(robot, 8)), "the RUN that was on line 7");
        assertEquals("step-failed", state(mark(robot, 9)));
        assertEquals(OptionalInt.of(9), marks().failedLine());
    }

    @Test
    void deletedOrRetypedInstructionsLoseTheirMarks(FxRobot robot) throws Exception {
        midBuild(robot);
        robot.interact(() -> marks().showLayers(Map.of(4, 4096L, 7, 5_242_880L)));
        // Delete line 4 (the RUN of stage deps), and make line 6's COPY an ADD.
        robot.interact(() -> {
            editor.deleteText(editor.getAbsolutePosition(3, 0), editor.getAbsolutePosition(4, 0));
            int copy = editor.getAbsolutePosition(4, 0);
            editor.replaceText(copy, copy + "COPY".length(), "ADD");
        });
        robot.interact(() -> marks().reanchor(DockerfileAnalyzer.analyze(editor.getText())));
        assertEquals("step-cached", state(mark(robot, 3)), "the WORKDIR above stays");
        assertEquals("step-done", state(mark(robot, 4)), "the FROM of stage build, one line up");
        assertNull(state(mark(robot, 5)), "an ADD is not the COPY that ran");
        assertEquals("step-queued", state(mark(robot, 6)));
        assertEquals("5.0 MB", layer(robot, 6).getText(), "the bar went up with its RUN");
        assertNull(layer(robot, 3), "the deleted RUN's bar went with it");
        assertEquals("step-failed", state(mark(robot, 7)));
    }

    @Test
    void textReplacedWholeFindsInstructionsAgainByStagePlaceAndKeyword(FxRobot robot) throws Exception {
        midBuild(robot);
        String edited = "# edited elsewhere and reloaded\n" + TEXT.replace("WORKDIR /app", "USER nobody");
        robot.interact(() -> editor.replaceText(edited));
        assertEquals(OptionalInt.empty(), marks().failedLine(), "the edit removed every line the pins were on");
        robot.interact(() -> marks().reanchor(DockerfileAnalyzer.analyze(edited)));
        assertEquals("step-cached", state(mark(robot, 3)), "stage 0's FROM");
        assertNull(state(mark(robot, 4)), "USER is not the WORKDIR that was built");
        assertEquals("step-done", state(mark(robot, 5)), "stage 0's second instruction, a RUN as before");
        assertEquals("step-failed", state(mark(robot, 9)));
        assertTrue(failedStyle(9) && failedStyle(10) && !failedStyle(8));
    }

    @Test
    void anAnalysisOfAnotherTextThanTheEditorsIsIgnored(FxRobot robot) throws Exception {
        midBuild(robot);
        robot.interact(() -> editor.insertText(0, "\n"));
        robot.interact(() -> marks().reanchor(DockerfileAnalyzer.analyze(TEXT)));
        assertEquals("step-failed", state(mark(robot, 9)), "a stale analysis moves nothing");
    }

    @Test
    void buildColumnsTakeRoomOnlyWhileABuildIsOnScreenAndThenNeverMoveTheText(FxRobot robot) throws Exception {
        Node line1 = harness.graphic(0);
        assertTrue(robot.from(line1).lookup("." + BuildGutterCells.STEP_MARK).tryQuery().isEmpty(), "no build: no step column");
        assertTrue(robot.from(line1).lookup("." + BuildGutterCells.LAYER_CELL).tryQuery().isEmpty(), "nor a layer column");
        double bare = fx(() -> harness.graphic(0).prefWidth(-1));
        robot.interact(() -> marks().startBuild(DockerfileAnalyzer.analyze(editor.getText())));
        double building = fx(() -> harness.graphic(0).prefWidth(-1));
        assertTrue(building > bare + BuildGutterCells.BAR_WIDTH, "a build makes room for marks and bars: " + bare + " -> " + building);
        midBuild(robot);
        robot.interact(() -> marks().showLayers(Map.of(7, 5_242_880L)));
        WaitForAsyncUtils.waitForFxEvents();
        for (int line = 1; line <= 11; line++) {
            int paragraph = line - 1;
            assertEquals(building, fx(() -> harness.graphic(paragraph).prefWidth(-1)), 0.5, "line " + line + " with or without marks");
        }
        robot.interact(() -> marks().clearBuild());
        assertEquals(bare, fx(() -> harness.graphic(0).prefWidth(-1)), 0.5, "the room goes with the build");
    }

    @Test
    void clearBuildRemovesMarksBarsAndHighlight(FxRobot robot) throws Exception {
        midBuild(robot);
        robot.interact(() -> marks().showLayers(Map.of(7, 5_242_880L)));
        robot.interact(() -> marks().clearBuild());
        for (int line = 1; line <= 11; line++) {
            assertNull(state(mark(robot, line)), "no mark on line " + line);
            assertNull(layer(robot, line), "no bar on line " + line);
            assertFalse(failedStyle(line));
        }
        assertEquals(OptionalInt.empty(), marks().failedLine());
        assertNull(marks().errorAt(TEXT.indexOf("echo never")));
        assertFalse(marks().runningProperty().get(), "nothing runs");
    }

    @Test
    void aNewBuildStartsWithoutTheOldMarksButKeepsTheBarsUntilItsSizesCome(FxRobot robot) throws Exception {
        midBuild(robot);
        robot.interact(() -> marks().showLayers(Map.of(7, 5_242_880L)));
        robot.interact(() -> marks().startBuild(DockerfileAnalyzer.analyze(editor.getText())));
        assertNull(state(mark(robot, 8)));
        assertFalse(failedStyle(8));
        assertEquals("5.0 MB", layer(robot, 7).getText());
        robot.interact(() -> marks().showLayers(Map.of(4, 1024L)));
        assertNull(layer(robot, 7), "the new sizes replace the old");
        assertEquals(BuildGutterCells.BAR_WIDTH, fillWidth(layer(robot, 4)), 0.01, "and set the scale");
    }

    @Test
    void eventsArrivingAfterTheUserTypedLandOnTheirInstructions(FxRobot robot) throws Exception {
        robot.interact(() -> marks().startBuild(DockerfileAnalyzer.analyze(editor.getText())));
        robot.interact(() -> editor.insertText(0, "# typed while building\n\n"));
        robot.interact(() -> marks().apply(List.of(step(7, StepState.DONE, 3, null), step(8, StepState.FAILED, 1, ERROR))));
        assertEquals("step-done", state(mark(robot, 9)), "line 7 of the built text is line 9 now");
        assertEquals("step-failed", state(mark(robot, 10)));
        assertEquals(OptionalInt.of(10), marks().failedLine());
        assertTrue(failedStyle(10) && failedStyle(11));
    }

    @Test
    void aBuildOfAnOlderTextFindsItsInstructionsInTheEditorsText(FxRobot robot) throws Exception {
        robot.interact(() -> {
            editor.insertText(0, "# typed before the build started on screen\n");
            marks().startBuild(DockerfileAnalyzer.analyze(TEXT));
            marks().apply(List.of(step(4, StepState.DONE, 1, null), step(8, StepState.FAILED, 1, ERROR)));
        });
        assertEquals("step-done", state(mark(robot, 5)));
        assertEquals("step-failed", state(mark(robot, 9)));
        assertTrue(failedStyle(9) && failedStyle(10));
    }

    @Test
    void threeHundredEventsOnAThousandLinesRebuildOnlyTheGraphicsOnScreenThatChanged(FxRobot robot) throws Exception {
        StringBuilder big = new StringBuilder("FROM stagecraft-test/busybox:1\n");
        for (int i = 1; i < 1000; i++) {
            big.append("RUN echo ").append(i).append('\n');
        }
        robot.interact(() -> {
            editor.replaceText(big.toString());
            editor.moveTo(0);
            editor.showParagraphAtTop(0);
            marks().startBuild(DockerfileAnalyzer.analyze(editor.getText()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        int[] built = new int[1];
        robot.interact(() -> {
            editor.setParagraphGraphicFactory(p -> {
                built[0]++;
                return gutter.apply(p);
            });
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Every third line from 2 to 299 goes queued, running, then done: 300 events on 100 lines.
        List<BuildEvent> events = new ArrayList<>();
        Set<Integer> paragraphs = new HashSet<>();
        for (StepState state : List.of(StepState.QUEUED, StepState.RUNNING, StepState.DONE)) {
            for (int line = 2; line < 300; line += 3) {
                events.add(new BuildEvent.StepChanged(0, line, state, Duration.ofMillis(line), null));
                paragraphs.add(line - 1);
            }
        }
        assertEquals(300, events.size());
        int[] onScreen = new int[2];
        robot.interact(() -> {
            built[0] = 0;
            marks().apply(events);
            onScreen[0] = built[0];
            for (int v = 0; v < editor.getVisibleParagraphs().size(); v++) {
                if (paragraphs.contains(editor.visibleParToAllParIndex(v))) {
                    onScreen[1]++;
                }
            }
        });
        assertTrue(onScreen[1] > 3, "some changed lines are on screen: " + onScreen[1]);
        assertEquals(onScreen[1], onScreen[0], "one graphic per changed line on screen, not one per event or per line");
        assertEquals("step-done", state(mark(robot, 2)));
        robot.interact(() -> editor.showParagraphAtTop(280));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("step-done", state(mark(robot, 284)), "a line off screen shows its mark when it scrolls in");
        assertNull(state(mark(robot, 285)));
    }

    /**
     * Pictures of the gutter mid-build with sizes, light and dark, in target/screenshots (or the
     * folder named by {@code stagecraft.screenshots.dir}), for a person to look at.
     */
    @Test
    void snapshotsInBothThemes(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("stagecraft.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> show(TEXT, dark));
            midBuild(robot);
            robot.interact(() -> {
                marks().showLayers(Map.of(3, 0L, 4, 4096L, 6, 1_310_720L, 7, 5_242_880L));
                editor.moveTo(TEXT.indexOf("echo never"));
            });
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage[] image = new WritableImage[1];
            robot.interact(() -> image[0] = stage.getScene().snapshot(null));
            BufferedImage png = SwingFXUtils.fromFXImage(image[0], null);
            Path file = dir.resolve("gutter-build-" + (dark ? "dark" : "light") + ".png");
            ImageIO.write(png, "png", file.toFile());
            assertTrue(Files.size(file) > 5_000, file + " looks empty");
        }
    }
}
