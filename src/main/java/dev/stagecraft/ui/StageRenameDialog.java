package dev.stagecraft.ui;

import dev.stagecraft.edit.StageRename;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputDialog;
import org.fxmisc.richtext.CodeArea;

/**
 * Edit &gt; Rename stage (F2): asks for the new name of the stage at the caret, then renames it and
 * every reference in one undoable edit; a name that cannot be used is refused with the reason.
 */
final class StageRenameDialog {
    private final CodeArea editor;
    private final Supplier<Analysis> analysis;
    private final Consumer<String> status;

    /** {@code analysis} gives the analysis of the editor's current text. */
    StageRenameDialog(CodeArea editor, Supplier<Analysis> analysis, Consumer<String> status) {
        this.editor = editor;
        this.analysis = analysis;
        this.status = status;
    }

    /** Asks for a name for the stage at the caret and renames it. */
    void renameAtCaret() {
        Analysis a = analysis.get();
        int caret = editor.getCaretPosition();
        Stage stage = StageRename.stageAt(a, caret);
        if (stage == null) {
            refuse(StageRename.rename(a, caret, "").refusal());
            return;
        }
        TextInputDialog dialog = new TextInputDialog(stage.name());
        dialog.setTitle("Rename stage");
        dialog.setHeaderText("Rename stage '" + stage.name() + "' (#" + stage.index() + ") and every reference to it");
        dialog.setContentText("New name:");
        dialog.getEditor().setId("rename-stage-name");
        if (editor.getScene() != null) {
            dialog.initOwner(editor.getScene().getWindow());
        }
        Optional<String> name = dialog.showAndWait();
        name.ifPresent(n -> rename(a, caret, n));
    }

    /** Renames the stage named at {@code offset}; returns the refusal, or null when it was renamed. */
    String rename(Analysis a, int offset, String newName) {
        StageRename.Outcome outcome = StageRename.rename(a, offset, newName);
        if (outcome.refused()) {
            refuse(outcome.refusal());
            return outcome.refusal();
        }
        if (!EditorEdits.apply(editor, a.parse().text(), outcome.edits())) {
            String changed = "The text changed while the dialog was open: rename again";
            refuse(changed);
            return changed;
        }
        status.accept("Renamed the stage to '" + newName.strip() + "' (" + outcome.edits().size() + " places)");
        return null;
    }

    private void refuse(String reason) {
        status.accept("Cannot rename: " + reason);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, reason);
        alert.setHeaderText("Cannot rename the stage");
        if (editor.getScene() != null) {
            alert.initOwner(editor.getScene().getWindow());
        }
        alert.show();
    }
}
