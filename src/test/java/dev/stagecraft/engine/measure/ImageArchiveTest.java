package dev.stagecraft.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.measure.LayerEntry.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads {@code docker save} archives recorded from Docker 20.10.24 (the final stage of
 * {@code engine/measure/edge}, built FROM scratch by each builder) and hand-built ones: an OCI layout
 * as newer engines write it, a layer shared through a link, and broken archives.
 */
class ImageArchiveTest {
    @TempDir
    Path dir;

    @Test
    void dockerSave_buildKit_historyLayersAndIdAsTheEngineReports() {
        Recorded r = Recorded.of("edge", "buildkit");
        try (ImageArchive a = ImageArchive.open(Recorded.gunzipped("edge/final-buildkit.tar.gz", dir))) {
            assertEquals(r.facts("1").id(), a.imageId());
            assertEquals(List.of(new ArchivedHistoryEntry("COPY /out/ /app/ # buildkit", "buildkit.dockerfile.v0", false),
                    new ArchivedHistoryEntry("WORKDIR /app", "buildkit.dockerfile.v0", false),
                    new ArchivedHistoryEntry("COPY /out/sub/b.bin /deep/er/b.bin # buildkit", "buildkit.dockerfile.v0", false)),
                    a.history());
            assertEquals(r.facts("1").layerDigests(), a.layers().stream().map(ArchivedLayer::diffId).toList());
            assertEquals(2, a.layerOf(2).index());
        }
    }

