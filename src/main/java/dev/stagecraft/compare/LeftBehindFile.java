package dev.stagecraft.compare;

import java.util.Objects;

/** A file of A's final image that B's final image does not hold: what B no longer ships. */
public record LeftBehindFile(String path, long sizeBytes) {
    public LeftBehindFile {
        Objects.requireNonNull(path, "path");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size " + sizeBytes + " for " + path);
        }
    }
}
