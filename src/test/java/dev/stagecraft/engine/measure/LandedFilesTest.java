package dev.stagecraft.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.ImageFacts;
import dev.stagecraft.engine.measure.LayerEntry.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files on the {@code COPY --from} edges of {@code engine/measure/edge} (lines 6 and 8 of its final
 * stage, built FROM scratch), read from the images the engine saved with each builder.
 */
class LandedFilesTest {
    private static final List<LandedFile> APP = List.of(
            new LandedFile("/app/a.txt", 3, 04755, Kind.FILE, ""),
            new LandedFile("/app/hard", 0, 04755, Kind.HARDLINK, "/app/a.txt"),
            new LandedFile("/app/link", 0, 0777, Kind.SYMLINK, "a.txt"),
            new LandedFile("/app/sub/b.bin", 5, 0640, Kind.FILE, ""));

    @TempDir
    Path dir;

    @Test
    void copyFromEdge_listsExactlyTheNonDirectoryEntriesOfItsLayer_withTheirBytes() throws IOException {
        for (String builder : List.of("buildkit", "classic")) {
            Recorded r = Recorded.of("edge", builder);
            LayerAttribution a = attribution(r, builder);
            try (ImageArchive archive = archive(builder)) {
                LandedFiles landed = new LandedFiles(LayerListingCache.inMemory(1000));

                assertEquals(new EdgeFiles(6, APP, 8), landed.read(archive, a, 6), builder);
                assertEquals(new EdgeFiles(8, List.of(new LandedFile("/deep/er/b.bin", 5, 0640, Kind.FILE, "")), 5),
                        landed.read(archive, a, 8), builder);
            }
        }
    }

    @Test
    void edgeBytes_equalBuildKitsLayerSize_classicAlsoCountsTheSymlinkTarget() throws IOException {
        for (String builder : List.of("buildkit", "classic")) {
            Recorded r = Recorded.of("edge", builder);
            LayerAttribution a = attribution(r, builder);
            try (ImageArchive archive = archive(builder)) {
                EdgeFiles files = new LandedFiles(LayerListingCache.inMemory(1000)).read(archive, a, 6);
                long engineSize = a.entriesAt(6).get(0).sizeBytes();

                assertEquals(builder.equals("buildkit") ? files.bytes() : files.bytes() + "a.txt".length(), engineSize, builder);
            }
        }
    }

    @Test
    void workdirLine_classicMadeNoLayer_buildKitAnEmptyOne_bothLandNothing() throws IOException {
        for (String builder : List.of("buildkit", "classic")) {
            try (ImageArchive archive = archive(builder)) {
                LayerAttribution a = attribution(Recorded.of("edge", builder), builder);
                assertEquals(EdgeFiles.none(7), new LandedFiles(LayerListingCache.inMemory(10)).read(archive, a, 7), builder);
                assertEquals(builder.equals("buildkit"), archive.hasLayer(a.entriesAt(7).get(0).historyIndex()), builder);
            }
        }
    }

    @Test
    void warmRebuild_layerListingComesFromTheCache_withoutTheArchive() throws IOException {
        for (String builder : List.of("buildkit", "classic")) {
            Recorded r = Recorded.of("edge", builder);
            LayerAttribution a = attribution(r, builder);
            LandedFiles landed = new LandedFiles(LayerListingCache.inMemory(1000));
            ImageFacts image = r.facts("1");

            assertEquals(Optional.empty(), landed.cached(a, 6, image, null), builder);
            try (ImageArchive archive = archive(builder)) {
                landed.read(archive, a, 6);
                landed.read(archive, a, 8);
            }
            assertEquals(Optional.of(new EdgeFiles(6, APP, 8)), landed.cached(a, 6, image, null), builder);
            assertEquals(5, landed.cached(a, 8, image, null).orElseThrow().bytes(), builder);
        }
    }

