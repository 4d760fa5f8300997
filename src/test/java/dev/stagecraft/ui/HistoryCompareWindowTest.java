package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.compare.ComparisonMarkdown;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.history.HistoryStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * From the History tab to the comparison window, as a user goes: pick two past builds, press
 * Compare, read the change, save the report and the chart.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryCompareWindowTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private Path folder;
    private final Deque<Path> answers = new ArrayDeque<>();

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory(dir, "project");
        Path dockerfile = Files.writeString(folder.resolve("Dockerfile"), HistoryPanelTest.TEXT);
        Path data = folder.resolve("data");
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        try (HistoryStore store = HistoryStore.open(data, dockerfile)) {
            store.record(BuildRecord.succeeded(dockerfile, HistoryPanelTest.OLD_TEXT, Map.of(), null, "Docker 20.10.24 (API 1.41)",
                    at, HistoryPanelTest.report(4000, 90_000)));
            store.record(BuildRecord.succeeded(dockerfile, HistoryPanelTest.TEXT, Map.of(), null, "Docker 20.10.24 (API 1.41)",
                    at.plusSeconds(60), HistoryPanelTest.report(2500, 50_000)));
        }
        window = new MainWindow(HistoryPanelTest.TEXT, dockerfile);
        window.setFilePicker(new FilePicker() {
            @Override
            public Path pickToOpen(Window owner, Path near) {
                throw new AssertionError("nothing is opened here");
            }

            @Override
            public Path pickToSave(Window owner, Path suggested) {
                return answers.poll();
            }
        });
        window.keepHistoryIn(data);
        TestWindows.show(stage, window, 1500, 900);
    }

    @AfterEach
    void close() throws Exception {
        Stage shown = window.compareCommands().shownProperty().get();
        if (shown != null) {
            WaitForAsyncUtils.asyncFx(shown::close).get();
        }
        window.close();
    }

    @Test
    void twoPastBuildsPickedInTheHistoryTab_areComparedInTheComparisonWindow_andExported(FxRobot robot) throws Exception {
        waitUntil(() -> window.historyPanel().entries().size() == 2);
        robot.clickOn("#history-tab");
        robot.interact(() -> window.historyPanel().table().getSelectionModel().selectIndices(0, 1));
        robot.clickOn("#history-compare");
        waitUntil(() -> window.compareCommands().shownProperty().get() != null);
        Stage compared = window.compareCommands().shownProperty().get();
        ComparisonView view = (ComparisonView) compared.getScene().getRoot();
        // The older build is A (4,000 B), the newer B (2,500 B).
        assertEquals("\u22121,500 bytes", view.lookup("#compare-delta-bytes") instanceof Label l ? l.getText() : null);
        assertTrue(((Label) view.lookup("#compare-delta")).getText().endsWith("(\u221237.5%)"),
                ((Label) view.lookup("#compare-delta")).getText());

        Path markdown = folder.resolve("report.md");
        Path png = folder.resolve("chart.png");
        answers.add(markdown);
        answers.add(png);
        robot.interact(() -> ((javafx.scene.control.Button) view.lookup("#compare-save-markdown")).fire());
        waitUntil(() -> Files.exists(markdown));
        robot.interact(() -> ((javafx.scene.control.Button) view.lookup("#compare-save-png")).fire());
        waitUntil(() -> Files.exists(png) && Files.size(png) > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ComparisonMarkdown.of(view.comparison()), Files.readString(markdown));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "the chart is a PNG");
        assertEquals(1800, image.getWidth(), "the chart is drawn at twice its 900 units");
    }
}
