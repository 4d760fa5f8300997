package dev.stagecraft.userdata;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Unsaved text kept by {@link RecoveryStore}: the document's file ({@code null} for a document
 * that never had one), the text, and when it was written.
 */
public record RecoveryCopy(Path original, String text, Instant written) {
    public RecoveryCopy {
        if (text == null || written == null) {
            throw new IllegalArgumentException("a recovery copy has text and a time");
        }
    }

    /** The name a user knows the document by. */
    public String displayName() {
        return original == null ? "an untitled Dockerfile" : original.toString();
    }
}
