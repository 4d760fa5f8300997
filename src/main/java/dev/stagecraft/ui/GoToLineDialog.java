package dev.stagecraft.ui;

import dev.stagecraft.edit.LineColumn;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;

/**
 * Go to line: asks for {@code line} or {@code line:column} and moves the editor's caret there.
 * A line past the end is refused with a message (OK stays disabled); a column past the end of
 * its line goes to the end of that line.
 */
public final class GoToLineDialog extends Dialog<LineColumn> {
    private final TextField input = new TextField();
    private final Label message = new Label();

    private GoToLineDialog(CodeArea editor) {
        int lines = editor.getParagraphs().size();
        setTitle("Go to line");
        setHeaderText("Line or line:column (1 to " + lines + ")");
        input.setId("go-to-line-field");
        input.setPromptText("line[:column]");
        int caretLine = editor.getCurrentParagraph() + 1;
        input.setText(caretLine + ":" + (editor.getCaretColumn() + 1));
        message.setId("go-to-line-message");
        message.getStyleClass().add("go-to-line-message");
        message.setWrapText(true);
        getDialogPane().setContent(new VBox(6, input, message));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setId("go-to-line");
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        input.textProperty().addListener((obs, old, now) -> ok.setDisable(validate(now, lines) == null));
        setResultConverter(button -> button == ButtonType.OK ? validate(input.getText(), lines) : null);
        Platform.runLater(() -> {
            input.requestFocus();
            input.selectAll();
        });
    }

    private LineColumn validate(String text, int lines) {
        LineColumn.Parsed parsed = LineColumn.parse(text);
        if (parsed.value() == null) {
            message.setText(parsed.error());
            return null;
        }
        if (parsed.value().line() > lines) {
            message.setText("Line " + parsed.value().line() + " is past the end: the file has " + lines
                    + (lines == 1 ? " line" : " lines"));
            return null;
        }
        message.setText("");
        return parsed.value();
    }

    /** Asks where to go (owned by the editor's window) and goes there unless the user cancels. */
    public static void show(CodeArea editor) {
        GoToLineDialog dialog = new GoToLineDialog(editor);
        if (editor.getScene() != null) {
            dialog.initOwner(editor.getScene().getWindow());
        }
        dialog.showAndWait().ifPresent(place -> goTo(editor, place));
        editor.requestFocus();
    }

    /** Moves the caret to {@code place} (its column clamped to the line) and scrolls it into view. */
    static void goTo(CodeArea editor, LineColumn place) {
        int paragraph = Math.min(place.line(), editor.getParagraphs().size()) - 1;
        int column = Math.min(place.column() - 1, editor.getParagraphLength(paragraph));
        editor.moveTo(paragraph, column);
        editor.showParagraphAtCenter(paragraph);
        editor.requestFollowCaret();
    }

    /** Ctrl+L opens the dialog wherever the focus is. */
    public static void installShortcut(Node root, CodeArea editor) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isAltDown() && e.getCode() == KeyCode.L) {
                e.consume();
                // After the key event is done: a nested event loop inside an event filter would see Ctrl still held.
                Platform.runLater(() -> show(editor));
            }
        });
    }
}
