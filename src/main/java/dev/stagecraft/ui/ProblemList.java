package dev.stagecraft.ui;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.SourceRange;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * The Problems list: a row per diagnostic of the analysis on screen ("line:column  message  [id]"),
 * coloured by severity; clicking a row selects its range in the editor.
 *
 * <p>Most keystrokes leave every row reading the same, while the ranges behind them move (typing
 * shifts the offsets of everything after the caret). The rows are then kept as they are, which
 * spares the list a reset on each keystroke, and {@link #selected()} answers with the diagnostic of
 * the analysis on screen, never with a stale range.
 */
final class ProblemList {
    private final ObservableList<Diagnostic> rows = FXCollections.observableArrayList();
    private final ListView<Diagnostic> view = new ListView<>(rows);
    private Analysis analysis;

    /** @param jump selects a range in the editor */
    ProblemList(Consumer<SourceRange> jump) {
        view.setId("problems");
        view.setPrefHeight(140);
        view.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Diagnostic d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeAll("problem-error", "problem-warning", "problem-info");
                if (empty || d == null) {
                    setText(null);
                    return;
                }
                setText(d.position() + "  " + d.message() + "  [" + d.id() + "]");
                getStyleClass().add("problem-" + d.severity().label());
            }
        });
        view.setOnMouseClicked(e -> {
            Diagnostic d = selected();
            if (d != null && d.range() != null) {
                jump.accept(d.range());
            }
        });
    }

    ListView<Diagnostic> view() {
        return view;
    }

    /** Shows the problems of a new analysis; rows that would read the same are kept. */
    void show(Analysis shown) {
        analysis = shown;
        List<Diagnostic> next = shown.diagnostics();
        if (!readTheSame(rows, next)) {
            rows.setAll(next);
        }
    }

    /** The selected problem as the analysis on screen has it, or null when none is selected. */
    Diagnostic selected() {
        int index = view.getSelectionModel().getSelectedIndex();
        if (index < 0 || index >= rows.size()) {
            return null;
        }
        List<Diagnostic> current = analysis == null ? List.of() : analysis.diagnostics();
        return index < current.size() ? current.get(index) : rows.get(index);
    }

    /** Whether two lists of problems give the same rows: same ids, severities, messages and positions, in order. */
    static boolean readTheSame(List<Diagnostic> a, List<Diagnostic> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Diagnostic x = a.get(i);
            Diagnostic y = b.get(i);
            if (x.severity() != y.severity() || !x.id().equals(y.id()) || !samePosition(x.range(), y.range())
                    || !x.message().equals(y.message())) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePosition(SourceRange x, SourceRange y) {
        if (x == null || y == null) {
            return x == y;
        }
        return x.startLine() == y.startLine() && x.startColumn() == y.startColumn();
    }
}
