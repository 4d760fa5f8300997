package dev.stagecraft.engine.measure;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image archive that cannot be read: not a tar, not written by {@code docker save}, cut short, or
 * with a config that contradicts its layers. The message says which file and what is wrong with it;
 * the I/O cause, if any, is kept for logs.
 */
public final class ImageArchiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path archive;

    public ImageArchiveException(Path archive, String message) {
        this(archive, message, null);
    }

    public ImageArchiveException(Path archive, String message, Throwable cause) {
        super(Objects.requireNonNull(archive, "archive") + ": " + Objects.requireNonNull(message, "message"), cause);
        this.archive = archive;
    }

    /** The archive file that was being read. */
    public Path archive() {
        return archive;
    }
}
