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

    /** The Dockerfile to save to, or null when the user cancels. */
    Path pickToSave(Window owner, Path suggested);

    /**
     * The file to save {@code kind} to, or null when the user cancels. A picker that does not tell kinds
     * apart (a test's) answers as it does for a Dockerfile; the system's titles its dialog and filters its
     * files by the kind.
     */
    default Path pickToSave(Window owner, Path suggested, SaveKind kind) {
        return pickToSave(owner, suggested);
    }

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
                return pickToSave(owner, suggested, SaveKind.DOCKERFILE);
            }

            @Override
            public Path pickToSave(Window owner, Path suggested, SaveKind kind) {
                File file = saveChooser(kind, suggested).showSaveDialog(owner);
                return file == null ? null : file.toPath();
            }
        };
    }

    /** The save dialog for {@code kind}: its title, the file's name, and a filter for the kind's extension. */
    static FileChooser saveChooser(SaveKind kind, Path suggested) {
        FileChooser chooser = chooser(kind.title(), suggested);
        String fallback = kind.extension() == null ? "Dockerfile" : "untitled." + kind.extension();
        chooser.setInitialFileName(suggested == null ? fallback : suggested.getFileName().toString());
        if (kind.extension() != null) {
            FileChooser.ExtensionFilter filter = new FileChooser.ExtensionFilter(
                    kind.description() + " (" + kind.pattern() + ")", kind.pattern());
            chooser.getExtensionFilters().add(filter);
            chooser.setSelectedExtensionFilter(filter);
        }
        return chooser;
    }

    private static FileChooser chooser(String title, Path near) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        Path folder = near == null ? null : near.toAbsolutePath().getParent();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }
}
