package dev.stagecraft.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * A file dropped anywhere on the window opens it. Event filters, so the editor (which has drag
 * handling of its own for moving text) never sees a file drop.
 */
final class FileDrop {
    private FileDrop() {
    }

    static void install(Node target, Consumer<Path> open) {
        target.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (droppedFile(e.getDragboard()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            Path file = droppedFile(e.getDragboard());
            if (file != null) {
                e.setDropCompleted(true);
                e.consume();
                open.accept(file);
            }
        });
    }

    /** The first dropped file: one window shows one Dockerfile. */
    private static Path droppedFile(Dragboard board) {
        if (!board.hasFiles()) {
            return null;
        }
        for (File file : board.getFiles()) {
            return file.toPath();
        }
        return null;
    }
}
