package dev.stagecraft.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** The small tool buttons the find bar and the build log share: text, id for tests, tooltip, action. */
final class Buttons {
    private Buttons() {
    }

    static Button of(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
