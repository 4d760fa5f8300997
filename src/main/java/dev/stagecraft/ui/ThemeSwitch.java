package dev.stagecraft.ui;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;

/** Light or dark: the dark stylesheet goes on top of the light one, live, on the node's scene. */
final class ThemeSwitch {
    private ThemeSwitch() {
    }

    /** Keeps {@code node}'s scene (now and whenever it changes) in step with {@code dark}. */
    static void follow(Node node, BooleanProperty dark) {
        dark.addListener((obs, old, now) -> apply(node.getScene(), now));
        node.sceneProperty().addListener((obs, old, now) -> apply(now, dark.get()));
        apply(node.getScene(), dark.get());
    }

    static CheckMenuItem menuItem(BooleanProperty dark) {
        CheckMenuItem item = new CheckMenuItem("Dark theme");
        item.setId("dark-theme");
        item.selectedProperty().bindBidirectional(dark);
        return item;
    }

    private static void apply(Scene scene, boolean dark) {
        if (scene == null) {
            return;
        }
        String sheet = StagecraftApp.darkStylesheet();
        if (dark && !scene.getStylesheets().contains(sheet)) {
            scene.getStylesheets().add(sheet);
        } else if (!dark) {
            scene.getStylesheets().remove(sheet);
        }
    }
}
