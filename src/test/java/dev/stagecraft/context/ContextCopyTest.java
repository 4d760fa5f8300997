package dev.stagecraft.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.stage.AnalysisOptions;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCopyTest {
    @TempDir
    Path dir;

    private void write(String path, int bytes) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[bytes]);
    }

    private List<ContextCopy> copies(String dockerfile) {
        return ContextCopy.of(DockerfileAnalyzer.analyze(dockerfile, AnalysisOptions.defaults()));
    }

    private CarriedFiles carried(String dockerfile, String ignoreText) throws InterruptedException {
        DockerIgnore ignore = DockerIgnore.parse(ignoreText);
        ContextScan scan = new ContextScanner().scan(dir, ignore);
        return copies(dockerfile).get(0).match(scan, ignore);
    }

    private static List<String> paths(CarriedFiles c) {
        return c.files().stream().map(ContextFile::path).toList();
    }

    @Test
    void onlyCopiesWithoutFromAndAddsReadTheContext() {
        List<ContextCopy> found = copies("FROM a AS b\nCOPY x /x\nFROM c\nCOPY --from=b /y /y\nADD z.tar /z\n");
        assertEquals(2, found.size());
        assertEquals(List.of("x"), found.get(0).sources());
        assertEquals(0, found.get(0).stage());
        assertEquals(1, found.get(1).stage());
        assertEquals("z.tar → /z", found.get(1).carries());
    }

    @Test
    void fileSourceDirectorySourceAndWholeContext() throws Exception {
        write("package.json", 100);
        write("src/a.js", 10);
        write("src/lib/b.js", 20);
        write("srcx/c.js", 5);
        CarriedFiles one = carried("FROM a\nCOPY ./package.json /app/\n", "");
        assertEquals(List.of("package.json"), paths(one));
        assertEquals(100, one.totalBytes());
        CarriedFiles tree = carried("FROM a\nCOPY src/ /app/src\n", "");
        assertEquals(List.of("src/a.js", "src/lib/b.js"), paths(tree), "a directory carries all under it, not its look-alike sibling");
        assertEquals(30, tree.totalBytes());
        CarriedFiles all = carried("FROM a\nCOPY . .\n", "");
        assertEquals(4, all.count());
        assertEquals("4 files, 135 B", all.summary());
    }

    @Test
    void ignoredFilesAreNotCarried_exceptionsAre() throws Exception {
        write("app.js", 10);
        write("node_modules/x/index.js", 1000);
        write("node_modules/keep/index.js", 7);
        write("debug.log", 50);
        CarriedFiles all = carried("FROM a\nCOPY . .\n", "node_modules\n!node_modules/keep\n*.log\n");
        assertEquals(List.of("app.js", "node_modules/keep/index.js"), paths(all));
        assertEquals(17, all.totalBytes());
    }

    @Test
    void globsMatchPerPathElement() throws Exception {
        write("package.json", 1);
        write("package-lock.json", 2);
        write("conf/a.conf", 3);
        write("conf/sub/b.conf", 4);
        write("lib1/x", 5);
        CarriedFiles manifests = carried("FROM a\nCOPY package*.json ./\n", "");
        assertEquals(List.of("package-lock.json", "package.json"), paths(manifests));
        CarriedFiles confs = carried("FROM a\nCOPY conf/*.conf /etc/\n", "");
        assertEquals(List.of("conf/a.conf"), paths(confs), "* does not cross a directory");
        CarriedFiles dirs = carried("FROM a\nCOPY lib[0-9] /l/\n", "");
        assertEquals(List.of("lib1/x"), paths(dirs), "a pattern matching a directory carries its content");
    }

    @Test
    void unmatchedAndIgnoredSourcesAreReported() throws Exception {
        write("a.txt", 1);
        write("secret.env", 1);
        CarriedFiles c = carried("FROM a\nCOPY a.txt missing.txt secret.env *.nothing /x/\n", "secret.env\n");
        assertEquals(List.of("a.txt"), paths(c));
        assertEquals(List.of("missing.txt", "secret.env", "*.nothing"), c.unmatched());
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("secret.env is excluded by .dockerignore")), c.notes().toString());
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("missing.txt matches no file")), c.notes().toString());
    }

    @Test
    void urlsAndHeredocsAreNotContextFiles() throws Exception {
        write("a.txt", 3);
        assertEquals(List.of(), copies("FROM a\nADD https://example.com/x.tgz /x\nCOPY <<EOF /x\nhello\nEOF\n"),
                "an instruction with only a URL or a here-document reads nothing from the context");
        CarriedFiles c = carried("FROM a\nADD https://example.com/x.tgz a.txt /x/\n", "");
        assertEquals(List.of("a.txt"), paths(c));
        assertEquals(List.of(), c.unmatched());
        assertTrue(c.notes().get(0).contains("fetched at build time"), c.notes().toString());
        CarriedFiles h = carried("FROM a\nCOPY <<EOF a.txt /x/\nhello\nEOF\n", "");
        assertEquals(List.of("a.txt"), paths(h));
        assertTrue(h.notes().get(0).contains("here-document"), h.notes().toString());
    }

    @Test
    void symlinksAreNotFollowedOutOfTheContext(@TempDir Path outside) throws Exception {
        Files.write(outside.resolve("big.bin"), new byte[5000]);
        Files.createDirectories(outside.resolve("tree"));
        Files.write(outside.resolve("tree/inner.bin"), new byte[3000]);
        write("real.txt", 4);
        Files.createSymbolicLink(dir.resolve("link.bin"), outside.resolve("big.bin"));
        Files.createSymbolicLink(dir.resolve("linkdir"), outside.resolve("tree"));
        ContextScan scan = new ContextScanner().scan(dir, DockerIgnore.none());
        assertEquals(3, scan.files().size(), scan.files().toString());
        assertFalse(scan.files().containsKey("linkdir/inner.bin"), "a linked directory is not walked");
        assertTrue(scan.files().get("link.bin") < 5000, "a link counts as a link, not as its target");
    }

    @Test
    void scanStopsAtTheFileLimitAndSaysItIsPartial() throws Exception {
        for (int i = 0; i < 30; i++) {
            write("d" + (i % 3) + "/f" + i, 1);
        }
        ContextScan scan = new ContextScanner(10, Duration.ofMinutes(1)).scan(dir, DockerIgnore.none());
        assertTrue(scan.partial());
        assertEquals(10, scan.files().size());
        CarriedFiles c = ContextCopy.of(DockerfileAnalyzer.analyze("FROM a\nCOPY . .\n", AnalysisOptions.defaults())).get(0)
                .match(scan, DockerIgnore.none());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("stopped after 10 files")), c.notes().toString());
        assertFalse(new ContextScanner().scan(dir, DockerIgnore.none()).partial());
    }

    @Test
    void unreadableDirectoryIsReportedNotThrown() throws Exception {
        write("ok.txt", 1);
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.write(locked.resolve("x"), new byte[1]);
        assertTrue(locked.toFile().setReadable(false) && locked.toFile().setExecutable(false));
        try {
            ContextScan scan = new ContextScanner().scan(dir, DockerIgnore.none());
            assertTrue(scan.files().containsKey("ok.txt"));
            if (!Files.isReadable(locked)) {
                assertEquals(1, scan.problems().size(), scan.problems().toString());
                assertTrue(scan.problems().get(0).startsWith("locked: cannot list"));
            }
        } finally {
            locked.toFile().setReadable(true);
            locked.toFile().setExecutable(true);
        }
    }

    @Test
    void interruptedScanIsCancelled() throws Exception {
        write("a", 1);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> new ContextScanner().scan(dir, DockerIgnore.none()));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void humanSizes() {
        assertEquals("0 B", Sizes.human(0));
        assertEquals("1023 B", Sizes.human(1023));
        assertEquals("1.0 KB", Sizes.human(1024));
        assertEquals("1.5 KB", Sizes.human(1536));
        assertEquals("12 MB", Sizes.human(12L * 1024 * 1024));
    }
}
