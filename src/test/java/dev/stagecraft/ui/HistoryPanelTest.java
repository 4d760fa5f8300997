package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.LayerSize;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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

/** The History tab over a history filled by hand: the list, reopening an entry, and comparing two. */
@ExtendWith(ApplicationExtension.class)
class HistoryPanelTest {
    static final String TEXT = "FROM busybox AS build\nRUN make\nFROM busybox\nCOPY --from=build /out /app\n";
    static final String OLD_TEXT = "FROM busybox AS build\nRUN make all\nFROM busybox\nCOPY --from=build /out /app\n";

    @TempDir
    static Path dir;

    private MainWindow window;
    private Path dockerfile;
    private Path data;
    private final AtomicReference<BuildComparison> compared = new AtomicReference<>();
    private long[] ids;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path folder = Files.createTempDirectory(dir, "project");
        dockerfile = Files.writeString(folder.resolve("Dockerfile"), TEXT);
        data = folder.resolve("data");
        ids = fill();
        window = new MainWindow(TEXT, dockerfile);
        window.setOnCompare(compared::set);
        window.keepHistoryIn(data);
        TestWindows.show(stage, window, 1500, 900);
    }

    @AfterEach
    void close() throws Exception {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof Stage s && s.getScene() != null && s.getScene().getRoot().getId() != null
                    && s.getScene().getRoot().getId().equals("past-build")) {
                WaitForAsyncUtils.asyncFx(s::close).get();
            }
        }
        window.close();
    }

    static BuildReport report(long finalSize, long buildStageSize) {
        return new BuildReport(BuilderKind.BUILDKIT, 1, "sha256:f" + finalSize, finalSize, buildStageSize - 1000, List.of(
                new StageReport(0, "build", true, true, false, "sha256:b" + buildStageSize, buildStageSize, 1000,
                        List.of(new LayerSize(2, buildStageSize - 1000)), null),
                new StageReport(1, null, true, true, true, "sha256:f" + finalSize, finalSize, 1000,
                        List.of(new LayerSize(4, finalSize - 1000)), null)), List.of(), List.of(), null, Duration.ofSeconds(3));
    }

    /** Oldest first: 4,000 B of another text, a failure at line 2, 2,500 B of the editor's text. */
    private long[] fill() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        try (HistoryStore store = HistoryStore.open(data, dockerfile)) {
            long old = store.record(BuildRecord.succeeded(dockerfile, OLD_TEXT, Map.of(), null, "Docker 20.10.24 (API 1.41)", at,
                    report(4000, 90_000)));
            long failed = store.record(BuildRecord.failed(dockerfile, TEXT, Map.of(), null, BuilderKind.BUILDKIT,
                    "Docker 20.10.24 (API 1.41)", at.plusSeconds(60), "Line 2 failed: make: not found", 2));
            long last = store.record(BuildRecord.succeeded(dockerfile, TEXT, Map.of(), "build", "Docker 20.10.24 (API 1.41)",
                    at.plusSeconds(120), report(2500, 50_000)));
            assertFalse(store.problem().isPresent(), store.problem().toString());
            return new long[] {old, failed, last};
        }
    }

    private List<HistoryPanel.Entry> entries() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> window.historyPanel().entries()).get();
    }

    /** The size line of a stage's card: empty until a build's sizes are shown. */
    private static String sizeText(FxRobot robot, String card) {
        return robot.lookup(card + " .size-text").tryQuery().filter(javafx.scene.Node::isVisible).map(n -> ((Label) n).getText())
                .orElse("");
    }

    @Test
    void listsTheBuildsOfTheOpenFileNewestFirst_withTheirChangeAndTheFailedLine(FxRobot robot) throws Exception {
        // The list comes first, the failed build's line right after.
        waitUntil(() -> window.historyPanel().entries().size() == 3 && window.historyPanel().entries().get(1).failedLine() != null);
        List<HistoryPanel.Entry> list = entries();
        assertEquals(List.of(ids[2], ids[1], ids[0]), list.stream().map(e -> e.summary().id()).toList());
        assertEquals(-1500L, list.get(0).summary().sizeChangeBytes());
        assertEquals("failed at line 2", list.get(1).outcome());
        assertEquals("built", list.get(0).outcome());
        robot.clickOn("#history-tab");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".history-smaller").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && ("\u2212" + dev.stagecraft.context.Sizes.human(1500)).equals(l.getText())), "a smaller image shows its change coloured");
        assertTrue(robot.lookup(".history-failed").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && "failed at line 2".equals(l.getText())));
        assertEquals("3 builds of Dockerfile", robot.lookup("#history-message").queryAs(Label.class).getText());
    }

    @Test
    void theWhenColumnShowsEachTimeWhole_atTheAppsDefaultWindowSize(FxRobot robot) throws Exception {
        // A build of an earlier year gives the widest text; the app opens at 1280 x 800; desktops often have a
        // bigger font than the headless toolkit's 13 px.
        try (HistoryStore store = HistoryStore.open(data, dockerfile)) {
            store.record(BuildRecord.succeeded(dockerfile, TEXT, Map.of(), null, "Docker 20.10.24 (API 1.41)",
                    Instant.parse("2025-12-30T23:59:59Z"), report(2000, 50_000)));
        }
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            window.setStyle("-fx-font-size: 16px;");
            window.historyPanel().refresh();
        });
        waitUntil(() -> window.historyPanel().entries().size() == 4);
        robot.clickOn("#history-tab");
        // The earlier year's build is the oldest, the last row: scrolled into view whatever the rows' height.
        robot.interact(() -> window.historyPanel().table().scrollTo(3));
        WaitForAsyncUtils.waitForFxEvents();
        // Each When cell's text, and the text its skin draws (cut short with an ellipsis when it does not fit).
        List<List<String>> cells = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && "When".equals(c.getTableColumn().getText()) && c.getText() != null && !c.getText().isEmpty())
                .map(n -> List.of(((TableCell<?, ?>) n).getText(), ((Text) n.lookup(".text")).getText())).toList()).get();
        assertFalse(cells.isEmpty(), "the When cells are shown");
        for (List<String> cell : cells) {
            assertEquals(cell.get(0), cell.get(1), "the time is shown whole, not cut short");
        }
        assertTrue(cells.stream().anyMatch(c -> c.get(0).contains("2025")), "an earlier year's build names its year");
    }

    @Test
    void compare_handsTheComparisonOfTheTwoSelectedBuilds_olderAsA(FxRobot robot) throws Exception {
        waitUntil(() -> window.historyPanel().entries().size() == 3);
        robot.clickOn("#history-tab");
        robot.interact(() -> {
            window.historyPanel().table().getSelectionModel().clearSelection();
            window.historyPanel().table().getSelectionModel().selectIndices(0, 2);
        });
        robot.clickOn("#history-compare");
        waitUntil(() -> compared.get() != null);
        BuildComparison c = compared.get();
        assertEquals(2500L - 4000L, c.deltaBytes());
        assertEquals(OLD_TEXT, c.a().dockerfileText());
        assertEquals(TEXT, c.b().dockerfileText());
    }

    @Test
    void compareWithNothingSelected_takesTheTwoNewestThatSucceeded_andAFailedOneIsRefused(FxRobot robot) throws Exception {
        waitUntil(() -> window.historyPanel().entries().size() == 3);
        robot.clickOn("#history-tab");
        robot.interact(() -> window.historyPanel().table().getSelectionModel().clearSelection());
        robot.clickOn("#history-compare");
        waitUntil(() -> compared.get() != null);
        assertEquals(-1500L, compared.get().deltaBytes());

        compared.set(null);
        robot.interact(() -> window.historyPanel().table().getSelectionModel().selectIndices(0, 1));
        robot.clickOn("#history-compare");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#history-message").queryAs(Label.class).getText().contains("failed build"),
                robot.lookup("#history-message").queryAs(Label.class).getText());
        assertNull(compared.get());
    }

    @Test
    void reopeningABuildOfTheEditorsText_drawsItsSizesInThisWindow(FxRobot robot) throws Exception {
        waitUntil(() -> window.historyPanel().entries().size() == 3);
        waitUntil(() -> robot.lookup("#stage-0").tryQuery().isPresent());
        assertFalse(sizeText(robot, "#stage-0").contains("own"), "no build shown yet");
        robot.clickOn("#history-tab");
        robot.interact(() -> {
            window.historyPanel().table().getSelectionModel().clearAndSelect(0);
            window.historyPanel().table().requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> sizeText(robot, "#editor-graph-split #stage-0").contains("own"));
        assertTrue(robot.lookup("#past-build").tryQuery().isEmpty(), "no other window");
        String status = WaitForAsyncUtils.asyncFx(() -> ((Label) window.lookup("#build-status")).getText()).get();
        assertTrue(status != null && status.startsWith("Showing the build of")
                && status.contains(dev.stagecraft.context.Sizes.human(2500)), "status: " + status);
        assertEquals(TEXT, window.editor().getText());
    }

    @Test
    void reopeningABuildOfAnotherText_opensItReadOnlyInAWindowOfItsOwn(FxRobot robot) throws Exception {
        waitUntil(() -> window.historyPanel().entries().size() == 3);
        robot.clickOn("#history-tab");
        robot.interact(() -> window.historyPanel().table().getSelectionModel().clearAndSelect(2));
        robot.clickOn("#history-reopen");
        waitUntil(() -> robot.lookup("#past-build-title").tryQuery().isPresent());
        org.fxmisc.richtext.CodeArea past = robot.lookup("#past-build-text").queryAs(org.fxmisc.richtext.CodeArea.class);
        assertEquals(OLD_TEXT, past.getText());
        assertFalse(past.isEditable());
        assertTrue(robot.lookup("#past-build-title").queryAs(Label.class).getText().contains("read-only"));
        waitUntil(() -> sizeText(robot, "#past-build-graph #stage-0").contains("own"));
        assertEquals(TEXT, window.editor().getText(), "the editor's text is not touched");
    }

    @Test
    void anotherFileShown_listsItsOwnBuilds(FxRobot robot) throws Exception {
        waitUntil(() -> window.historyPanel().entries().size() == 3);
        Path other = Files.writeString(dockerfile.resolveSibling("Other.Dockerfile"), TEXT);
        robot.interact(() -> window.load(other, dev.stagecraft.io.TextFile.of(TEXT)));
        robot.clickOn("#history-tab");
        waitUntil(() -> window.historyPanel().entries().isEmpty()
                && robot.lookup("#history-message").queryAs(Label.class).getText().startsWith("No builds of Other.Dockerfile"));
    }
}
