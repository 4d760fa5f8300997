package dev.stagecraft.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;

/**
 * Changes a node's text or style classes only when they differ from what it has: a change, even to
 * the same value, makes JavaFX restyle the node, and redrawing the graph after every edit would
 * then restyle every node on it.
 */
final class Styles {
    private Styles() {
    }

    /** True when the text changed. */
    static boolean setText(Labeled labeled, String text) {
        if (text.equals(labeled.getText())) {
            return false;
        }
        labeled.setText(text);
        return true;
    }

    /** Gives {@code node} exactly these style classes (order aside); true when they changed. */
    static boolean restyle(Node node, List<String> classes) {
        List<String> now = node.getStyleClass();
        if (now.size() == classes.size() && now.containsAll(classes)) {
            return false;
        }
        node.getStyleClass().setAll(classes);
        return true;
    }

    /** Sets the node's id, when it differs: an id can match CSS rules, so a change restyles the node. */
    static void setId(Node node, String id) {
        if (!id.equals(node.getId())) {
            node.setId(id);
        }
    }
}
