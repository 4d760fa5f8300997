package dev.stagecraft.engine;

import java.util.Objects;

/**
 * An engine call that did not succeed, said in words a user can act on: the message names what
 * failed and, where there is one, the fix ("start the engine", "set DOCKER_HOST", "add yourself to
 * the docker group"). Never carries a stack trace to the user; the cause is kept for logs.
 */
public final class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, so front ends can choose how to show it and the CLI its exit code. */
    public enum Kind {
        /** Nothing answers at the endpoint, or it answered too slowly. */
        UNREACHABLE,
        /** The endpoint exists but we may not use it (socket permissions, TLS certificates). */
        PERMISSION_DENIED,
        /** A build step failed; the message is the engine's error text. */
        BUILD_FAILED,
        /**
         * The file's {@code # syntax=} frontend image could not be had (offline, no such image): the
         * build can go on with the engine's built-in frontend, the directive's line blanked.
         */
        FRONTEND_UNAVAILABLE,
        /** The file uses syntax the chosen builder on this engine cannot build; checked before building. */
        UNSUPPORTED_SYNTAX,
        /** The user or a newer edit cancelled the build. */
        CANCELLED,
        /** The connection broke while a build or a call was in flight. */
        CONNECTION_LOST,
        /** Anything else the engine refused, with its own words. */
        REFUSED
    }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
        this(kind, message, null);
    }

    public EngineException(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
