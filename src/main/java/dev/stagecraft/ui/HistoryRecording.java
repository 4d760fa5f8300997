package dev.stagecraft.ui;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.EngineInfo;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.history.BuildRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes each of the window's builds into the history, as one more receiver of the build's results:
 * what was asked (the text as built, args, target, builder) when it started, and the report or the
 * failure with its line when it ended. A build cancelled by a newer one or by the user is no outcome
 * of the Dockerfile and is not kept. A text with no file of its own (an example not saved yet) has
 * no history: that is said once. The store is written by {@link HistoryRecorder} off the FX thread,
 * so the results on screen never wait for it. FX thread.
 */
final class HistoryRecording implements BuildController.Views {
    static final String UNSAVED = "Builds of a text not saved to a file are not kept in the history.";

    private final HistoryRecorder recorder;
    private final Supplier<Path> savedFile;
    private final Supplier<EngineInfo> engine;
    private final Consumer<String> notice;
    private boolean unsavedSaid;
    private Started started;

    /** The build in flight: what was asked, of which file, on which engine, when, and the line that failed if one did. */
    private static final class Started {
        private final BuildController.Request request;
        private final Path file;
        private final String engine;
        private final Instant at = Instant.now();
        private Integer failedLine;

        Started(BuildController.Request request, Path file, String engine) {
            this.request = request;
            this.file = file;
            this.engine = engine;
        }
    }

    /**
     * @param savedFile the window's own file (null for an unsaved example), read when a build starts
     * @param engine the engine connected now (null when none)
     * @param notice where "not kept" is said, once
     */
    HistoryRecording(HistoryRecorder recorder, Supplier<Path> savedFile, Supplier<EngineInfo> engine, Consumer<String> notice) {
        this.recorder = recorder;
        this.savedFile = savedFile;
        this.engine = engine;
        this.notice = notice;
    }

    @Override
    public void started(BuildController.Request request) {
        EngineInfo info = engine.get();
        Path file = savedFile.get();
        started = new Started(request, file == null ? null : file.toAbsolutePath(),
                info == null ? "unknown engine" : "Docker " + info.engineVersion() + " (API " + info.apiVersion() + ")");
    }

    @Override
    public void events(List<BuildEvent> events) {
        if (started == null) {
            return;
        }
        for (BuildEvent e : events) {
            if (e instanceof BuildEvent.StepChanged step && step.state() == StepState.FAILED && step.line() > 0) {
                started.failedLine = step.line();
            }
        }
    }

    @Override
    public void finished(BuildReport report) {
        Started build = ended();
        if (build != null) {
            BuildController.Request r = build.request;
            recorder.record(BuildRecord.succeeded(build.file, r.text(), r.settings().buildArgs(), r.settings().target(),
                    build.engine, build.at, report));
        }
    }

    @Override
    public void failed(EngineException failure) {
        Started build = ended();
        if (build != null && failure.kind() != EngineException.Kind.CANCELLED) {
            BuildController.Request r = build.request;
            recorder.record(BuildRecord.failed(build.file, r.text(), r.settings().buildArgs(), r.settings().target(),
                    r.settings().builder(), build.engine, build.at, failure.getMessage(), build.failedLine));
        }
    }

    /** The build that just ended, when it can be kept; says once why an unsaved text's cannot. */
    private Started ended() {
        Started build = started;
        started = null;
        if (build == null || !recorder.enabled()) {
            return null;
        }
        if (build.file == null) {
            if (!unsavedSaid) {
                unsavedSaid = true;
                notice.accept(UNSAVED);
            }
            return null;
        }
        return build;
    }
}
