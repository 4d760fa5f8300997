package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults a user's own permissions cause, proven against real processes: {@code stagecraft build}
 * runs in a child JVM as an unprivileged user (see {@link UnprivilegedCli}) against a socket it may
 * not open, and against context folders it may not read. Each answer is one sentence naming what
 * failed and the fix, with the documented exit code and no stack trace.
 */
class BuildFaultsTest {
    private static final String DOCKERFILE = "FROM stagecraft-test/busybox:1\nCOPY . /ctx\n";
    private static final Path ENGINE_SOCKET = Path.of("/var/run/docker.sock");

    @TempDir
    Path dir;

    @BeforeEach
    void letTheUnprivilegedUserIn() throws IOException {
        String reason = UnprivilegedCli.unavailableReason();
        assumeTrue(reason == null, reason);
        // JUnit makes the folder for its owner only: the child must be able to enter it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void socketNobodyMayOpen_permissionDeniedNamingTheEndpointItsModeAndTheFix() throws IOException {
        Path socket = dir.resolve("engine.sock");
        Path file = readableDockerfile(dir.resolve("app"));
        try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listening.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("---------"));

            CliRun r = build(dir, "unix://" + socket, "--no-history", file.toString());

            assertEquals(3, r.exit(), r.err());
            assertTrue(r.err().contains("Permission denied on unix://" + socket + " (DOCKER_HOST)"), r.err());
            assertTrue(r.err().contains("mode ---------"), r.err());
            assertTrue(r.err().contains("sudo chmod 660 " + socket), r.err());
            assertTrue(r.err().contains("point DOCKER_HOST at an engine you may use"), r.err());
            assertNoStackTrace(r);
            assertEquals("", r.out());
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    @Test
    void engineSocketOfTheDockerGroup_userNotInIt_isToldToJoinTheGroup() throws IOException {
        assumeTrue(Files.exists(ENGINE_SOCKET), "no engine socket at " + ENGINE_SOCKET);
        PosixFileAttributes attrs = Files.readAttributes(ENGINE_SOCKET, PosixFileAttributes.class);
        assumeTrue("docker".equals(attrs.group().getName()) && PosixFilePermissions.toString(attrs.permissions())
                .equals("rw-rw----"), "the engine socket is not root:docker with mode 660: " + attrs.group() + " "
                + PosixFilePermissions.toString(attrs.permissions()));
        Path file = readableDockerfile(dir.resolve("app"));

        CliRun r = build(dir, "unix://" + ENGINE_SOCKET, "--no-history", file.toString());

        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("Permission denied on unix://" + ENGINE_SOCKET + " (DOCKER_HOST)"), r.err());
        assertTrue(r.err().contains("belongs to root:docker with mode rw-rw----"), r.err());
        assertTrue(r.err().contains("Add your user to the docker group (sudo usermod -aG docker $USER"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void contextWithAnUnreadableFileAndFolder_isRefusedNamingThem_beforeAnyEngineIsAsked() throws IOException {
        Path context = dir.resolve("app");
        Path file = readableDockerfile(context);
        lockedContents(context);

        // No engine answers at this address: had the engine been asked first, the answer would say so.
        CliRun r = build(dir, "unix://" + dir.resolve("no-engine.sock"), "--no-history", file.toString());

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("Parts of the build context " + context + " cannot be read"), r.err());
        assertTrue(r.err().contains("secret.txt: cannot read (permission denied)"), r.err());
        assertTrue(r.err().contains("private: cannot list (permission denied)"), r.err());
        assertTrue(r.err().contains("Fix their permissions or exclude them in .dockerignore."), r.err());
        assertFalse(r.err().contains("No engine answers"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void unreadablePartsExcludedInDockerignore_passTheCheck_andTheEngineIsAsked() throws IOException {
        Path context = dir.resolve("app");
        Path file = readableDockerfile(context);
        lockedContents(context);
        Files.writeString(context.resolve(".dockerignore"), "secret.txt\nprivate\n");
        Path socket = dir.resolve("no-engine.sock");

        CliRun r = build(dir, "unix://" + socket, "--no-history", file.toString());

        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("No engine answers at unix://" + socket), r.err());
        assertFalse(r.err().contains("cannot be read"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void contextFolderTheUserCannotRead_isRefusedNamingTheFolder() throws IOException {
        Path file = readableDockerfile(dir.resolve("app"));
        Path context = Files.createDirectories(dir.resolve("locked-context"));
        Files.writeString(context.resolve("a.txt"), "a");
        Files.setPosixFilePermissions(context, PosixFilePermissions.fromString("rwx------"));

        CliRun r = build(dir, "unix://" + dir.resolve("no-engine.sock"), "--no-history", "--context",
                context.toString(), file.toString());

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("The context folder " + context + " cannot be read: permission denied."), r.err());
        assertTrue(r.err().contains("Fix its permissions"), r.err());
        assertFalse(r.err().contains("No engine answers"), r.err());
        assertNoStackTrace(r);
    }

    private static CliRun build(Path workDir, String dockerHost, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "build";
        System.arraycopy(args, 0, all, 1, args.length);
        return UnprivilegedCli.run(workDir, Map.of("DOCKER_HOST", dockerHost), all);
    }

    /** A context folder anyone may read, holding a Dockerfile that copies all of it. */
    private static Path readableDockerfile(Path context) throws IOException {
        Files.createDirectories(context);
        Files.setPosixFilePermissions(context, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
        Files.writeString(context.resolve("readme.txt"), "anyone may read this");
        return file;
    }

    /** A file and a folder in {@code context} that only their owner (root) may read. */
    private static void lockedContents(Path context) throws IOException {
        Path secret = Files.writeString(context.resolve("secret.txt"), "root only");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path locked = Files.createDirectories(context.resolve("private"));
        Files.writeString(locked.resolve("key"), "root only");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        // Owned by root's group, so the unprivileged user's group gives no way in either.
        GroupPrincipal root = context.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("root");
        Files.getFileAttributeView(secret, PosixFileAttributeView.class).setGroup(root);
    }

    private static void assertNoStackTrace(CliRun r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }
}
