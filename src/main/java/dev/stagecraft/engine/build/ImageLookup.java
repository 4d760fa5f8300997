package dev.stagecraft.engine.build;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.engine.ImageFacts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The facts and history of images, asked once per image id: an image id names content that never
 * changes, so what the engine said about it stays true. A tag ({@code alpine:3.20}) can move to
 * another image, so a tag is always asked again. Shared by successive builds; thread-safe.
 */
final class ImageLookup {
    private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");
    private static final int KEPT = 512;

    private final Map<String, ImageFacts> factsById = lru();
    private final Map<String, List<HistoryEntry>> historyById = lru();

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEPT;
            }
        });
    }

    /** The facts of {@code reference} (an id or a tag). */
    ImageFacts facts(BuildEngine engine, String reference) {
        boolean id = IMAGE_ID.matcher(reference).matches();
        if (id) {
            ImageFacts known = factsById.get(reference);
            if (known != null) {
                return known;
            }
        }
        ImageFacts facts = engine.inspectImage(reference).orElseThrow(() -> new EngineException(
                EngineException.Kind.CONNECTION_LOST, "The engine no longer has image " + reference
                + ", which this build used."));
        factsById.put(facts.id(), facts);
        if (id) {
            factsById.put(reference, facts);
        }
        return facts;
    }

    /** The history of the image, oldest entry first. */
    List<HistoryEntry> history(BuildEngine engine, ImageFacts image) {
        List<HistoryEntry> known = historyById.get(image.id());
        if (known != null) {
            return known;
        }
        List<HistoryEntry> history = List.copyOf(engine.history(image.id()));
        historyById.put(image.id(), history);
        return history;
    }
}
