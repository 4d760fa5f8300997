package dev.stagecraft.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine as Stagecraft sees it: the few calls a build and its measurements need. The only
 * implementation talks to Docker through docker-java ({@code engine.docker}); everything above it
 * (planning, progress, sizes, edge files, the window, the CLI) sees this interface and plain values.
 *
 * <p>Every method may throw {@link EngineException}, whose message says what went wrong and how to
 * fix it. No call hangs: {@link #info()} answers within two seconds, and a build ends when its
 * {@link Cancellation} is cancelled.
 */
public interface BuildEngine extends AutoCloseable {

    /** Where this engine listens. */
    EngineEndpoint endpoint();

    /** Engine and API version, and whether BuildKit is offered; within two seconds. */
    EngineInfo info();

    /**
     * Runs one build and returns the id of the image it made. Each message the engine sends is
     * passed to {@code messages} as it arrives, on the calling thread. A failing step ends in an
     * {@link EngineException} of kind {@link EngineException.Kind#BUILD_FAILED} carrying the
     * engine's error text; a cancelled build ends in kind {@link EngineException.Kind#CANCELLED}.
     */
    String build(BuildRequest request, Consumer<BuildMessage> messages, Cancellation cancellation);

    /** The image's facts, or empty when the engine has no such image. */
    Optional<ImageFacts> inspectImage(String reference);

    /** The image's history, oldest entry first (the engine's API lists newest first). */
    List<HistoryEntry> history(String imageId);

    /** Writes {@code docker save} of the image to {@code tarFile}. */
    void saveImage(String imageId, Path tarFile);

    /** Ids of the images that carry {@code label=value}. */
    List<String> imagesLabelled(String label, String value);

    /** Removes the image (and its tags); an image already gone is not an error. */
    void removeImage(String imageId);

    /**
     * Tells {@code listener} of every image event, from {@link ImageEvents#watching()} until the
     * returned handle is closed or the connection is lost ({@link ImageEvents#ended()}). Returns at
     * once; the watch starts in the background.
     */
    AutoCloseable watchImageEvents(ImageEvents listener);

    /** Ids of the containers running now, all of them: a cancelled build must leave none of its own. */
    List<String> runningContainers();

    @Override
    void close();
}
