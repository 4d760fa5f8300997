package dev.stagecraft.engine.progress;

/**
 * A BuildKit trace whose bytes are not a {@code StatusResponse}: truncated, or not protobuf at all.
 * The build goes on; the progress classes turn this into a log line and wait for the next trace.
 */
public final class MalformedTraceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedTraceException(String message) {
        super(message);
    }
}
