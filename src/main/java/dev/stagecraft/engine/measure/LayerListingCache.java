package dev.stagecraft.engine.measure;

import java.util.List;
import java.util.Optional;

/**
 * Layer listings kept between builds, keyed by the layer's diff id ({@code sha256:...} of its
 * uncompressed tar): a diff id names the content, so a listing never goes stale. A warm rebuild whose
 * COPY layers did not change finds them here and needs no {@code docker save}. Implementations are
 * thread-safe; {@link #inMemory(int)} keeps them in memory, a file-backed one can come later.
 */
public interface LayerListingCache {

    /** The listing of the layer with {@code diffId}, if kept. */
    Optional<List<LayerEntry>> get(String diffId);

    /** Keeps {@code entries} as the listing of the layer with {@code diffId}. */
    void put(String diffId, List<LayerEntry> entries);

    /** A cache in memory that holds at most {@code maxEntries} layer entries in all, dropping the least recently used layers. */
    static LayerListingCache inMemory(int maxEntries) {
        return new MemoryLayerListingCache(maxEntries);
    }
}
