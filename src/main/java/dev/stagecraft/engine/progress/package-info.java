/**
 * What the engine streams during a build, turned into {@link dev.stagecraft.engine.BuildEvent}s tied
 * to the Dockerfile's stages and instruction lines. {@link dev.stagecraft.engine.progress.BuildStreamLines}
 * reads one JSON line of {@code POST /build} into a {@link dev.stagecraft.engine.BuildMessage};
 * {@link dev.stagecraft.engine.progress.StatusResponse} decodes the protobuf that BuildKit's traces
 * carry; {@link dev.stagecraft.engine.progress.BuildKitProgress} and
 * {@link dev.stagecraft.engine.progress.ClassicProgress} keep the state of one build and say what
 * changed. Depends on the JDK, the core and the engine package's plain values: no JavaFX, no
 * docker-java.
 */
package dev.stagecraft.engine.progress;
