package dev.stagecraft.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be opened in the editor, with the reason in words a user can act on. */
public final class UnreadableFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public UnreadableFileException(Path file, String reason) {
        super("Cannot open " + file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
