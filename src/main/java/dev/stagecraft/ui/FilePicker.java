package dev.stagecraft.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Picks a file to open or to save to; tests pass their own instead of the system's chooser. */
public interface FilePicker {
    /** The file to open, or null when the user cancels; {@code near} is the open file, if any. */
    Path pickToOpen(Window owner, Path near);

    /** The file to save to, or null when the user cancels. */
    Path pickToSave(Window owner, Path suggested);

    /** The platform's file chooser. */
    static FilePicker system() {
        return new FilePicker() {
            @Override
            public Path pickToOpen(Window owner, Path near) {
                File file = chooser("Open Dockerfile", near).showOpenDialog(owner);
                return file == null ? null : file.toPath();
            }

            @Override
            public Path pickToSave(Window owner, Path suggested) {
                FileChooser chooser = chooser("Save Dockerfile as", suggested);
                chooser.setInitialFileName(suggested == null ? "Dockerfile" : suggested.getFileName().toString());
                File file = chooser.showSaveDialog(owner);
                return file == null ? null : file.toPath();
            }

            private FileChooser chooser(String title, Path near) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                Path folder = near == null ? null : near.toAbsolutePath().getParent();
                if (folder != null && Files.isDirectory(folder)) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                return chooser;
            }
        };
    }
}
