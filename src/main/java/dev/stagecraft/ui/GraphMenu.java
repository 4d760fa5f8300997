package dev.stagecraft.ui;

import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The View menu's graph commands: zoom, fit, actual size, and export as PNG or SVG. */
final class GraphMenu {
    private GraphMenu() {
    }

    static List<MenuItem> items(GraphView graph, GraphExport export) {
        // The shortcuts are handled by a key filter (the editor would swallow accelerators), so
        // the labels only name them, as the Edit menu does.
        return List.of(item("zoom-in-item", "Zoom in\tCtrl+=", graph::zoomIn),
                item("zoom-out-item", "Zoom out\tCtrl+-", graph::zoomOut),
                item("zoom-fit-item", "Fit graph to window\tCtrl+0", graph::fitToWindow),
                item("zoom-actual-item", "Actual size (100%)", graph::actualSize),
                new SeparatorMenuItem(),
                item("export-png", "Export graph as PNG...", export::choosePng),
                item("export-svg", "Export graph as SVG...", export::chooseSvg));
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
