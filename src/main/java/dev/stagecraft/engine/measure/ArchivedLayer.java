package dev.stagecraft.engine.measure;

import java.util.Objects;

/**
 * One layer of an image archive: its position in the image's rootfs (0 is the bottom layer), its diff
 * id ({@code sha256:...} of the uncompressed tar, the key {@code docker image inspect} lists under
 * RootFS.Layers) and where its tar sits in the archive ({@code <hex>/layer.tar}, {@code blobs/sha256/<hex>}).
 */
public record ArchivedLayer(int index, String diffId, String archivePath) {
    public ArchivedLayer {
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(archivePath, "archivePath");
        if (index < 0) {
            throw new IllegalArgumentException("negative layer index " + index);
        }
    }
}
