package dev.stagecraft.engine.measure;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LayerListingCache} in memory, bounded by what the listings cost: one per layer entry, plus one
 * per listing so empty layers count too (a listing's cost is its entries, not its layer's bytes). The
 * least recently used layers go first; a listing larger than the bound is not kept.
 */
final class MemoryLayerListingCache implements LayerListingCache {
    private final int maxEntries;
    private final LinkedHashMap<String, List<LayerEntry>> listings = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    MemoryLayerListingCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public synchronized Optional<List<LayerEntry>> get(String diffId) {
        return Optional.ofNullable(listings.get(Objects.requireNonNull(diffId, "diffId")));
    }

    @Override
    public synchronized void put(String diffId, List<LayerEntry> entries) {
        Objects.requireNonNull(diffId, "diffId");
        List<LayerEntry> copy = List.copyOf(entries);
        List<LayerEntry> old = listings.remove(diffId);
        if (old != null) {
            held -= cost(old);
        }
        if (cost(copy) > maxEntries) {
            return;
        }
        listings.put(diffId, copy);
        held += cost(copy);
        Iterator<Map.Entry<String, List<LayerEntry>>> eldest = listings.entrySet().iterator();
        while (held > maxEntries && eldest.hasNext()) {
            Map.Entry<String, List<LayerEntry>> e = eldest.next();
            held -= cost(e.getValue());
            eldest.remove();
        }
    }

    /** An empty layer's listing still costs its place. */
    private static int cost(List<LayerEntry> listing) {
        return listing.size() + 1;
    }
}
