package dev.stagecraft.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One build as sent to the engine: the builder, the context as a tar (which holds the Dockerfile at
 * {@code dockerfileName}), the target stage (null for the last), build arguments, whether to ignore
 * the cache, the labels every image it makes carries, and the tag to give the result (null for none).
 */
public record BuildRequest(BuilderKind builder, Path contextTar, String dockerfileName, String target,
                           Map<String, String> buildArgs, boolean noCache, Map<String, String> labels, String tag) {
    public BuildRequest {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(contextTar, "contextTar");
        Objects.requireNonNull(dockerfileName, "dockerfileName");
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
    }
}
