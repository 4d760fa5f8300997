package dev.stagecraft.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void bytesAreWrittenWholeAndNoTemporaryFileRemains() throws Exception {
        Path target = dir.resolve("graph.png");
        byte[] content = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        AtomicFiles.write(target, content);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of(target), Files.list(dir).toList());
    }

    @Test
    void aNewFileIsReadableByOthersAndAReplacedOneKeepsItsPermissions() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class), "POSIX file system");
        Path fresh = dir.resolve("graph.svg");
        AtomicFiles.write(fresh, "<svg/>");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Path script = dir.resolve("Dockerfile");
        Files.writeString(script, "FROM alpine\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.write(script, "FROM alpine:3.20\n");
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
        assertEquals("FROM alpine:3.20\n", Files.readString(script));
    }
}
