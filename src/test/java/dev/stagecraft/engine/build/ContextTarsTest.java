package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild of the same text and files sends the kept tar; any change writes a new one. */
class ContextTarsTest {
    @TempDir
    Path dir;

    @Test
    void sameTextAndFiles_reuseTheTar_andEachChangeWritesANewOne() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path app = Files.writeString(context.resolve("app.sh"), "echo one\n");
        ContextTars tars = new ContextTars(work);
        String text = "FROM scratch\nCOPY app.sh /\n";

        Path first;
        String digest;
        try (ContextTars.Lease lease = tars.pack(context, null, text)) {
            first = lease.tar();
            digest = lease.digest();
        }
        try (ContextTars.Lease again = tars.pack(context, null, text)) {
            assertEquals(first, again.tar(), "nothing changed: the same tar");
            assertEquals(digest, again.digest());
        }

        Path second;
        try (ContextTars.Lease edited = tars.pack(context, null, text + "USER nobody\n")) {
            second = edited.tar();
            assertNotEquals(first, second, "another text: a new tar");
            assertEquals(digest, edited.digest(), "the context did not change");
        }
        assertFalse(Files.exists(first), "the replaced tar is gone once no build uses it");

        Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ContextTars.Lease chmodded = tars.pack(context, null, text + "USER nobody\n")) {
            assertNotEquals(second, chmodded.tar(), "a mode changed: a new tar");
            assertNotEquals(digest, chmodded.digest());
        }

        String before;
        try (ContextTars.Lease lease = tars.pack(context, null, text)) {
            before = lease.digest();
        }
        Files.writeString(app, "echo two\n");
        try (ContextTars.Lease rewritten = tars.pack(context, null, text)) {
            assertNotEquals(before, rewritten.digest(), "a file rewritten with the same size: read again");
        }
        Files.writeString(context.resolve("new.txt"), "n");
        try (ContextTars.Lease added = tars.pack(context, null, text)) {
            assertTrue(new String(Files.readAllBytes(added.tar()), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("new.txt"), "an added file is sent");
        }
    }

    @Test
    void aTarInUse_staysUntilItsBuildEnds() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve("a.txt"), "a");
        ContextTars tars = new ContextTars(Files.createDirectories(dir.resolve("work")));
        ContextTars.Lease building = tars.pack(context, null, "FROM scratch\n");
        try (ContextTars.Lease newer = tars.pack(context, null, "FROM scratch\nCOPY a.txt /\n")) {
            assertTrue(Files.exists(building.tar()), "replaced, but a build still sends it");
            assertTrue(Files.exists(newer.tar()));
        }
        building.close();
        assertFalse(Files.exists(building.tar()));
    }
}
