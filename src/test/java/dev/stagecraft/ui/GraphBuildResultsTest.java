package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.BuildEvent.StageChanged;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerEntry;
import dev.stagecraft.engine.measure.LayerSize;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A build's results on the stage graph, from events and reports made by hand: states and elapsed
 * times on the cards, size bars on one scale, skipped stages, the classic builder's note, landed
 * files on the COPY --from edges, and results that outlive edits until cleared.
 */
@ExtendWith(ApplicationExtension.class)
class GraphBuildResultsTest {
    /** Stage 0 builds, stage 1 is not needed by the target, stage 2 (scratch) ships two files from stage 0. */
    static final String DOCKERFILE = "FROM stagecraft-test/busybox:1 AS builder\n"
            + "RUN mkdir /out && echo hi > /out/app\n"
            + "FROM stagecraft-test/busybox:1 AS unused\n"
            + "RUN echo unused\n"
            + "FROM scratch\n"
            + "COPY --from=builder /out/app /app\n"
            + "COPY --from=builder /out/lib /lib\n";
    private static final long BASE = 2_000_000;
    private static final long OWN = 100_000;
    private static final long SHIPPED = 525_000;
    private static final List<LandedFile> APP = List.of(new LandedFile("/app", 4_000, 0755, LayerEntry.Kind.FILE, ""));
    private static final List<LandedFile> LIB = List.of(
            new LandedFile("/lib/libbig.so", 520_000, 0644, LayerEntry.Kind.FILE, ""),
            new LandedFile("/lib/tool", 1_000, 04755, LayerEntry.Kind.FILE, ""),
            new LandedFile("/lib/libbig.so.1", 0, 0777, LayerEntry.Kind.SYMLINK, "libbig.so"));

    private GraphView graph;

    @Start
    void start(Stage stage) {
        graph = new GraphView(s -> { });
        graph.setOnEdgeClicked(details -> EdgeDetailsView.show(stage, details));
        Scene scene = new Scene(graph, 1400, 800);
        scene.getStylesheets().add(StagecraftApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        graph.show(DockerfileAnalyzer.analyze(DOCKERFILE));
    }

    static BuildReport report(BuilderKind builder) {
        boolean classic = builder == BuilderKind.CLASSIC;
        List<StageReport> stages = List.of(
                new StageReport(0, "builder", true, true, false, "sha256:b", BASE + OWN, BASE,
                        List.of(new LayerSize(2, OWN)), null),
                classic ? new StageReport(1, "unused", false, true, false, "sha256:u", BASE, BASE, List.of(new LayerSize(4, 0)), null)
                        : new StageReport(1, "unused", false, false, false, null, 0, 0, List.of(), null),
                new StageReport(2, null, true, true, true, "sha256:f", SHIPPED, 0,
                        List.of(new LayerSize(6, 4_000), new LayerSize(7, 521_000)), null));
        List<EdgeReport> edges = List.of(
                new EdgeReport("copy", 0, null, 2, 6, APP, 4_000, null),
                new EdgeReport("copy", 0, null, 2, 7, LIB, 521_000, null));
        return new BuildReport(builder, 2, "sha256:f", SHIPPED, BASE + OWN, stages, edges, List.of(), null, Duration.ofSeconds(3));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Label.class).filter(Node::isVisible).map(Label::getText).orElse("");
    }

