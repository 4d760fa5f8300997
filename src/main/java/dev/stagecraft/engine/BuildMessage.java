package dev.stagecraft.engine;

import java.util.Objects;

/**
 * One message of a build's progress stream, as the engine sent it, before any interpretation:
 * text output (the classic builder's steps, a BuildKit build's plain lines), a BuildKit trace (the
 * bytes of a protobuf {@code StatusResponse}, already base64-decoded), or the id of the image made.
 * Errors end the build with an {@link EngineException} instead of a message.
 */
public sealed interface BuildMessage {

    /** Text the builder printed, as sent (may hold several lines and ANSI escapes). */
    record Output(String text) implements BuildMessage {
        public Output {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A BuildKit {@code moby.buildkit.trace}: the protobuf bytes of one {@code StatusResponse}. */
    record Trace(byte[] statusResponse) implements BuildMessage {
        public Trace {
            Objects.requireNonNull(statusResponse, "statusResponse");
        }
    }

    /** The id ({@code sha256:...}) of the image the build made. */
    record ImageBuilt(String imageId) implements BuildMessage {
        public ImageBuilt {
            Objects.requireNonNull(imageId, "imageId");
        }
    }
}
