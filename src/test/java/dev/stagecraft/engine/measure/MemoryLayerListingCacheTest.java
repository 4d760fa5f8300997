package dev.stagecraft.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryLayerListingCacheTest {
    private static final LayerEntry FILE = new LayerEntry("/f", LayerEntry.Kind.FILE, 1, 0644, "");

    @Test
    void keepsListingsByDiffId() {
        LayerListingCache cache = LayerListingCache.inMemory(100);
        cache.put("sha256:a", List.of(FILE));

        assertEquals(Optional.of(List.of(FILE)), cache.get("sha256:a"));
        assertEquals(Optional.empty(), cache.get("sha256:b"));
    }

    @Test
    void overItsBound_dropsTheLeastRecentlyUsedLayer() {
        LayerListingCache cache = LayerListingCache.inMemory(6);
        cache.put("sha256:a", List.of(FILE, FILE));
        cache.put("sha256:b", List.of(FILE));
        cache.get("sha256:a");
        cache.put("sha256:c", List.of(FILE));

        assertEquals(Optional.empty(), cache.get("sha256:b"));
        assertEquals(2, cache.get("sha256:a").orElseThrow().size());
        assertEquals(1, cache.get("sha256:c").orElseThrow().size());
    }

    @Test
    void listingLargerThanTheBound_isNotKept_andDropsItsOldVersion() {
        LayerListingCache cache = LayerListingCache.inMemory(3);
        cache.put("sha256:a", List.of(FILE));
        cache.put("sha256:a", List.of(FILE, FILE, FILE));

        assertEquals(Optional.empty(), cache.get("sha256:a"));
    }

    @Test
    void boundBelowOne_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> LayerListingCache.inMemory(0));
    }
}
