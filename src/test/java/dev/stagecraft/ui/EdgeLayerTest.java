package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The graph's edges are kept by how they look: only what an edit changes is touched. */
@ExtendWith(ApplicationExtension.class)
class EdgeLayerTest {
    private final List<Object> clicked = new ArrayList<>();
    private final EdgeLayer edges = new EdgeLayer(clicked::add);
    private static final List<Bounds> NODES = List.of(new BoundingBox(0, 0, 200, 80), new BoundingBox(340, 0, 200, 80));

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new Group(edges.curveLayer(), edges.labelLayer()), 800, 400);
        scene.getStylesheets().add(StagecraftApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private static EdgeLayer.Look look(double y, String text) {
        return new EdgeLayer.Look(List.of("edge", "edge-copy"), "", 200, y, 260, y, 280, y, 340, y,
                List.of("edge-label", "edge-label-copy"), text, "label-" + text.replace(' ', '-'));
    }

    private static EdgeLayer.Look bare(double y) {
        return new EdgeLayer.Look(List.of("edge", "edge-base"), "", 200, y, 260, y, 280, y, 340, y, List.of(), null, null);
    }

    /** Counts style class changes and moves of every curve and label on screen. */
    private int[] watchChanges() {
        int[] changes = new int[1];
        List<Node> all = new ArrayList<>(edges.curves());
        all.addAll(edges.labels());
        for (Node n : all) {
            n.getStyleClass().addListener((ListChangeListener<String>) c -> changes[0]++);
            n.layoutXProperty().addListener(o -> changes[0]++);
            n.layoutYProperty().addListener(o -> changes[0]++);
            if (n instanceof Label l) {
                l.textProperty().addListener(o -> changes[0]++);
            }
        }
        return changes;
    }

    @Test
    void drawingTheSameLooksAgainTouchesNoNodeButTakesTheNewKeys(FxRobot robot) {
        Object oldKey = "old";
        Object newKey = "new";
        robot.interact(() -> edges.draw(List.of(List.of(new EdgeLayer.Edge(oldKey, look(40, "a -> /b")),
                new EdgeLayer.Edge("base", bare(60)))), NODES));
        List<CubicCurve> curves = edges.curves();
        List<Label> labels = edges.labels();
        int[] changes = watchChanges();
        robot.interact(() -> edges.draw(List.of(List.of(new EdgeLayer.Edge(newKey, look(40, "a -> /b")),
                new EdgeLayer.Edge("base", bare(60)))), NODES));
        assertEquals(0, changes[0], "no class, text or place changed");
        assertEquals(curves, edges.curves());
        assertEquals(labels, edges.labels());
        assertSame(newKey, edges.keyOf(labels.get(0)), "the label now stands for the new edge");
        assertTrue(edges.nodesByKey().containsKey(newKey));
        assertFalse(edges.nodesByKey().containsKey(oldKey));
        robot.clickOn(labels.get(0));
        assertEquals(List.of(newKey), clicked);
    }

    @Test
    void aChangedEdgeIsTheOnlyOneRestyled(FxRobot robot) {
        robot.interact(() -> edges.draw(List.of(List.of(new EdgeLayer.Edge(1, look(30, "one"))),
                List.of(new EdgeLayer.Edge(2, look(200, "two")))), NODES));
        Label first = edges.labels().get(0);
        Label second = edges.labels().get(1);
        int[] firstChanges = new int[1];
        first.textProperty().addListener(o -> firstChanges[0]++);
        first.getStyleClass().addListener((ListChangeListener<String>) c -> firstChanges[0]++);
        robot.interact(() -> edges.draw(List.of(List.of(new EdgeLayer.Edge(1, look(30, "one"))),
                List.of(new EdgeLayer.Edge(2, look(200, "two changed")))), NODES));
        assertEquals(0, firstChanges[0], "the unchanged edge's label is left alone");
        assertEquals("two changed", edges.labels().get(1).getText());
        assertSame(second, edges.labels().get(1), "the changed edge reuses its label");
    }

    @Test
    void anEdgeGoneLeavesTheLayersAndAnEdgeMoreIsAdded(FxRobot robot) {
        robot.interact(() -> edges.draw(List.of(List.of(new EdgeLayer.Edge(1, look(30, "one")),
                new EdgeLayer.Edge(2, look(50, "two")))), NODES));
        robot.interact(() -> edges.draw(List.of(List.of(new EdgeLayer.Edge(2, look(50, "two")))), NODES));
        assertEquals(1, edges.curveLayer().getChildren().size());
        assertEquals(1, edges.labelLayer().getChildren().size());
        assertEquals("two", edges.labels().get(0).getText());
        robot.interact(() -> edges.draw(List.of(List.of(new EdgeLayer.Edge(2, look(50, "two")),
                new EdgeLayer.Edge(3, bare(70)))), NODES));
        assertEquals(2, edges.curveLayer().getChildren().size());
        assertEquals(1, edges.labelLayer().getChildren().size(), "an edge without a label adds none");
        assertNotSame(edges.curves().get(0), edges.curves().get(1));
    }

    @Test
    void labelsOfOneBundleAreStackedClearOfEachOtherAndOfTheNodes(FxRobot robot) {
        List<EdgeLayer.Edge> bundle = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bundle.add(new EdgeLayer.Edge(i, look(40 + i * 5, "edge number " + i)));
        }
        // A node right where the labels would stack, above the curves' middle: they must go below it.
        List<Bounds> nodes = List.of(NODES.get(0), NODES.get(1), new BoundingBox(180, -200, 180, 230));
        robot.interact(() -> edges.draw(List.of(bundle), nodes));
        List<Bounds> boxes = new ArrayList<>();
        for (Label l : edges.labels()) {
            boxes.add(l.getBoundsInParent());
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (Bounds node : nodes) {
                assertFalse(boxes.get(i).intersects(node), "label " + i + " clear of the nodes: " + boxes.get(i));
            }
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).intersects(boxes.get(j)), "labels " + i + " and " + j + " apart");
            }
        }
    }
}