    @Test
    void cachedListing_isUsedByRead_soALayerIsListedOnce() throws IOException {
        List<String> listed = new ArrayList<>();
        LayerListingCache memory = LayerListingCache.inMemory(1000);
        LayerListingCache counting = new LayerListingCache() {
            @Override
            public Optional<List<LayerEntry>> get(String diffId) {
                return memory.get(diffId);
            }

            @Override
            public void put(String diffId, List<LayerEntry> entries) {
                listed.add(diffId);
                memory.put(diffId, entries);
            }
        };
        Recorded r = Recorded.of("edge", "buildkit");
        LayerAttribution a = attribution(r, "buildkit");
        LandedFiles landed = new LandedFiles(counting);
        try (ImageArchive archive = archive("buildkit")) {
            EdgeFiles first = landed.read(archive, a, 6);
            EdgeFiles second = landed.read(archive, a, 6);

            assertEquals(first, second);
            assertEquals(List.of(r.facts("1").layerDigests().get(0)), listed);
        }
    }

    @Test
    void classicZeroByteWorkdir_theCountOfLayersSettlesWhetherItOwnsOne_elseNoDiffId() {
        Recorded r = Recorded.of("edge", "classic");
        LayerAttribution a = attribution(r, "classic");
        AttributedEntry copy = a.entriesAt(8).get(0);
        ImageFacts real = r.facts("1");
        String first = real.layerDigests().get(0);
        String last = real.layerDigests().get(1);

        assertEquals(Optional.of(last), LandedFiles.diffId(a, copy, real, null));
        assertEquals(Optional.of(last), LandedFiles.diffId(a, copy, withLayers(real, first, "sha256:workdir", last), null));
        assertEquals(Optional.empty(), LandedFiles.diffId(a, copy, withLayers(real, first, "sha256:x", "sha256:y", last), null));
        assertEquals(Optional.empty(), LandedFiles.diffId(a, a.entriesAt(7).get(0), real, null));
    }

    private static ImageFacts withLayers(ImageFacts real, String... layers) {
        return new ImageFacts(real.id(), real.sizeBytes(), Map.of(), List.of(layers));
    }

    @Test
    void archiveOfAnotherImage_isRefused() throws IOException {
        LayerAttribution classic = attribution(Recorded.of("edge", "classic"), "classic");
        try (ImageArchive archive = archive("buildkit")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LandedFiles(LayerListingCache.inMemory(10)).read(archive, classic, 6));
            assertTrue(e.getMessage().endsWith("holds another image than the one attributed: its history has 3 entries,"
                    + " the attributed one 5"), e.getMessage());
        }
    }

    @Test
    void lineWithoutItsOwnEntry_isRefused_withTheAttributionsProblem() throws IOException {
        LayerAttribution a = attribution(Recorded.of("edge", "buildkit"), "buildkit");
        Recorded onbuild = Recorded.of("onbuild-external", "buildkit");
        LayerAttribution failed = LayerAttribution.of(onbuild.analysis(), 0, BuilderKind.BUILDKIT, onbuild.history("0"),
                onbuild.history("external"));
        LandedFiles landed = new LandedFiles(LayerListingCache.inMemory(10));
        try (ImageArchive archive = archive("buildkit")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> landed.read(archive, a, 5));
            assertEquals("line 5 made 0 history entries of stage 1, not one", e.getMessage());
            IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> landed.cached(failed, 2, null, null));
            assertTrue(f.getMessage().startsWith("line 2 made 0 history entries of stage 0, not one: stage 0: the stage's"),
                    f.getMessage());
        }
    }

    private ImageArchive archive(String builder) throws IOException {
        Path unpacked = Files.createDirectories(dir.resolve(builder + "-" + System.nanoTime()));
        return ImageArchive.open(Recorded.gunzipped("edge/final-" + builder + ".tar.gz", unpacked));
    }

    private static LayerAttribution attribution(Recorded r, String builder) {
        return LayerAttribution.of(r.analysis(), 1, BuilderKind.fromId(builder), r.history("1"), List.of());
    }
}