    private static double width(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Region.class).getWidth();
    }

    /** The curve drawn for the edge whose label has this id. */
    private CubicCurve curveOf(FxRobot robot, String labelId) {
        CubicCurve curve = graph.curveOf(robot.lookup(labelId).queryAs(Label.class));
        assertNotNull(curve, labelId + " names an edge");
        assertTrue(robot.lookup(".edge").queryAll().contains(curve), "the curve is on screen");
        return curve;
    }

    @Test
    void cardsShowEachStagesStateAndElapsedTime(FxRobot robot) {
        robot.interact(() -> {
            graph.buildStarted(BuilderKind.BUILDKIT);
            graph.stageChanged(new StageChanged(0, StepState.RUNNING, Duration.ofMillis(1_234)));
            graph.stageChanged(new StageChanged(1, StepState.SKIPPED, Duration.ZERO));
            graph.stageChanged(new StageChanged(2, StepState.QUEUED, Duration.ZERO));
        });
        assertEquals("running \u00b7 1.2 s", text(robot, "#stage-0 .build-state"));
        assertTrue(robot.lookup("#stage-0").query().getStyleClass().contains("build-running"), "a running card is marked");
        assertTrue(robot.lookup("#stage-0 .build-state").query().getStyleClass().contains("state-running"));
        assertEquals("skipped", text(robot, "#stage-1 .build-state"));
        assertEquals("queued", text(robot, "#stage-2 .build-state"));

        robot.interact(() -> graph.showStageStates(Map.of(
                0, new StageChanged(0, StepState.CACHED, Duration.ZERO),
                2, new StageChanged(2, StepState.FAILED, Duration.ofMillis(65_400)))));
        assertEquals("cached", text(robot, "#stage-0 .build-state"));
        assertFalse(robot.lookup("#stage-0").query().getStyleClass().contains("build-running"));
        assertEquals("failed \u00b7 1 min 05 s", text(robot, "#stage-2 .build-state"));
        assertTrue(robot.lookup("#stage-2").query().getStyleClass().contains("build-failed"));
        assertTrue(robot.lookup("#stage-1 .stage-build").tryQuery().isEmpty(), "a stage the new states don't name shows nothing");
    }

    @Test
    void sizeBarsOfAllCardsShareOneScale(FxRobot robot) {
        robot.interact(() -> graph.showReport(report(BuilderKind.BUILDKIT)));
        WaitForAsyncUtils.waitForFxEvents();
        double full = StageBuildPanel.BAR_WIDTH;
        double base0 = width(robot, "#stage-0 .size-base");
        double own0 = width(robot, "#stage-0 .size-own");
        double base2 = width(robot, "#stage-2 .size-base");
        double own2 = width(robot, "#stage-2 .size-own");
        // The largest stage (builder, 2.1 MB) fills the bar; the shipped 525 KB take a quarter of it.
        assertEquals(full, base0 + own0, 1);
        assertEquals(full * BASE / (BASE + OWN), base0, 1);
        assertEquals(full * OWN / (BASE + OWN), own0, 1);
        assertEquals(0, base2, 0.01, "scratch has no base");
        assertEquals(full * SHIPPED / (BASE + OWN), own2, 1);
        assertEquals(full, width(robot, "#stage-0 .size-track"), 0.01, "every track is as wide, so bars compare");
        assertEquals(full, width(robot, "#stage-2 .size-track"), 0.01);
        assertEquals(Sizes.human(BASE) + " base + " + Sizes.human(OWN) + " own", text(robot, "#stage-0 .size-text"));
        assertEquals("1.9 MB base + 98 KB own", text(robot, "#stage-0 .size-text"));
        assertEquals("513 KB own", text(robot, "#stage-2 .size-text"));
    }

    @Test
    void aSkippedStageSaysSkippedAndHasNoBar(FxRobot robot) {
        robot.interact(() -> graph.showReport(report(BuilderKind.BUILDKIT)));
        assertEquals("skipped", text(robot, "#stage-1 .size-text"));
        assertTrue(robot.lookup("#stage-1 .size-track").tryQuery().isEmpty());
        assertTrue(robot.lookup("#stage-1 .classic-note").tryQuery().isEmpty(), "BuildKit did skip it: no note");
    }

    @Test
    void theClassicBuilderBuildingAStageTheTargetDoesNotNeedSaysBuildKitWouldSkipIt(FxRobot robot) {
        robot.interact(() -> {
            graph.buildStarted(BuilderKind.CLASSIC);
            graph.stageChanged(new StageChanged(1, StepState.RUNNING, Duration.ofMillis(300)));
        });
        assertEquals("BuildKit would skip this stage", text(robot, "#stage-1 .classic-note"));
        robot.interact(() -> graph.showReport(report(BuilderKind.CLASSIC)));
        assertEquals("BuildKit would skip this stage", text(robot, "#stage-1 .classic-note"));
        assertEquals(Sizes.human(BASE) + " base + 0 B own", text(robot, "#stage-1 .size-text"));
        assertTrue(robot.lookup("#stage-0 .classic-note").tryQuery().isEmpty(), "the target needs stage 0");
        assertTrue(robot.lookup("#stage-2 .classic-note").tryQuery().isEmpty());
    }

    @Test
    void theTargetsCardShowsTheFinalImageAndWhatWasLeftBehind(FxRobot robot) {
        robot.interact(() -> graph.showReport(report(BuilderKind.BUILDKIT)));
        assertEquals("final image " + Sizes.human(SHIPPED), text(robot, "#stage-2 .final-size"));
        assertEquals("left behind " + Sizes.human(BASE + OWN), text(robot, "#stage-2 .left-behind-size"));
        assertTrue(robot.lookup("#stage-0 .final-size").tryQuery().isEmpty(), "only the shipping card has the summary");
    }

    @Test
    void copyEdgesSayWhatLandedAndGrowThickerWithTheirBytes(FxRobot robot) {
        double before = curveOf(robot, "#edge-label-0-2-0").getStrokeWidth();
        robot.interact(() -> graph.showReport(report(BuilderKind.BUILDKIT)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("/out/app \u2192 /app\n1 file, 3.9 KB landed", text(robot, "#edge-label-0-2-0"));
        assertEquals("/out/lib \u2192 /lib\n3 files, 509 KB landed", text(robot, "#edge-label-0-2-1"));
        double small = curveOf(robot, "#edge-label-0-2-0").getStrokeWidth();
        double large = curveOf(robot, "#edge-label-0-2-1").getStrokeWidth();
        assertEquals(EdgeThickness.of(4_000), small, 0.01);
        assertEquals(EdgeThickness.of(521_000), large, 0.01);
        assertTrue(large > small + 1, "521 KB draws thicker than 4 KB: " + large + " vs " + small);
        assertTrue(small != before, "a measured edge is drawn for its bytes, not at the default width");
        assertTrue(EdgeThickness.of(0) == EdgeThickness.MIN && EdgeThickness.of(Long.MAX_VALUE) == EdgeThickness.MAX);
    }

    @Test
    void clickingALandedEdgeListsTheExactFilesWithSizeAndMode(FxRobot robot) throws TimeoutException {
        robot.interact(() -> graph.showReport(report(BuilderKind.BUILDKIT)));
        robot.clickOn("#edge-label-0-2-1");
        TestWindows.waitUntil(() -> robot.lookup("#landed-files").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<String> files = robot.lookup("#landed-files").queryAs(ListView.class);
        assertEquals(List.of(
                "0644     508 KB  /lib/libbig.so",
                "4755     1000 B  /lib/tool",
                "0777        0 B  /lib/libbig.so.1 \u2192 libbig.so"), files.getItems());
        assertEquals("Total: 3 files, 509 KB landed (521,000 bytes)", text(robot, "#landed-files-total"));
        assertEquals("line 7:  COPY --from=builder /out/lib /lib", text(robot, "#edge-details-instruction"));
        robot.clickOn("#edge-details-close");
        TestWindows.waitUntil(() -> robot.lookup("#landed-files").tryQuery().isEmpty());
    }

    @Test
    void resultsStayOnTheirCardsAndEdgesWhenALineIsInsertedAbove(FxRobot robot) {
        robot.interact(() -> {
            graph.stageChanged(new StageChanged(0, StepState.DONE, Duration.ofMillis(2_500)));
            graph.showReport(report(BuilderKind.BUILDKIT));
            graph.show(DockerfileAnalyzer.analyze("# a comment above everything\n\n" + DOCKERFILE));
        });
        assertEquals("done \u00b7 2.5 s", text(robot, "#stage-0 .build-state"));
        assertEquals("1.9 MB base + 98 KB own", text(robot, "#stage-0 .size-text"));
        assertEquals("/out/app \u2192 /app\n1 file, 3.9 KB landed", text(robot, "#edge-label-0-2-0"));
        assertEquals("/out/lib \u2192 /lib\n3 files, 509 KB landed", text(robot, "#edge-label-0-2-1"));
        robot.interact(() -> graph.markBuildStale(true));
        assertEquals("done \u00b7 2.5 s \u00b7 from the last build", text(robot, "#stage-0 .build-state"));
        assertTrue(robot.lookup("#stage-0 .stage-build").query().getStyleClass().contains("stale"), "stale results are dimmed");
        assertTrue(robot.lookup("#edge-label-0-2-0").query().getStyleClass().contains("stale-build"));
        robot.interact(() -> graph.markBuildStale(false));
        assertEquals("done \u00b7 2.5 s", text(robot, "#stage-0 .build-state"));
        assertFalse(robot.lookup("#edge-label-0-2-0").query().getStyleClass().contains("stale-build"));
    }

    @Test
    void aBuildStartedAfterTheFileChangedDropsTheStaleReport(FxRobot robot) {
        robot.interact(() -> {
            graph.showReport(report(BuilderKind.BUILDKIT));
            graph.markBuildStale(true);
            graph.buildStarted(BuilderKind.BUILDKIT);
            graph.stageChanged(new StageChanged(0, StepState.RUNNING, Duration.ofMillis(100)));
        });
        assertEquals("running \u00b7 0.1 s", text(robot, "#stage-0 .build-state"), "the new build's state is not stale");
        assertTrue(robot.lookup("#stage-0 .size-track").tryQuery().isEmpty(), "the old sizes went with the old file");
        assertEquals("/out/app \u2192 /app", text(robot, "#edge-label-0-2-0"));
    }

    @Test
    void clearBuildGoesBackToThePlainGraph(FxRobot robot) {
        String plain = text(robot, "#edge-label-0-2-0");
        Bounds cardBefore = robot.lookup("#stage-2").query().getBoundsInParent();
        robot.interact(() -> {
            graph.stageChanged(new StageChanged(0, StepState.DONE, Duration.ofMillis(2_500)));
            graph.showReport(report(BuilderKind.BUILDKIT));
        });
        assertTrue(robot.lookup(".stage-build").tryQuery().isPresent());
        robot.interact(graph::clearBuild);
        assertTrue(robot.lookup(".stage-build").tryQuery().isEmpty(), "no card shows a build");
        assertEquals(plain, text(robot, "#edge-label-0-2-0"));
        assertEquals("", curveOf(robot, "#edge-label-0-2-1").getStyle(), "edges are drawn at their usual width again");
        assertTrue(robot.lookup(".landed").tryQuery().isEmpty());
        assertEquals(cardBefore, robot.lookup("#stage-2").query().getBoundsInParent(), "cards are back where they were");
    }

    @Test
    void redrawingAfterAnEditThatMovesLinesChangesNoNodeOfTheResults(FxRobot robot) {
        robot.interact(() -> {
            graph.stageChanged(new StageChanged(0, StepState.DONE, Duration.ofMillis(2_500)));
            graph.showReport(report(BuilderKind.BUILDKIT));
        });
        List<Node> before = new ArrayList<>();
        AtomicInteger changes = new AtomicInteger();
        robot.interact(() -> watch(graph.getContent(), before, changes));
        robot.interact(() -> graph.show(DockerfileAnalyzer.analyze("# a comment above everything\n" + DOCKERFILE)));
        List<Node> after = new ArrayList<>();
        robot.interact(() -> watch(graph.getContent(), after, new AtomicInteger()));
        assertEquals(0, changes.get(), "no text, style class or inline style changed");
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), after.get(i), "nodes are reused, not made again");
        }
    }

    /** Collects every node under {@code node}, counting each later change of a text, style class or inline style. */
    private static void watch(Node node, List<Node> nodes, AtomicInteger changes) {
        nodes.add(node);
        node.getStyleClass().addListener((ListChangeListener<String>) c -> changes.incrementAndGet());
        node.styleProperty().addListener((obs, old, now) -> changes.incrementAndGet());
        if (node instanceof Labeled labeled) {
            labeled.textProperty().addListener((obs, old, now) -> changes.incrementAndGet());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                watch(child, nodes, changes);
            }
        }
    }

    @Test
    void tallerCardsPushTheRowBelowDownInsteadOfCoveringIt(FxRobot robot) {
        robot.interact(() -> {
            graph.buildStarted(BuilderKind.CLASSIC);
            graph.showStageStates(Map.of(0, new StageChanged(0, StepState.DONE, Duration.ofSeconds(1)),
                    1, new StageChanged(1, StepState.DONE, Duration.ofSeconds(1))));
            graph.showReport(report(BuilderKind.CLASSIC));
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Stages 0 and 1 share the first column, one row apart.
        Bounds first = robot.lookup("#stage-0").query().getBoundsInParent();
        Bounds second = robot.lookup("#stage-1").query().getBoundsInParent();
        assertEquals(first.getMinX(), second.getMinX(), 0.01);
        assertTrue(second.getMinY() >= first.getMaxY() + GraphView.ROW_GAP - 0.5, first + " and " + second);
    }
}
