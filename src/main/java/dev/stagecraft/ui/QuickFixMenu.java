package dev.stagecraft.ui;

import dev.stagecraft.edit.QuickFix;
import dev.stagecraft.edit.QuickFixes;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import org.fxmisc.richtext.CodeArea;

/**
 * Quick fixes in a menu: for the problems under the caret (Ctrl+. in the editor) and for the problem
 * selected in the Problems list (its context menu, or Ctrl+. there). A fix is one undoable edit.
 */
final class QuickFixMenu {
    private final CodeArea editor;
    private final Supplier<Analysis> analysis;
    private final Consumer<String> status;
    private final ContextMenu atCaret = new ContextMenu();
    private final ContextMenu forProblem = new ContextMenu();
    private ListView<Diagnostic> problems;
    private Supplier<Diagnostic> selectedProblem = () -> null;
    private Supplier<Analysis> shown;

    /** {@code analysis} gives the analysis of the editor's current text. */
    QuickFixMenu(CodeArea editor, Supplier<Analysis> analysis, Consumer<String> status) {
        this.editor = editor;
        this.analysis = analysis;
        this.status = status;
        atCaret.setId("quick-fix-menu");
    }

    /** The fixes for the problems whose range holds the caret (its end included). */
    List<QuickFix> fixesAt(Analysis a, int caret) {
        List<QuickFix> fixes = new ArrayList<>();
        for (Diagnostic d : a.diagnostics()) {
            if (d.range() != null && caret >= d.range().start() && caret <= d.range().end()) {
                fixes.addAll(QuickFixes.of(a, d));
            }
        }
        return fixes;
    }

    /** Ctrl+.: the fixes for the selected problem when the Problems list has the focus, else for the caret's. */
    void show() {
        if (problems != null && problems.isFocused()) {
            showForSelectedProblem();
        } else {
            showAtCaret();
        }
    }

    private void showForSelectedProblem() {
        fillProblemMenu();
        int selected = problems.getSelectionModel().getSelectedIndex();
        for (Node n : problems.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> cell && cell.getIndex() == selected && selected >= 0) {
                Bounds b = cell.localToScreen(cell.getBoundsInLocal());
                forProblem.show(cell, b.getMinX() + 24, b.getMaxY());
                return;
            }
        }
        forProblem.show(problems, Side.TOP, 0, 0);
    }

    /** Shows the fixes for the problems at the caret below it. */
    void showAtCaret() {
        Analysis a = analysis.get();
        List<QuickFix> fixes = fixesAt(a, editor.getCaretPosition());
        atCaret.getItems().setAll(items(a, fixes));
        Bounds caret = editor.getCaretBounds().orElse(null);
        if (caret != null) {
            atCaret.show(editor, caret.getMinX(), caret.getMaxY());
        } else {
            atCaret.show(editor, Side.TOP, 0, 0);
        }
    }

    /**
     * Gives the Problems list a context menu (and Ctrl+.) with the fixes for its selected problem.
     *
     * @param selected the selected problem, as the analysis on screen has it
     */
    void install(ListView<Diagnostic> problems, Supplier<Diagnostic> selected, Supplier<Analysis> shown) {
        this.problems = problems;
        this.selectedProblem = selected;
        this.shown = shown;
        forProblem.setId("problem-fix-menu");
        // A context menu without items does not open: fill it before the list asks it to.
        problems.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> fillProblemMenu());
        problems.setContextMenu(forProblem);
    }

    private void fillProblemMenu() {
        Diagnostic d = selectedProblem.get();
        Analysis a = shown.get();
        if (d == null || a == null) {
            forProblem.getItems().setAll(disabled("Select a problem to see its fixes"));
        } else if (!a.parse().text().equals(editor.getText())) {
            forProblem.getItems().setAll(disabled("The text changed: fixes return after the re-analysis"));
        } else {
            forProblem.getItems().setAll(items(a, QuickFixes.of(a, d)));
        }
    }

    private List<MenuItem> items(Analysis a, List<QuickFix> fixes) {
        List<MenuItem> items = new ArrayList<>();
        for (QuickFix fix : fixes) {
            MenuItem item = new MenuItem(fix.title());
            item.getStyleClass().add("quick-fix");
            item.setOnAction(e -> apply(a, fix));
            items.add(item);
        }
        if (items.isEmpty()) {
            items.add(disabled("No quick fixes here"));
        }
        return items;
    }

    private static MenuItem disabled(String text) {
        MenuItem item = new MenuItem(text);
        item.setDisable(true);
        return item;
    }

    private void apply(Analysis a, QuickFix fix) {
        if (EditorEdits.apply(editor, a.parse().text(), fix.edits())) {
            status.accept("Fixed: " + fix.title());
        } else {
            status.accept("The text changed since the problem was found: try the fix again");
        }
    }
}
