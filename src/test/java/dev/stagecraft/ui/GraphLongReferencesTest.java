package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Image references pinned by digest or kept in a private registry are wider than a graph column:
 * their nodes and cards stay a column wide, cut in the middle, whole in their tooltips, and cover
 * nothing beside them.
 */
@ExtendWith(ApplicationExtension.class)
class GraphLongReferencesTest {
    private static final String PINNED = "node:20-alpine@sha256:" + "0123456789abcdef".repeat(4);
    private static final String PRIVATE = "registry.example.com:5000/platform/base-images/python:3.12-slim-bookworm";
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow("FROM " + PINNED + " AS build\nRUN echo hi > /x\n\nFROM " + PRIVATE + " AS runtime\n"
                + "COPY --from=build /x /x\n");
        TestWindows.show(stage, window, 1280, 800);
    }

    @AfterEach
    void close() {
        window.close();
    }

    /** Where a node's own box is in the drawing, without the glow of a selected card. */
    private static Bounds box(Node n) {
        Bounds own = n.getLayoutBounds();
        return new BoundingBox(n.getLayoutX() + own.getMinX(), n.getLayoutY() + own.getMinY(), own.getWidth(), own.getHeight());
    }

    @Test
    void longReferences_keepTheirNodesAColumnWide_wholeInTheirTooltips(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup(".image-node").queryAll().size() == 2 && robot.lookup(".stage-card").queryAll().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> nodes = new ArrayList<>(robot.lookup(".image-node").queryAll());
        nodes.addAll(robot.lookup(".stage-card").queryAll());
        for (Node n : nodes) {
            assertTrue(box(n).getWidth() <= 300.5, n + " is at most a column wide: " + box(n));
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                Bounds a = box(nodes.get(i));
                Bounds b = box(nodes.get(j));
                assertFalse(a.intersects(b), nodes.get(i) + " and " + nodes.get(j) + " overlap");
            }
        }
        List<String> tooltips = robot.lookup(".image-node").queryAllAs(Label.class).stream()
                .map(l -> l.getTooltip().getText()).sorted().toList();
        assertEquals(List.of(PINNED, PRIVATE), tooltips);
        Label base = robot.lookup("#stage-0 .stage-base").queryAs(Label.class);
        assertEquals(base.getText(), base.getTooltip().getText());
        assertTrue(base.getText().contains(PINNED), base.getText());
    }
}
