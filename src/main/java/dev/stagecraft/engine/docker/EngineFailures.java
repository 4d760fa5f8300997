package dev.stagecraft.engine.docker;

import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.EngineException.Kind;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
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
        boolean unixSocket = host.startsWith("unix://");
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof AccessDeniedException || text.contains("permission denied") || text.contains("eacces")) {
                return new EngineException(Kind.PERMISSION_DENIED, "Permission denied on " + host + ". "
                        + (unixSocket ? "Add your user to the docker group (sudo usermod -aG docker $USER, then log in"
                                + " again) or point DOCKER_HOST at an engine you may use."
                                : "Check the TLS certificates in DOCKER_CERT_PATH."), failure);
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
