package dev.stagecraft.ui;

import dev.stagecraft.edit.Completion;
import dev.stagecraft.edit.Completions;
import dev.stagecraft.edit.TextEdit;
import dev.stagecraft.stage.Analysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;

/**
 * The completion list under the caret: opened by Ctrl+Space, and by itself when {@code --from=}
 * or a mount's {@code from=} has just been typed. Up and Down move, Enter (or a click) writes the
 * chosen item over the prefix, Escape closes; typing on narrows the list. The editor keeps focus.
 */
final class CompletionPopup {
    private final CodeArea editor;
    private final Supplier<Analysis> analysis;
    private static final double CELL_HEIGHT = 24;
    private static final int VISIBLE_ROWS = 8;
    private final Popup popup = new Popup();
    private final ListView<String> list = new ListView<>();
    private List<String> candidates = List.of();
    private int start;

    /** {@code analysis} gives the analysis of the editor's current text. */
    CompletionPopup(CodeArea editor, Supplier<Analysis> analysis) {
        this.editor = editor;
        this.analysis = analysis;
        list.setId("completions");
        list.getStyleClass().add("completion-list");
        list.setFixedCellSize(CELL_HEIGHT);
        list.setPrefWidth(220);
        list.setFocusTraversable(false);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                choose();
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        editor.caretPositionProperty().addListener((obs, old, now) -> {
            if (popup.isShowing()) {
                narrow();
            }
        });
        editor.plainTextChanges().subscribe(change -> {
            if (change.getInserted().endsWith("=") && !popup.isShowing()) {
                // The caret moves after the text changes: look once both are done.
                Platform.runLater(this::showAfterFromFlag);
            }
        });
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    List<String> items() {
        return List.copyOf(list.getItems());
    }

    /** Opens the list for the caret; nothing opens when there is nothing to offer. */
    void show() {
        Completion c = Completions.at(analysis.get(), editor.getCaretPosition());
        if (c.isEmpty()) {
            popup.hide();
            return;
        }
        candidates = c.candidates();
        start = c.start();
        setItems(candidates);
        Bounds caret = editor.getCaretBounds().orElse(null);
        if (caret != null) {
            popup.show(editor, caret.getMinX(), caret.getMaxY());
        } else {
            Bounds area = editor.localToScreen(editor.getBoundsInLocal());
            popup.show(editor, area.getMinX(), area.getMinY());
        }
    }

    private void showAfterFromFlag() {
        int caret = editor.getCaretPosition();
        String before = editor.getText(Math.max(0, caret - 13), caret).toLowerCase(Locale.ROOT);
        if (before.endsWith("--from=") || before.endsWith(",from=") || before.endsWith("--mount=from=")) {
            show();
        }
    }

    private void keyPressed(KeyEvent e) {
        if (!popup.isShowing()) {
            return;
        }
        KeyCode code = e.getCode();
        int selected = list.getSelectionModel().getSelectedIndex();
        if (code == KeyCode.DOWN) {
            list.getSelectionModel().select(Math.min(selected + 1, list.getItems().size() - 1));
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
            e.consume();
        } else if (code == KeyCode.UP) {
            list.getSelectionModel().select(Math.max(selected - 1, 0));
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
            e.consume();
        } else if (code == KeyCode.ENTER || code == KeyCode.TAB) {
            choose();
            e.consume();
        } else if (code == KeyCode.ESCAPE) {
            popup.hide();
            e.consume();
        }
    }

    /** Keeps the items that still match what was typed since the list opened; closes when none do. */
    private void narrow() {
        int caret = editor.getCaretPosition();
        if (caret < start) {
            popup.hide();
            return;
        }
        String prefix = editor.getText(start, caret);
        List<String> left = new ArrayList<>();
        for (String c : candidates) {
            if (c.regionMatches(true, 0, prefix, 0, prefix.length())) {
                left.add(c);
            }
        }
        if (left.isEmpty() || prefix.chars().anyMatch(Character::isWhitespace)) {
            popup.hide();
            return;
        }
        setItems(left);
    }

    /** As many rows as items (up to a screenful), so two stage names are not lost in a tall empty box. */
    private void setItems(List<String> items) {
        list.getItems().setAll(items);
        list.getSelectionModel().select(0);
        list.setPrefHeight(Math.min(items.size(), VISIBLE_ROWS) * CELL_HEIGHT + 4);
    }

    private void choose() {
        String item = list.getSelectionModel().getSelectedItem();
        popup.hide();
        int caret = editor.getCaretPosition();
        if (item == null || caret < start) {
            return;
        }
        String text = editor.getText();
        if (EditorEdits.apply(editor, text, List.of(new TextEdit(start, caret, item)))) {
            editor.moveTo(start + item.length());
        }
    }
}
