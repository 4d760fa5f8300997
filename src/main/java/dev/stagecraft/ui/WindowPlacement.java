package dev.stagecraft.ui;

import dev.stagecraft.userdata.Settings;
import java.util.List;
import java.util.OptionalDouble;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers where the window was, how big, whether maximized, and where the split dividers sat.
 * Restored bounds are clamped to a screen that shows them now (a monitor may have gone since).
 */
final class WindowPlacement {
    static final String[] SPLITS = {"editor-graph-split", "main-split"};

    private WindowPlacement() {
    }

    static void restore(Stage stage, Node content, Settings settings) {
        OptionalDouble x = settings.number("window.x");
        OptionalDouble y = settings.number("window.y");
        OptionalDouble w = settings.number("window.width");
        OptionalDouble h = settings.number("window.height");
        if (x.isPresent() && y.isPresent() && w.isPresent() && h.isPresent()) {
            Rectangle2D bounds = clamp(new Rectangle2D(x.getAsDouble(), y.getAsDouble(),
                    Math.max(200, w.getAsDouble()), Math.max(150, h.getAsDouble())));
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
        }
        stage.setMaximized(settings.flag("window.maximized", false));
        for (String id : SPLITS) {
            OptionalDouble position = settings.number("split." + id);
            if (position.isPresent() && content.lookup("#" + id) instanceof SplitPane split) {
                split.setDividerPositions(Math.min(0.95, Math.max(0.05, position.getAsDouble())));
            }
        }
    }

    static void remember(Stage stage, Node content, Settings settings) {
        settings.putFlag("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            // Maximized bounds are the screen's: keep the size to return to instead.
            settings.putNumber("window.x", stage.getX());
            settings.putNumber("window.y", stage.getY());
            settings.putNumber("window.width", stage.getWidth());
            settings.putNumber("window.height", stage.getHeight());
        }
        for (String id : SPLITS) {
            if (content.lookup("#" + id) instanceof SplitPane split && split.getDividerPositions().length > 0) {
                settings.putNumber("split." + id, split.getDividerPositions()[0]);
            }
        }
    }

    /** Fits {@code wanted} on the screen it overlaps most (the primary one if none). */
    static Rectangle2D clamp(Rectangle2D wanted) {
        List<Screen> screens = Screen.getScreensForRectangle(wanted);
        Rectangle2D screen = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
        double width = Math.min(wanted.getWidth(), screen.getWidth());
        double height = Math.min(wanted.getHeight(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(wanted.getMinX(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(wanted.getMinY(), screen.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }
}
