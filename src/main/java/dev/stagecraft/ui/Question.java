package dev.stagecraft.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * A question with two answers that the window asks before doing something a user may regret
 * (discard edits, reload over them, restore a recovery copy). Windows ask through a
 * {@code Predicate<Question>} so that tests answer without a modal dialog; people get
 * {@link #askInDialog()}.
 */
public record Question(String title, String text, String yes, String no) {
    /** A modal dialog; true when the user picks {@link #yes()}. */
    public boolean askInDialog() {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, noButton, yesButton);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == yesButton).isPresent();
    }
}
