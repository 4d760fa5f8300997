package dev.stagecraft.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Picks a folder (the build context); tests pass their own instead of the system's chooser. */
@FunctionalInterface
public interface FolderPicker {
    /** The folder chosen, or null when the user cancels; {@code near} is where to start, if anywhere. */
    Path pickFolder(Window owner, Path near);

    /** The platform's folder chooser. */
    static FolderPicker system() {
        return (owner, near) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose the build context folder");
            if (near != null && Files.isDirectory(near)) {
                chooser.setInitialDirectory(near.toFile());
            }
            File folder = chooser.showDialog(owner);
            return folder == null ? null : folder.toPath();
        };
    }
}
