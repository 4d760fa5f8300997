package dev.stagecraft.engine.docker;

import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.EngineException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Turns what the transport threw into an {@link EngineException} whose message says what went
 * wrong at which endpoint and what to do about it. The transport's exceptions are many and nested
 * (a refused unix socket arrives as an IOException wrapped in a RuntimeException), so the cause
 * chain is read as a whole.
 */
final class EngineFailures {
    private EngineFailures() {
    }

    static EngineException classify(Throwable failure, EngineEndpoint endpoint) {
        if (failure instanceof EngineException known) {
            return known;
        }
        String host = endpoint.host();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof AccessDeniedException || text.contains("permission denied") || text.contains("eacces")) {
                return permissionDenied(endpoint, failure);
            }
            if (t instanceof SSLException) {
                return new EngineException(Kind.PERMISSION_DENIED, "The TLS handshake with " + host + " failed ("
                        + t.getMessage() + "). Check DOCKER_CERT_PATH and DOCKER_TLS_VERIFY.", failure);
            }
            if (t instanceof NoSuchFileException || text.contains("no such file") || text.contains("enoent")
                    || t instanceof ConnectException || text.contains("connection refused")
                    || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof InterruptedIOException || text.contains("timed out")
                    || text.contains("timeout")) {
                return unreachable(endpoint, failure);
            }
        }
        return new EngineException(Kind.REFUSED, "The engine at " + host + " failed: " + rootMessage(failure), failure);
    }

    /**
     * The engine's socket (or its TLS certificates) refused us. For a unix socket the sentence says
     * who owns it and with which mode, when that can be seen, since the fix differs: join the
     * socket's group when the group may use it, else the socket's permissions must change.
     */
    static EngineException permissionDenied(EngineEndpoint endpoint, Throwable cause) {
        String host = endpoint.host();
        String where = "Permission denied on " + host + " (" + endpoint.source() + ")";
        if (!host.startsWith("unix://")) {
            return new EngineException(Kind.PERMISSION_DENIED, where + ". Check the TLS certificates in DOCKER_CERT_PATH.",
                    cause);
        }
        String other = " or point DOCKER_HOST at an engine you may use.";
        String path = host.substring("unix://".length());
        PosixFileAttributes socket;
        try {
            socket = Files.readAttributes(Path.of(path), PosixFileAttributes.class);
        } catch (IOException | UnsupportedOperationException | SecurityException | InvalidPathException e) {
            return new EngineException(Kind.PERMISSION_DENIED, where + ": your user may not use that socket. Add your"
                    + " user to the socket's group (usually docker: sudo usermod -aG docker $USER, then log in again),"
                    + other, cause);
        }
        String group = socket.group().getName();
        Set<PosixFilePermission> mode = socket.permissions();
        String owned = where + ": the socket belongs to " + socket.owner().getName() + ":" + group + " with mode "
                + PosixFilePermissions.toString(mode) + ". ";
        if (mode.contains(PosixFilePermission.GROUP_READ) && mode.contains(PosixFilePermission.GROUP_WRITE)
                && !"root".equals(group)) {
            return new EngineException(Kind.PERMISSION_DENIED, owned + "Add your user to the " + group + " group (sudo"
                    + " usermod -aG " + group + " $USER, then log in again)," + other, cause);
        }
        return new EngineException(Kind.PERMISSION_DENIED, owned + "No group of users may use it: fix the socket's"
                + " permissions (sudo chgrp docker " + path + " && sudo chmod 660 " + path + ") and add your user to"
                + " the docker group," + other, cause);
    }

    static EngineException unreachable(EngineEndpoint endpoint, Throwable cause) {
        String host = endpoint.host();
        String fix = host.startsWith("unix://") || host.startsWith("npipe://")
                ? "Start the engine (for example: sudo systemctl start docker, or start Docker Desktop), or set"
                        + " DOCKER_HOST to an engine that runs."
                : "Check that the engine runs there and that the address and port are right, or set DOCKER_HOST"
                        + " to another engine.";
        return new EngineException(Kind.UNREACHABLE, "No engine answers at " + host + " (" + endpoint.source() + "). "
                + fix, cause);
    }

    static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
    }
}
