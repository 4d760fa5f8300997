package dev.stagecraft.engine.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineException;
import java.io.IOException;
import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentence a refused socket gets, which the CLI prints and the window's status bar shows (both
 * read it from {@code BuildEngine.info()}). The failure is built the way the transport throws it
 * for EACCES (a BindException "Permission denied" wrapped in a RuntimeException, seen running as an
 * unprivileged user); the refusal itself is proven in {@code cli.BuildFaultsTest}.
 */
class PermissionDeniedTest {
    private static final RuntimeException EACCES = new RuntimeException(new BindException("Permission denied"));

    @TempDir
    Path dir;

    @Test
    void socketNoGroupMayUse_saysItsOwnerAndMode_andToFixItsPermissions() throws IOException {
        Path socket = socket("---------");
        PosixFileAttributes attrs = Files.readAttributes(socket, PosixFileAttributes.class);
        String owner = attrs.owner().getName() + ":" + attrs.group().getName();
        EngineException e = EngineFailures.classify(EACCES, new EngineEndpoint("unix://" + socket, false, null, "DOCKER_HOST"));
        assertEquals(EngineException.Kind.PERMISSION_DENIED, e.kind());
        assertEquals("Permission denied on unix://" + socket + " (DOCKER_HOST): the socket belongs to " + owner
                + " with mode ---------. No group of users may use it: fix the socket's permissions (sudo chgrp docker "
                + socket + " && sudo chmod 660 " + socket + ") and add your user to the docker group, or point"
                + " DOCKER_HOST at an engine you may use.", e.getMessage());
    }

    @Test
    void socketItsGroupMayUse_saysJoinThatGroup() throws IOException {
        GroupPrincipal docker;
        try {
            docker = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("docker");
        } catch (UserPrincipalNotFoundException none) {
            assumeTrue(false, "this machine has no docker group");
            return;
        }
        Path socket = socket("rw-rw----");
        Files.getFileAttributeView(socket, PosixFileAttributeView.class).setGroup(docker);
        EngineException e = EngineFailures.classify(EACCES, new EngineEndpoint("unix://" + socket, false, null,
                "the default socket"));
        assertEquals(EngineException.Kind.PERMISSION_DENIED, e.kind());
        String owner = Files.getOwner(socket).getName();
        assertTrue(e.getMessage().startsWith("Permission denied on unix://" + socket + " (the default socket): the socket"
                + " belongs to " + owner + ":docker with mode rw-rw----. Add your user to the docker group (sudo usermod -aG"
                + " docker $USER, then log in again), or point DOCKER_HOST"), e.getMessage());
    }

    @Test
    void socketThatCannotBeSeen_stillSaysWhatToDo() {
        Path socket = dir.resolve("gone").resolve("docker.sock");
        EngineException e = EngineFailures.classify(EACCES, new EngineEndpoint("unix://" + socket, false, null, "DOCKER_HOST"));
        assertEquals(EngineException.Kind.PERMISSION_DENIED, e.kind());
        assertTrue(e.getMessage().contains("Permission denied on unix://" + socket + " (DOCKER_HOST): your user may not"
                + " use that socket. Add your user to the socket's group"), e.getMessage());
    }

    @Test
    void tcpEndpoint_pointsAtTheCertificates() {
        EngineException e = EngineFailures.classify(EACCES, new EngineEndpoint("tcp://10.0.0.5:2376", true, dir,
                "context 'remote'"));
        assertEquals(EngineException.Kind.PERMISSION_DENIED, e.kind());
        assertEquals("Permission denied on tcp://10.0.0.5:2376 (context 'remote'). Check the TLS certificates in"
                + " DOCKER_CERT_PATH.", e.getMessage());
    }

    /** A real unix socket with {@code mode}; the listener is closed at once, the file stays. */
    private Path socket(String mode) throws IOException {
        Path socket = dir.resolve("engine.sock");
        try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listening.bind(UnixDomainSocketAddress.of(socket));
        }
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString(mode));
        return socket;
    }
}
