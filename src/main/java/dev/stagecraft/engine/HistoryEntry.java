package dev.stagecraft.engine;

import java.util.Objects;

/**
 * One entry of an image's history: the instruction that made it as the engine recorded it
 * ({@code RUN /bin/sh -c make # buildkit}, {@code /bin/sh -c #(nop) COPY file:... in /app}), the bytes
 * its layer adds (0 for metadata-only entries), and the engine's comment ({@code buildkit.dockerfile.v0}).
 */
public record HistoryEntry(String createdBy, long sizeBytes, String comment) {
    public HistoryEntry {
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
    }
}
