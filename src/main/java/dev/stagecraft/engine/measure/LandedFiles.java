package dev.stagecraft.engine.measure;

import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.engine.ImageFacts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the files a COPY landed: the layer its line made, listed from the saved image, or from the
 * cache of listings when the image's facts tell which layer that is. Listings read from an archive
 * are put into the cache, so the next build that keeps the layer (same diff id) need not save the
 * image again. The same listings give a whole image's files ({@link #image}, {@link #cachedImage}).
 * Thread-safe when the cache is; an {@link ImageArchive} is read by one thread at a time.
 */
public final class LandedFiles {
    /** How many whole images' file lists are kept: a rebuild that changed nothing asks for the same one. */
    private static final int IMAGES_KEPT = 8;

    private final LayerListingCache cache;
    private final Map<List<String>, List<LandedFile>> imageFiles = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<List<String>, List<LandedFile>> eldest) {
                    return size() > IMAGES_KEPT;
                }
            });

    public LandedFiles(LayerListingCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * The files the instruction on {@code line} landed, read from {@code archive}, the saved image of
     * the stage {@code attribution} is about. The line must have made exactly one history entry.
     */
    public EdgeFiles read(ImageArchive archive, LayerAttribution attribution, int line) {
        AttributedEntry entry = single(attribution, line);
        List<ArchivedHistoryEntry> history = archive.history();
        if (history.size() != attribution.historySize()
                || HistoryModel.kindOf(new HistoryEntry(history.get(entry.historyIndex()).createdBy(), entry.sizeBytes(), ""),
                        attribution.builder()) != entry.kind()) {
            throw new IllegalArgumentException(archive.file() + " holds another image than the one attributed: its history has "
                    + history.size() + " entries, the attributed one " + attribution.historySize());
        }
        if (!archive.hasLayer(entry.historyIndex())) {
            return EdgeFiles.none(line);
        }
        ArchivedLayer layer = archive.layerOf(entry.historyIndex());
        Optional<List<LayerEntry>> kept = cache.get(layer.diffId());
        if (kept.isPresent()) {
            return EdgeFiles.of(line, kept.get());
        }
        List<LayerEntry> listing = archive.listLayer(layer);
        cache.put(layer.diffId(), listing);
        return EdgeFiles.of(line, listing);
    }

    /**
     * The files of the image whose layers have the diff ids {@code diffIds} (bottom first, RootFS.Layers
     * of {@code docker image inspect}), from the cache alone; empty unless every layer is cached.
     */
    public Optional<List<LandedFile>> cachedImage(List<String> diffIds) {
        List<LandedFile> known = imageFiles.get(diffIds);
        if (known != null) {
            return Optional.of(known);
        }
        List<List<LayerEntry>> listings = new ArrayList<>(diffIds.size());
        for (String diffId : diffIds) {
            Optional<List<LayerEntry>> kept = cache.get(diffId);
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            listings.add(kept.get());
        }
        List<LandedFile> files = List.copyOf(FinalFiles.of(listings));
        imageFiles.put(List.copyOf(diffIds), files);
        return Optional.of(files);
    }

    /**
     * The files of the image saved in {@code archive}, as a container sees them: each layer's listing
     * comes from the cache when kept, else from the archive, and is then kept.
     */
    public List<LandedFile> image(ImageArchive archive) {
        List<List<LayerEntry>> listings = new ArrayList<>();
        for (ArchivedLayer layer : archive.layers()) {
            Optional<List<LayerEntry>> kept = cache.get(layer.diffId());
            if (kept.isPresent()) {
                listings.add(kept.get());
            } else {
                List<LayerEntry> listing = archive.listLayer(layer);
                cache.put(layer.diffId(), listing);
                listings.add(listing);
            }
        }
        return FinalFiles.of(listings);
    }

    /**
     * The files the instruction on {@code line} landed, from the cache alone, or empty when the layer
     * is not cached or its diff id cannot be told without the archive. {@code image} and {@code base}
     * (null for scratch) are the facts of the stage's image and of its base; their
     * {@link ImageFacts#layerDigests()} must be the diff ids (RootFS.Layers of {@code docker image
     * inspect}). The layer's position among them is certain when every entry before it surely has a
     * layer or surely has none; for the classic builder, a RUN or WORKDIR of 0 bytes may have either,
     * and the count of layers must settle it.
     */
    public Optional<EdgeFiles> cached(LayerAttribution attribution, int line, ImageFacts image, ImageFacts base) {
        AttributedEntry entry = single(attribution, line);
        return diffId(attribution, entry, image, base).flatMap(cache::get).map(listing -> EdgeFiles.of(line, listing));
    }

    /** The diff id of the layer {@code target} made, when the facts settle it. */
    static Optional<String> diffId(LayerAttribution attribution, AttributedEntry target, ImageFacts image, ImageFacts base) {
        int baseLayers = base == null ? 0 : base.layerDigests().size();
        int ownLayers = image.layerDigests().size() - baseLayers;
        int sure = 0;
        int unsure = 0;
        for (AttributedEntry e : attribution.entries()) {
            if (sure(attribution, e)) {
                sure++;
            } else if (e.layerKind()) {
                unsure++;
            }
        }
        boolean unsureHaveLayers;
        if (sure == ownLayers) {
            unsureHaveLayers = false;
        } else if (sure + unsure == ownLayers) {
            unsureHaveLayers = true;
        } else {
            return Optional.empty();
        }
        int index = baseLayers;
        for (AttributedEntry e : attribution.entries()) {
            boolean layered = sure(attribution, e) || e.layerKind() && unsureHaveLayers;
            if (e.equals(target)) {
                return layered ? Optional.of(image.layerDigests().get(index)) : Optional.empty();
            }
            if (layered) {
                index++;
            }
        }
        return Optional.empty();
    }

    private static boolean sure(LayerAttribution attribution, AttributedEntry e) {
        return e.sizeBytes() > 0 || HistoryModel.alwaysLayer(e.kind(), attribution.builder());
    }

    private static AttributedEntry single(LayerAttribution attribution, int line) {
        List<AttributedEntry> at = attribution.entriesAt(line);
        if (at.size() != 1) {
            throw new IllegalArgumentException("line " + line + " made " + at.size() + " history entries of stage "
                    + attribution.stageIndex() + ", not one" + (attribution.complete() ? "" : ": " + attribution.problem()));
        }
        return at.get(0);
    }
}
