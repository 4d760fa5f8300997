package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.compare.ComparedBuild;
import dev.stagecraft.compare.ComparisonMarkdown;
import dev.stagecraft.compare.ComparisonPair;
import dev.stagecraft.compare.LayerChange;
import dev.stagecraft.compare.LeftBehindFile;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerEntry;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison window fed hand-made builds (A single-stage with a 5 MiB artifact, B multi-stage):
 * the final change in bytes and percent, the stage rows on one scale, layers and left-behind files
 * biggest first, 20,000 files without a hitch, and both exports.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonViewTest {
    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<Path> answers = new ConcurrentLinkedQueue<>();
    private final List<Path> suggested = new ArrayList<>();
    private final List<SaveKind> kinds = new ArrayList<>();
    private Stage stage;
    private ComparisonView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(ComparisonPair.comparison());
    }

    private void show(BuildComparison comparison) {
        view = new ComparisonView(comparison, new FilePicker() {
            @Override
            public Path pickToOpen(Window owner, Path near) {
                throw new AssertionError("a comparison opens nothing");
            }

            @Override
            public Path pickToSave(Window owner, Path suggestion) {
                throw new AssertionError("a comparison saves no Dockerfile: the dialog must say what it saves");
            }

            @Override
            public Path pickToSave(Window owner, Path suggestion, SaveKind kind) {
                suggested.add(suggestion);
                kinds.add(kind);
                return answers.poll();
            }
        }, dir);
        Scene scene = new Scene(view, 1100, 720);
        scene.getStylesheets().add(StagecraftApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void header_showsTheFinalChangeInBytesAndPercent_greenWhenBIsSmaller(FxRobot robot) {
        // A: 7,800,000 + 1,000 + 5 MiB + 40,000 = 13,083,880; B: 7,840,000; B - A = -5,243,880, -40.08%.
        assertEquals("12 MB", text(robot, "#compare-a-size"));
        assertEquals("7.5 MB", text(robot, "#compare-b-size"));
        assertEquals("\u22125.0 MB (\u221240.1%)", text(robot, "#compare-delta"));
        assertEquals("\u22125,243,880 bytes", text(robot, "#compare-delta-bytes"));
        assertTrue(robot.lookup("#compare-delta").query().getStyleClass().contains(ComparisonTexts.SMALLER));
        assertEquals("Dockerfile.single", text(robot, "#compare-a-label"));
        assertEquals("Dockerfile.multi", text(robot, "#compare-b-label"));
    }

    @Test
    void stageRows_pairTheTargets_andDrawBothBarsOnOneScale(FxRobot robot) {
        // Row 0 pairs the targets (A's only stage with B's last); row 1 is B's build stage, B only.
        Label delta0 = robot.lookup("#compare-stage-0 .compare-stage-delta").queryAs(Label.class);
        assertEquals("\u22125.0 MB", delta0.getText());
        assertTrue(delta0.getStyleClass().contains(ComparisonTexts.SMALLER));
        Label delta1 = robot.lookup("#compare-stage-1 .compare-stage-delta").queryAs(Label.class);
        assertEquals("new stage", delta1.getText(), "a stage only B has is new, not a growth");
        assertTrue(delta1.getStyleClass().contains(ComparisonTexts.ONE_SIDE));
        assertFalse(delta1.getStyleClass().contains(ComparisonTexts.BIGGER), "not red like a stage that grew");
        assertEquals("build (new in B)", robot.lookup("#compare-stage-1 .compare-stage-name").queryAs(Label.class).getText());
        assertEquals("#0 / #1 (final)", robot.lookup("#compare-stage-0 .compare-stage-name").queryAs(Label.class).getText());

        double a0 = robot.lookup("#compare-stage-0 .compare-bar-a").queryAs(Region.class).getWidth();
        double b0 = robot.lookup("#compare-stage-0 .compare-bar-b").queryAs(Region.class).getWidth();
        double b1 = robot.lookup("#compare-stage-1 .compare-bar-b").queryAs(Region.class).getWidth();
        assertEquals(ComparisonView.BAR_WIDTH, a0, 0.5, "A's stage is the biggest: a full bar");
        assertEquals(ComparisonView.BAR_WIDTH, b1, 0.5, "B's build stage weighs as much as A's stage");
        assertEquals(ComparisonView.BAR_WIDTH * 7_840_000 / 13_083_880, b0, 0.5, "B's final stage on the same scale");
    }

    @Test
    void layersAndLeftBehind_biggestFirst_withTotals(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<LayerChange> layers = robot.lookup("#compare-layers").queryAs(TableView.class);
        LayerChange first = layers.getItems().get(0);
        assertEquals("COPY --from=build /src/app /usr/local/bin/app", first.instruction());
        assertEquals(ComparisonPair.APP, first.deltaBytes());
        assertEquals("1 of 4 layers changed; instructions matched by their text, as a line diff would.",
                text(robot, "#compare-layers-total"));

        @SuppressWarnings("unchecked")
        TableView<LeftBehindFile> left = robot.lookup("#compare-left-behind").queryAs(TableView.class);
        assertEquals(List.of("/src/build/artifact.bin", "/src/app", "/src/main.c"),
                left.getItems().stream().map(LeftBehindFile::path).toList());
        long total = ComparisonPair.ARTIFACT + ComparisonPair.APP + ComparisonPair.SOURCES;
        assertEquals("3 files of A's final image, 5.0 MB (" + String.format(java.util.Locale.ROOT, "%,d", total)
                + " bytes), that B's final image does not hold.", text(robot, "#compare-left-behind-total"));
        assertEquals("Left behind: B no longer ships 3 files of A's final image, 5.0 MB; the biggest is"
                + " /src/build/artifact.bin (5.0 MB).", text(robot, "#compare-left-behind-summary"));
        assertEquals("4 files differ in the final image: 1 added, 3 removed, 0 changed size; together \u22125.0 MB.",
                text(robot, "#compare-final-total"));
    }

    @Test
    void twentyThousandLeftBehindFiles_areAllListed_butOnlyTheVisibleRowsAreDrawn(FxRobot robot) throws Exception {
        List<LandedFile> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(new LandedFile(String.format("/node_modules/pkg%05d/index.js", i), 1_000 + i, 0644,
                    LayerEntry.Kind.FILE, ""));
        }
        BuildReport single = ComparisonPair.single();
        BuildReport heavy = new BuildReport(single.builder(), single.targetStage(), single.finalImageId(),
                single.finalSizeBytes(), 0, single.stages(), single.edges(), many, null, single.elapsed());
        BuildComparison comparison = BuildComparison.of(new ComparedBuild("Dockerfile.single", ComparisonPair.SINGLE, heavy),
                new ComparedBuild("Dockerfile.multi", ComparisonPair.MULTI, ComparisonPair.multi()));
        robot.interact(() -> show(comparison));
        robot.clickOn("Left behind");
        waitUntil(() -> robot.lookup("#compare-left-behind").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<LeftBehindFile> left = robot.lookup("#compare-left-behind").queryAs(TableView.class);
        assertEquals(20_000, left.getItems().size());
        assertEquals("/node_modules/pkg19999/index.js", left.getItems().get(0).path(), "the biggest file first");
        int drawnRows = robot.lookup("#compare-left-behind .table-row-cell").queryAllAs(TableRow.class).size();
        assertTrue(drawnRows > 0 && drawnRows < 100, "a virtualised table draws what fits: " + drawnRows);
        robot.interact(() -> left.scrollTo(19_999));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#compare-left-behind .table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(r -> r.getItem() != null && ((LeftBehindFile) r.getItem()).path().equals("/node_modules/pkg00000/index.js")));
    }

    @Test
    void export_writesTheMarkdownReportAndAReadablePngOfTheChart(FxRobot robot) throws Exception {
        Path markdown = dir.resolve("out/report.md");
        Path png = dir.resolve("out/chart.png");
        Files.createDirectories(markdown.getParent());
        answers.add(markdown);
        robot.clickOn("#compare-save-markdown");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(markdown));
        assertEquals(ComparisonMarkdown.of(view.comparison()), Files.readString(markdown));
        assertEquals(dir.resolve("comparison.md"), suggested.get(0), "the dialog starts in the context folder");
        assertEquals(SaveKind.MARKDOWN_REPORT, kinds.get(0), "the dialog says it saves a Markdown report");

        answers.add(png);
        robot.clickOn("#compare-save-png");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(png));
        assertEquals(SaveKind.PNG_CHART, kinds.get(1), "the dialog says it saves a PNG chart");
        assertEquals(dir.resolve("comparison.png"), suggested.get(1));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG ImageIO can read");
        assertEquals(ComparisonChart.WIDTH * ComparisonChart.PNG_SCALE, image.getWidth());
        assertEquals(ComparisonChart.height(view.comparison()) * ComparisonChart.PNG_SCALE, image.getHeight());
        // The chart is drawn, not blank: B's violet bar is somewhere in it.
        boolean violet = false;
        for (int y = 0; y < image.getHeight() && !violet; y += 2) {
            for (int x = 0; x < image.getWidth() && !violet; x += 2) {
                violet = (image.getRGB(x, y) & 0xFFFFFF) == 0x7C3AED;
            }
        }
        assertTrue(violet, "B's bars are drawn");
        waitUntil(() -> text(robot, "#compare-status").startsWith("Saved the chart to "));
    }

    @Test
    void cancelledSaveDialog_writesNothing(FxRobot robot) {
        robot.clickOn("#compare-save-markdown");
        assertEquals("", text(robot, "#compare-status"));
    }
}
