package dev.stagecraft.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code docker image inspect} says of an image that a build needs: its id, its size in bytes
 * (as the engine reports it), its labels, and the digests of its layers, base first.
 */
public record ImageFacts(String id, long sizeBytes, Map<String, String> labels, List<String> layerDigests) {
    public ImageFacts {
        Objects.requireNonNull(id, "id");
        labels = Map.copyOf(labels);
        layerDigests = List.copyOf(layerDigests);
    }
}
