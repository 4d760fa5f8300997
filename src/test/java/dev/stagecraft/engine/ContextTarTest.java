package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context as the engine receives it. */
class ContextTarTest {
    @TempDir
    Path dir;

    private Map<String, String> entries(Path tar) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
                assertTrue(!e.isPaxHeader() && !e.isGlobalPaxHeader(), "no PAX header: the engine would take the tar for a Dockerfile");
                String body = e.isFile() ? new String(t.readAllBytes(), StandardCharsets.UTF_8) : "";
                out.put(e.getName(), String.format("%o", e.getMode() & 07777) + (e.isSymbolicLink() ? " -> "
                        + e.getLinkName() : "") + (body.isEmpty() ? "" : " " + body.strip()));
            }
        }
        return out;
    }

    @Test
    void sendsWhatDockerignoreLetsThrough_modesAndLinksKept_andTheTextToBuildInTheDockerfilesPlace() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve(".dockerignore"), "*.log\nsecret/\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch (on disk, not sent)\n");
        Files.setPosixFilePermissions(context.resolve("Dockerfile"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(context.resolve("run.sh"), "echo hi\n");
        Files.setPosixFilePermissions(context.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(context.resolve("debug.log"), "noise");
        Files.createDirectories(context.resolve("secret"));
        Files.writeString(context.resolve("secret/key"), "k");
        Files.createSymbolicLink(context.resolve("link"), Path.of("run.sh"));
        Path tar = dir.resolve("c.tar");
        ContextTar.write(context, context.resolve("Dockerfile"), "FROM scratch\nCOPY run.sh /\n", tar);
        Map<String, String> sent = entries(tar);
        assertEquals(Map.of(".dockerignore", "644 *.log\nsecret/", "Dockerfile", "600 FROM scratch\nCOPY run.sh /",
                "run.sh", "755 echo hi", "link", "777 -> run.sh"), sent, "COPY . . carries the Dockerfile as docker build"
                + " does, with the text built, and nothing of Stagecraft's");
    }

    @Test
    void aDockerfileTheContextDoesNotSend_goesUnderStagecraftsName() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve("a.txt"), "one");
        Files.writeString(context.resolve(ContextTar.DOCKERFILE_NAME), "a file of that name is left out");
        Path outside = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Path tar = dir.resolve("c.tar");
        ContextTar.write(context, outside, "FROM scratch\nCOPY a.txt /\n", tar);
        assertEquals(Map.of("a.txt", "644 one", ContextTar.DOCKERFILE_NAME, "644 FROM scratch\nCOPY a.txt /"), entries(tar),
                "a Dockerfile outside the context");

        Files.writeString(context.resolve(".dockerignore"), "Dockerfile\n.dockerignore\n");
        Path ignored = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        assertEquals(ContextTar.DOCKERFILE_NAME, ContextTar.scan(context, ignored).dockerfileName());
        ContextTar.write(context, ignored, "FROM scratch\n", tar);
        assertEquals(Map.of("a.txt", "644 one", ContextTar.DOCKERFILE_NAME, "644 FROM scratch"), entries(tar),
                "a Dockerfile that .dockerignore leaves out");

        assertEquals(ContextTar.DOCKERFILE_NAME, ContextTar.scan(context, null).dockerfileName(), "text without a file");
    }

    @Test
    void aDockerfileInASubfolderOfTheContext_isReplacedWhereItIs() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Path dockerfile = Files.writeString(Files.createDirectories(context.resolve("docker")).resolve("app.Dockerfile"),
                "FROM scratch\n");
        assertEquals("docker/app.Dockerfile", ContextTar.scan(context, dockerfile).dockerfileName());
        assertEquals("docker/app.Dockerfile", ContextTar.scan(dir.resolve("ctx/docker/.."), dockerfile).dockerfileName(),
                "however the context is written");
        Path tar = dir.resolve("c.tar");
        ContextTar.write(context, dockerfile, "FROM scratch\nCOPY . /\n", tar);
        assertEquals(Map.of("docker/", "755", "docker/app.Dockerfile", "644 FROM scratch\nCOPY . /"), entries(tar));
    }

    @Test
    void theSameTextAndFiles_makeTheSameBytes_soTheEngineSeesAnUnchangedContext() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve("a.txt"), "one");
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        Files.setLastModifiedTime(dockerfile, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
        Path first = dir.resolve("1.tar");
        Path second = dir.resolve("2.tar");
        ContextTar.write(context, dockerfile, "FROM scratch\nCOPY a.txt /\n", first);
        Thread.sleep(1100);
        ContextTar.write(context, dockerfile, "FROM scratch\nCOPY a.txt /\n", second);
        assertEquals(-1L, Files.mismatch(first, second), "a second later, nothing changed: the same tar");
        try (InputStream in = Files.newInputStream(second); TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
                if (e.getName().equals("Dockerfile")) {
                    assertEquals(1_700_000_000_000L, e.getModTime().getTime(), "the text sent is dated as its file");
                }
            }
        }
    }

    @Test
    void digest_followsTheContextNotTheDockerfile() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve("a.txt"), "one");
        Path tar = dir.resolve("c.tar");
        String first = ContextTar.write(context, null, "FROM scratch\n", tar);
        assertEquals(first, ContextTar.write(context, null, "FROM scratch\nCOPY a.txt /\n", tar),
                "the Dockerfile sent is not part of the context's digest");
        Files.writeString(context.resolve("a.txt"), "two");
        Files.setLastModifiedTime(context.resolve("a.txt"), Files.getLastModifiedTime(tar));
        assertNotEquals(first, ContextTar.write(context, null, "FROM scratch\n", tar), "a changed file changes it");
    }

    @Test
    void aHugeContextFolder_isRefusedWithTheWayOut() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        for (int i = 0; i < 12; i++) {
            Files.writeString(context.resolve("f" + i), "x");
        }
        EngineException e = assertThrows(EngineException.class,
                () -> ContextTar.write(context, null, "FROM scratch\n", dir.resolve("c.tar"), 10));
        assertEquals(EngineException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("is too large (stopped after 10 files)"), e.getMessage());
        assertTrue(e.getMessage().contains(".dockerignore"), e.getMessage());
    }

    @Test
    void aMissingContextFolder_isRefusedInWords() {
        EngineException e = assertThrows(EngineException.class,
                () -> ContextTar.write(dir.resolve("nowhere"), null, "FROM scratch\n", dir.resolve("c.tar")));
        assertEquals(EngineException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }
}
