package dev.stagecraft.engine.measure;

import java.util.Objects;

/**
 * A file a COPY put into the image: its absolute path, its bytes (a regular file's length; 0 for a
 * symbolic or hard link, whose bytes are its target's), its permission bits ({@code 0644},
 * setuid, setgid and sticky included), what it is, and a link's target (empty otherwise).
 */
public record LandedFile(String path, long sizeBytes, int mode, LayerEntry.Kind kind, String linkTarget) {
    public LandedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(linkTarget, "linkTarget");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size " + sizeBytes + " for " + path);
        }
    }
}
