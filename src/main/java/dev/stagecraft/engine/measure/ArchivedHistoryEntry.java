package dev.stagecraft.engine.measure;

import java.util.Objects;

/**
 * One entry of the {@code history} of an image config, oldest first: what made it, the engine's
 * comment, and whether it made no layer ({@code empty_layer}). Unlike the engine API's history this
 * says which entries own a layer; a layer of 0 bytes (a {@code RUN} that only deletes) still counts.
 */
public record ArchivedHistoryEntry(String createdBy, String comment, boolean emptyLayer) {
    public ArchivedHistoryEntry {
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
    }
}
