package dev.stagecraft.engine.measure;

import java.util.Objects;

/**
 * One entry of a layer's tar, as the layer records it. {@code path} is absolute and has no trailing
 * slash ({@code /app/sub}); for a whiteout it is the path the layer deletes, for an opaque whiteout the
 * directory whose earlier content it hides. {@code sizeBytes} is the tar's size: a regular file's
 * length, 0 for everything else (a hard link's bytes are its target's). {@code mode} holds the
 * permission bits with setuid, setgid and sticky ({@code 04755}), never the file type.
 * {@code linkTarget} is a symbolic link's target as written, or a hard link's target as an absolute
 * path; empty for other entries.
 */
public record LayerEntry(String path, Kind kind, long sizeBytes, int mode, String linkTarget) {

    /** What a layer entry is. */
    public enum Kind {
        FILE,
        DIRECTORY,
        SYMLINK,
        HARDLINK,
        /** {@code .wh.name}: the layer deletes {@code name} from the layers below. */
        WHITEOUT,
        /** {@code .wh..wh..opq}: the directory's content from the layers below is hidden. */
        OPAQUE_WHITEOUT,
        /** A device or a FIFO. */
        OTHER
    }

    public LayerEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(linkTarget, "linkTarget");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a layer entry's path is absolute: " + path);
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size " + sizeBytes + " for " + path);
        }
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " has more than permission bits");
        }
    }
}
