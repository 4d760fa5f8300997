package dev.stagecraft.history;

import dev.stagecraft.engine.BuilderKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the history list, read without unpacking the full record: when, whether it succeeded,
 * the final image's size and id (null when the build failed), which text, target and builder, and
 * {@code sizeChangeBytes}: the final size minus that of the previous successful build (null for a
 * failed build and for the first successful one).
 */
public record BuildSummary(long id, Instant startedAt, boolean succeeded, Long finalSizeBytes, String finalImageId,
                           String textSha256, String target, BuilderKind builder, Long sizeChangeBytes) {
    public BuildSummary {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(textSha256, "textSha256");
        Objects.requireNonNull(builder, "builder");
        if (succeeded != (finalSizeBytes != null)) {
            throw new IllegalArgumentException("a final size exactly when the build succeeded");
        }
    }
}