    @Test
    void dockerSave_classic_emptyLayerEntriesOwnNoLayer() {
        Recorded r = Recorded.of("edge", "classic");
        try (ImageArchive a = ImageArchive.open(Recorded.gunzipped("edge/final-classic.tar.gz", dir))) {
            assertEquals(r.facts("1").id(), a.imageId());
            assertEquals(List.of(false, true, false, true, true), a.history().stream().map(ArchivedHistoryEntry::emptyLayer).toList());
            assertEquals(r.facts("1").layerDigests(), a.layers().stream().map(ArchivedLayer::diffId).toList());
            assertFalse(a.hasLayer(1));
            assertEquals(1, a.layerOf(2).index());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.layerOf(1));
            assertEquals("history entry 1 ('/bin/sh -c #(nop) WORKDIR /app') made no layer", e.getMessage());
        }
    }

    @Test
    void listLayer_givesPathKindSizeModeAndLinkTarget_ofEveryEntry() throws IOException {
        List<LayerEntry> copied = List.of(
                new LayerEntry("/app", Kind.DIRECTORY, 0, 0755, ""),
                new LayerEntry("/app/a.txt", Kind.FILE, 3, 04755, ""),
                new LayerEntry("/app/hard", Kind.HARDLINK, 0, 04755, "/app/a.txt"),
                new LayerEntry("/app/link", Kind.SYMLINK, 0, 0777, "a.txt"),
                new LayerEntry("/app/sub", Kind.DIRECTORY, 0, 0755, ""),
                new LayerEntry("/app/sub/b.bin", Kind.FILE, 5, 0640, ""));
        for (String builder : List.of("buildkit", "classic")) {
            Path unpacked = Files.createDirectories(dir.resolve(builder));
            try (ImageArchive a = ImageArchive.open(Recorded.gunzipped("edge/final-" + builder + ".tar.gz", unpacked))) {
                assertEquals(copied, a.listLayer(a.layerOf(0)), builder);
                assertEquals(List.of(new LayerEntry("/deep", Kind.DIRECTORY, 0, 0755, ""),
                        new LayerEntry("/deep/er", Kind.DIRECTORY, 0, 0755, ""),
                        new LayerEntry("/deep/er/b.bin", Kind.FILE, 5, 0640, "")), a.listLayer(a.layerOf(2)), builder);
            }
        }
    }

    @Test
    void buildKitWorkdirOnAnExistingFolder_isALayerWithNoEntries() {
        try (ImageArchive a = ImageArchive.open(Recorded.gunzipped("edge/final-buildkit.tar.gz", dir))) {
            assertEquals(List.of(), a.listLayer(a.layerOf(1)));
        }
    }

    @Test
    void ociLayout_readThroughManifestJson_gzippedLayer_whiteoutsAndLongNames() throws IOException {
        String longName = "srv/" + "d".repeat(120) + "/data.bin";
        byte[] layer = new TarBuilder()
                .dir("etc", 0755)
                .file("etc/conf", 0600, "conf")
                .file("./opt/.wh.old", 0, "")
                .file("var/.wh..wh..opq", 0, "")
                .file(".wh.gone", 0, "")
                .symlink("bin/sh", "busybox")
                .file(longName, 0644, new byte[1000])
                .bytes();
        byte[] gzipped = TarBuilder.gzip(layer);
        String config = "{\"architecture\":\"amd64\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:"
                + TarBuilder.sha256(layer) + "\"]},\"history\":[{\"created_by\":\"COPY . / # buildkit\",\"comment\":"
                + "\"buildkit.dockerfile.v0\"},{\"created_by\":\"CMD [\\\"sh\\\"]\",\"empty_layer\":true}]}";
        String configHex = TarBuilder.sha256(config.getBytes(StandardCharsets.UTF_8));
        String layerHex = TarBuilder.sha256(gzipped);
        Path file = dir.resolve("oci.tar");
        Files.write(file, new TarBuilder()
                .dir("blobs", 0755)
                .dir("blobs/sha256", 0755)
                .file("blobs/sha256/" + layerHex, 0644, gzipped)
                .file("blobs/sha256/" + configHex, 0644, config)
                .file("index.json", 0644, "{\"schemaVersion\":2,\"manifests\":[]}")
                .file("manifest.json", 0644, "[{\"Config\":\"blobs/sha256/" + configHex + "\",\"RepoTags\":[\"x:1\"],"
                        + "\"Layers\":[\"blobs/sha256/" + layerHex + "\"]}]")
                .file("oci-layout", 0644, "{\"imageLayoutVersion\":\"1.0.0\"}")
                .bytes());

        try (ImageArchive a = ImageArchive.open(file)) {
            assertEquals("sha256:" + configHex, a.imageId());
            assertEquals(List.of(new ArchivedLayer(0, "sha256:" + TarBuilder.sha256(layer), "blobs/sha256/" + layerHex)), a.layers());
            assertEquals("CMD [\"sh\"]", a.history().get(1).createdBy());
            assertEquals(List.of(
                    new LayerEntry("/etc", Kind.DIRECTORY, 0, 0755, ""),
                    new LayerEntry("/etc/conf", Kind.FILE, 4, 0600, ""),
                    new LayerEntry("/opt/old", Kind.WHITEOUT, 0, 0, ""),
                    new LayerEntry("/var", Kind.OPAQUE_WHITEOUT, 0, 0, ""),
                    new LayerEntry("/gone", Kind.WHITEOUT, 0, 0, ""),
                    new LayerEntry("/bin/sh", Kind.SYMLINK, 0, 0777, "busybox"),
                    new LayerEntry("/" + longName, Kind.FILE, 1000, 0644, "")), a.listLayer(a.layerOf(0)));
        }
    }

    @Test
    void layerSharedThroughASymbolicLink_isFollowed() throws IOException {
        byte[] layer = new TarBuilder().file("a", 0644, "x").bytes();
        String config = "{\"rootfs\":{\"diff_ids\":[\"sha256:1\",\"sha256:2\"]},"
                + "\"history\":[{\"created_by\":\"a\"},{\"created_by\":\"b\"}]}";
        Path file = dir.resolve("linked.tar");
        Files.write(file, new TarBuilder()
                .file("one/layer.tar", 0644, layer)
                .symlink("two/layer.tar", "../one/layer.tar")
                .file("c.json", 0644, config)
                .file("manifest.json", 0644, "[{\"Config\":\"c.json\",\"Layers\":[\"one/layer.tar\",\"two/layer.tar\"]}]")
                .bytes());

        try (ImageArchive a = ImageArchive.open(file)) {
            assertEquals(List.of(new LayerEntry("/a", Kind.FILE, 1, 0644, "")), a.listLayer(a.layerOf(1)));
        }
    }

    @Test
    void archiveCutShort_insideAHeader_insideALayer_orAtABlockBoundary_saysItEndsEarly() throws IOException {
        Path whole = Recorded.gunzipped("edge/final-buildkit.tar.gz", dir);
        byte[] bytes = Files.readAllBytes(whole);
        for (int length : new int[] {3 * 512 + 100, 5 * 512 + 700, bytes.length / 2 / 512 * 512, bytes.length - 512}) {
            Path cut = dir.resolve("cut-" + length + ".tar");
            Files.write(cut, Arrays.copyOf(bytes, length));

            ImageArchiveException e = assertThrows(ImageArchiveException.class, () -> ImageArchive.open(cut));
            assertEquals(cut + ": the archive ends early: a complete tar ends with two empty blocks and this one (" + length
                    + " bytes) does not (was docker save interrupted?)", e.getMessage());
            assertEquals(cut, e.archive());
        }
    }

    @Test
    void tarThatDockerDidNotWrite_isRefusedInWords() throws IOException {
        Path plain = dir.resolve("plain.tar");
        Files.write(plain, new TarBuilder().file("hello.txt", 0644, "hi").bytes());

        ImageArchiveException e = assertThrows(ImageArchiveException.class, () -> ImageArchive.open(plain));
        assertEquals(plain + ": not a docker save archive, or one cut short: it has no manifest.json", e.getMessage());
    }

    @Test
    void fileThatIsNoTar_isRefusedInWords() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "just some text, not a tar archive at all\n".repeat(40));

        ImageArchiveException e = assertThrows(ImageArchiveException.class, () -> ImageArchive.open(text));
        assertEquals(text + ": not a tar archive: it does not start with a tar header (docker save writes ustar headers)", e.getMessage());
    }

    @Test
    void configWhoseHistoryDisagreesWithItsLayers_isRefused() throws IOException {
        String config = "{\"rootfs\":{\"diff_ids\":[\"sha256:1\"]},\"history\":[{\"created_by\":\"a\"},{\"created_by\":\"b\"}]}";
        Path file = dir.resolve("bad.tar");
        Files.write(file, new TarBuilder()
                .file("l/layer.tar", 0644, new TarBuilder().bytes())
                .file("c.json", 0644, config)
                .file("manifest.json", 0644, "[{\"Config\":\"c.json\",\"Layers\":[\"l/layer.tar\"]}]")
                .bytes());

        ImageArchiveException e = assertThrows(ImageArchiveException.class, () -> ImageArchive.open(file));
        assertEquals(file + ": c.json: its history has 2 entries with a layer but its rootfs has 1 layers", e.getMessage());
    }

    @Test
    void archiveOfTwoImages_isRefused() throws IOException {
        Path file = dir.resolve("two.tar");
        Files.write(file, new TarBuilder().file("manifest.json", 0644, "[{\"Config\":\"a.json\"},{\"Config\":\"b.json\"}]").bytes());

        ImageArchiveException e = assertThrows(ImageArchiveException.class, () -> ImageArchive.open(file));
        assertEquals(file + ": manifest.json lists 2 images; an archive of exactly one image is needed", e.getMessage());
    }

    @Test
    void layerThatIsNoTar_isAnArchiveError() throws IOException {
        String config = "{\"rootfs\":{\"diff_ids\":[\"sha256:1\"]},\"history\":[{\"created_by\":\"a\"}]}";
        Path file = dir.resolve("junk.tar");
        Files.write(file, new TarBuilder()
                .file("l/layer.tar", 0644, "x".repeat(2000))
                .file("c.json", 0644, config)
                .file("manifest.json", 0644, "[{\"Config\":\"c.json\",\"Layers\":[\"l/layer.tar\"]}]")
                .bytes());

        try (ImageArchive a = ImageArchive.open(file)) {
            ImageArchiveException e = assertThrows(ImageArchiveException.class, () -> a.listLayer(a.layerOf(0)));
            assertTrue(e.getMessage().startsWith(file + ": layer 0 (l/layer.tar) is not a readable tar: "), e.getMessage());
        }
    }
}
