package dev.stagecraft.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** A small overlay on the graph: zoom out, the zoom level, zoom in, actual size and fit. */
final class ZoomControls extends HBox {

    ZoomControls(GraphView graph) {
        super(4);
        getStyleClass().add("zoom-controls");
        setAlignment(Pos.CENTER);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        // Only the buttons take clicks: dragging elsewhere still pans the graph underneath.
        setPickOnBounds(false);
        Label level = new Label();
        level.setId("zoom-level");
        level.getStyleClass().add("zoom-level");
        level.textProperty().bind(Bindings.createStringBinding(() -> Math.round(graph.scaleProperty().get() * 100) + "%",
                graph.scaleProperty()));
        getChildren().addAll(button("zoom-out", "\u2212", "Zoom out (Ctrl+-, or Ctrl+wheel)", graph::zoomOut), level,
                button("zoom-in", "+", "Zoom in (Ctrl+=, or Ctrl+wheel)", graph::zoomIn),
                button("zoom-actual", "100%", "Actual size", graph::actualSize),
                button("zoom-fit", "Fit", "Fit the graph to the window (Ctrl+0)", graph::fitToWindow));
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("zoom-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
