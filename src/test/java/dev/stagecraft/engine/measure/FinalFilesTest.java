package dev.stagecraft.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.stagecraft.engine.measure.LayerEntry.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The final image's files: hand-made layers applied bottom first, whiteouts and opaque folders honoured. */
class FinalFilesTest {
    @TempDir
    Path dir;

    /** An archive of {@code layers} (bottom first), their diff ids {@code sha256:0}, {@code sha256:1}, ... */
    private Path archive(byte[]... layers) throws IOException {
        TarBuilder tar = new TarBuilder();
        StringBuilder diffIds = new StringBuilder();
        StringBuilder paths = new StringBuilder();
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < layers.length; i++) {
            tar.file("l" + i + "/layer.tar", 0644, layers[i]);
            String comma = i == 0 ? "" : ",";
            diffIds.append(comma).append("\"sha256:").append(i).append('"');
            paths.append(comma).append("\"l").append(i).append("/layer.tar\"");
            history.append(comma).append("{\"created_by\":\"layer ").append(i).append("\"}");
        }
        tar.file("c.json", 0644, "{\"rootfs\":{\"diff_ids\":[" + diffIds + "]},\"history\":[" + history + "]}");
        tar.file("manifest.json", 0644, "[{\"Config\":\"c.json\",\"Layers\":[" + paths + "]}]");
        Path file = dir.resolve("image-" + layers.length + "-" + System.nanoTime() + ".tar");
        Files.write(file, tar.bytes());
        return file;
    }

    private static List<LandedFile> read(Path file) {
        try (ImageArchive archive = ImageArchive.open(file)) {
            return new LandedFiles(LayerListingCache.inMemory(1000)).image(archive);
        }
    }

    private static LandedFile file(String path, long size, int mode) {
        return new LandedFile(path, size, mode, Kind.FILE, "");
    }

    @Test
    void whiteout_removesTheFileAndAWholeFolderOfTheLayersBelow() throws IOException {
        byte[] lower = new TarBuilder().dir("etc", 0755).file("etc/keep", 0644, "k").file("etc/gone", 0644, "gg")
                .dir("cache", 0755).file("cache/a", 0644, "aaa").dir("cache/sub", 0755).file("cache/sub/b", 0644, "b")
                .file("cachet", 0644, "neighbour").bytes();
        byte[] upper = new TarBuilder().file("etc/.wh.gone", 0644, "").file(".wh.cache", 0644, "").bytes();

        assertEquals(List.of(file("/cachet", 9, 0644), file("/etc/keep", 1, 0644)), read(archive(lower, upper)));
    }

    @Test
    void opaqueFolder_hidesWhatTheLayersBelowPutThere_keepsWhatItsOwnLayerAdds() throws IOException {
        byte[] lower = new TarBuilder().dir("app", 0755).file("app/old.js", 0644, "old").dir("app/lib", 0755)
                .file("app/lib/x.js", 0644, "xx").file("other", 0644, "o").bytes();
        // The marker may come after the layer's own entries in the tar: it still hides only the lower ones.
        byte[] upper = new TarBuilder().dir("app", 0755).file("app/new.js", 0600, "new!").file("app/.wh..wh..opq", 0644, "")
                .bytes();

        assertEquals(List.of(file("/app/new.js", 4, 0600), file("/other", 1, 0644)), read(archive(lower, upper)));
    }

    @Test
    void fileReplacedInAnUpperLayer_hasTheUpperSizeAndMode() throws IOException {
        byte[] lower = new TarBuilder().file("bin/tool", 0644, "a tool of some size").bytes();
        byte[] upper = new TarBuilder().file("bin/tool", 0755, "short").bytes();

        assertEquals(List.of(file("/bin/tool", 5, 0755)), read(archive(lower, upper)));
    }

    @Test
    void linksAreListedWithTheirTargets_foldersAreLeftOut() throws IOException {
        byte[] layer = new TarBuilder().dir("bin", 0755).file("bin/busybox", 0755, "12345678")
                .hardlink("bin/sh", "bin/busybox", 0755).symlink("bin/ls", "busybox").dir("empty", 0700).bytes();

        assertEquals(List.of(file("/bin/busybox", 8, 0755), new LandedFile("/bin/ls", 0, 0777, Kind.SYMLINK, "busybox"),
                new LandedFile("/bin/sh", 0, 0755, Kind.HARDLINK, "/bin/busybox")), read(archive(layer)));
    }

    @Test
    void fileInPlaceOfAFolder_replacesTheFolderAndItsContent_andAFolderReplacesAFile() throws IOException {
        byte[] lower = new TarBuilder().dir("data", 0755).file("data/a", 0644, "aa").file("conf", 0644, "c").bytes();
        byte[] upper = new TarBuilder().symlink("data", "/srv").dir("conf", 0755).file("conf/x", 0644, "xyz").bytes();

        assertEquals(List.of(file("/conf/x", 3, 0644), new LandedFile("/data", 0, 0777, Kind.SYMLINK, "/srv")),
                read(archive(lower, upper)));
    }

    @Test
    void rebuiltImageWithTheSameLayers_comesFromTheCacheAlone_andAMissingLayerMeansNoAnswer() throws IOException {
        byte[] lower = new TarBuilder().file("a", 0644, "a").bytes();
        byte[] upper = new TarBuilder().file("b", 0644, "bb").bytes();
        LandedFiles landed = new LandedFiles(LayerListingCache.inMemory(1000));
        List<LandedFile> fromArchive;
        try (ImageArchive archive = ImageArchive.open(archive(lower, upper))) {
            fromArchive = landed.image(archive);
        }

        assertEquals(List.of(file("/a", 1, 0644), file("/b", 2, 0644)), fromArchive);
        assertEquals(Optional.of(fromArchive), landed.cachedImage(List.of("sha256:0", "sha256:1")));
        assertEquals(Optional.empty(), landed.cachedImage(List.of("sha256:0", "sha256:1", "sha256:2")));
        assertEquals(Optional.empty(), new LandedFiles(LayerListingCache.inMemory(1000)).cachedImage(List.of("sha256:0")));
        assertSame(landed.cachedImage(List.of("sha256:0", "sha256:1")).orElseThrow(),
                landed.cachedImage(new ArrayList<>(List.of("sha256:0", "sha256:1"))).orElseThrow(),
                "the same layers asked again: the list made the first time, not merged again");
    }

    @Test
    void layersAppliedInOrder_aFileDeletedThenAddedAgainIsBack() {
        List<List<LayerEntry>> layers = new ArrayList<>();
        layers.add(List.of(new LayerEntry("/x", Kind.FILE, 10, 0644, "")));
        layers.add(List.of(new LayerEntry("/x", Kind.WHITEOUT, 0, 0644, "")));
        layers.add(List.of(new LayerEntry("/x", Kind.FILE, 3, 0600, "")));

        assertEquals(List.of(file("/x", 3, 0600)), FinalFiles.of(layers));
        assertEquals(List.of(), FinalFiles.of(layers.subList(0, 2)));
    }
}
