package dev.stagecraft.engine.progress;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import java.util.List;

/**
 * The progress of one build, kept from the messages the engine sends and told as {@link BuildEvent}s
 * tied to the Dockerfile's stages and lines. Feed it every message in order; each call returns the
 * events to publish now (often none), and only what changed. Not thread-safe: one build, one
 * thread (the one reading the engine's stream).
 *
 * <p>Lifecycle: {@link #start()} once (every step queued, stages the builder will not run skipped),
 * {@link #accept} per message, then one of the {@code finish} calls; after it, no step is left
 * running and further messages are ignored.
 */
public interface BuildProgress {

    /** The events before anything ran: every step and stage queued, or skipped. */
    List<BuildEvent> start();

    /** The events {@code message} causes. Never throws on a message it cannot read: that becomes a log line. */
    List<BuildEvent> accept(BuildMessage message);

    /** The build ended well: steps still open are settled, stages that never ran are skipped. */
    List<BuildEvent> finishSucceeded();

    /**
     * The build failed with the engine's {@code engineError} (the text of its error line): the step
     * that failed shows it, steps in flight go back to queued. With BuildKit the failed vertex already
     * carried the text; when none failed (a frontend or export error) it is tied to no line.
     */
    List<BuildEvent> finishFailed(String engineError);

    /** The build was cancelled: steps in flight go back to queued; nothing is marked failed. */
    List<BuildEvent> finishCancelled();

    /**
     * The progress of a build by {@code builder} of the text {@code sent} was analysed from, towards
     * stage {@code targetStage} (an index of {@code sent.stages()}).
     */
    static BuildProgress forBuilder(BuilderKind builder, Analysis sent, int targetStage) {
        return builder == BuilderKind.BUILDKIT ? new BuildKitProgress(sent, targetStage)
                : new ClassicProgress(sent, targetStage);
    }

    /**
     * The index of the stage named {@code target} (any case), or of the last stage when it is null or
     * blank, as the engine chooses it.
     *
     * @throws IllegalArgumentException when no stage has that name, or the file has no stage
     */
    static int targetIndex(Analysis sent, String target) {
        if (sent.stages().isEmpty()) {
            throw new IllegalArgumentException("the Dockerfile has no stage");
        }
        if (target == null || target.isBlank()) {
            return sent.stages().size() - 1;
        }
        Stage stage = sent.stage(target.strip());
        if (stage == null) {
            throw new IllegalArgumentException("no stage is named '" + target.strip() + "'");
        }
        return stage.index();
    }
}
