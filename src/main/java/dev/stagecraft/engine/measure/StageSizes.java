package dev.stagecraft.engine.measure;

import dev.stagecraft.engine.ImageFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How big a stage's image is, and what its own instructions add: {@code sizeBytes} and
 * {@code baseSizeBytes} are exactly the Size {@code docker image inspect} reports for the stage's image
 * and for its base (0 for scratch); {@code layers} has one entry per line whose instruction can make a
 * layer (RUN, COPY, ADD, WORKDIR, and a FROM that runs such ONBUILD triggers), in line order, zero-byte
 * ones included. {@code unattributedBytes} is what the stage adds beyond its attributed layers: 0 when
 * the attribution is complete (the engine's size is the sum of its layers' sizes), the stage's whole
 * own size when the attribution failed.
 */
public record StageSizes(int stageIndex, String imageId, long sizeBytes, long baseSizeBytes, List<LayerSize> layers,
        long unattributedBytes) {

    public StageSizes {
        Objects.requireNonNull(imageId, "imageId");
        layers = List.copyOf(layers);
        if (sizeBytes < 0 || baseSizeBytes < 0) {
            throw new IllegalArgumentException("negative size: " + sizeBytes + ", base " + baseSizeBytes);
        }
    }

    /**
     * The sizes of the stage attributed by {@code attribution}: {@code image} is the stage's image,
     * {@code base} the image it is built FROM, or null for scratch.
     */
    public static StageSizes of(LayerAttribution attribution, ImageFacts image, ImageFacts base) {
        long baseSize = base == null ? 0 : base.sizeBytes();
        Map<Integer, Long> byLine = new TreeMap<>();
        long attributed = 0;
        for (AttributedEntry e : attribution.entries()) {
            if (e.layerKind()) {
                byLine.merge(e.line(), e.sizeBytes(), Long::sum);
                attributed += e.sizeBytes();
            }
        }
        List<LayerSize> layers = new ArrayList<>(byLine.size());
        byLine.forEach((line, bytes) -> layers.add(new LayerSize(line, bytes)));
        return new StageSizes(attribution.stageIndex(), image.id(), image.sizeBytes(), baseSize, layers,
                image.sizeBytes() - baseSize - attributed);
    }

    /** What the stage's own instructions add: its size less its base's. */
    public long ownBytes() {
        return sizeBytes - baseSizeBytes;
    }
}
