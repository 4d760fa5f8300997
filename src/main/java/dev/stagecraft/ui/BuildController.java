package dev.stagecraft.ui;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.ImageCleanup;
import dev.stagecraft.engine.build.Workbench;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.util.Duration;

/**
 * Runs the window's builds: takes the editor's text (never changes it), the build settings and the
 * connected engine, runs {@link BuildRunner} on the engine executor, and hands what happens to the
 * views on the FX thread. Engine events are queued and drained by at most one pending FX task, so a
 * chatty build never floods the event queue. A newer build cancels the one in flight; so does an
 * edit while "rebuild while typing" is on, which then builds again after a quiet period.
 */
final class BuildController implements AutoCloseable {
    /** The quiet period after the last keystroke before a rebuild while typing. */
    static final Duration QUIET_PERIOD = Duration.millis(1500);

    /** What a build needs from the window at the moment it starts. */
    record Request(String text, Path dockerfile, BuildSettings settings, boolean withoutSyntaxDirective) {
    }

    /** Where results go: all called on the FX thread. */
    interface Views {
        /** A build starts: clear the last one's marks. */
        void started(Request request);

        /** A batch of events, in order. */
        void events(List<BuildEvent> events);

        /** The build succeeded. */
        void finished(BuildReport report);

        /** The build failed or was cancelled; the message is for the user. */
        void failed(EngineException failure);

        /** Both {@code first} and {@code then} receive every result, in that order. */
        static Views both(Views first, Views then) {
            return new Views() {
                @Override
                public void started(Request request) {
                    first.started(request);
                    then.started(request);
                }

                @Override
                public void events(List<BuildEvent> events) {
                    first.events(events);
                    then.events(events);
                }

                @Override
                public void finished(BuildReport report) {
                    first.finished(report);
                    then.finished(report);
                }

                @Override
                public void failed(EngineException failure) {
                    first.failed(failure);
                    then.failed(failure);
                }
            };
        }
    }

    private final Supplier<BuildEngine> engine;
    private final ExecutorService executor;
    private final Views views;
    private final Map<String, String> extraLabels;
    private final Queue<BuildEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper(false);
    private final PauseTransition quiet = new PauseTransition(QUIET_PERIOD);
    private Workbench workbench;
    private Cancellation current;
    private int generation;

    BuildController(Supplier<BuildEngine> engine, ExecutorService executor, Views views, Map<String, String> extraLabels) {
        this.engine = engine;
        this.executor = executor;
        this.views = views;
        this.extraLabels = Map.copyOf(extraLabels);
    }

    /** True while a build runs. */
    ReadOnlyBooleanProperty buildingProperty() {
        return building.getReadOnlyProperty();
    }

    /** Starts a build now, cancelling one in flight. FX thread. */
    void build(Request request) {
        quiet.stop();
        BuildEngine connected = engine.get();
        if (connected == null) {
            views.failed(new EngineException(EngineException.Kind.UNREACHABLE,
                    "No engine to build with: see the status bar for why, and click it to look again."));
            return;
        }
        cancel();
        Cancellation cancellation = new Cancellation();
        current = cancellation;
        int mine = ++generation;
        building.set(true);
        views.started(request);
        executor.execute(() -> run(connected, request, cancellation, mine));
    }

    /** Builds after the quiet period unless another request comes first; cancels the build in flight now. */
    void buildWhenQuiet(Supplier<Request> request) {
        cancel();
        quiet.setOnFinished(e -> build(request.get()));
        quiet.playFromStart();
    }

    /** Cancels the build in flight, if any. FX thread. */
    void cancel() {
        quiet.stop();
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    private void run(BuildEngine connected, Request request, Cancellation cancellation, int mine) {
        try {
            BuildReport report = workbench().runner(connected, extraLabels).run(new BuildRunner.Input(request.text(),
                    request.dockerfile(), request.settings(), request.withoutSyntaxDirective()), this::queue, cancellation);
            Platform.runLater(() -> {
                drain();
                if (mine == generation) {
                    building.set(false);
                    views.finished(report);
                }
            });
        } catch (EngineException e) {
            finishedWith(e, mine);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finishedWith(new EngineException(EngineException.Kind.CANCELLED, "The build was cancelled."), mine);
        } catch (IOException | RuntimeException e) {
            finishedWith(new EngineException(EngineException.Kind.REFUSED, "The build could not run: " + e.getMessage(), e),
                    mine);
        }
    }

    private void finishedWith(EngineException failure, int mine) {
        Platform.runLater(() -> {
            drain();
            if (mine == generation) {
                building.set(false);
                views.failed(failure);
            }
        });
    }

    private synchronized Workbench workbench() throws IOException {
        if (workbench == null) {
            workbench = Workbench.create();
        }
        return workbench;
    }

    private void queue(BuildEvent event) {
        pending.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<BuildEvent> batch = new ArrayList<>();
        for (BuildEvent e = pending.poll(); e != null; e = pending.poll()) {
            batch.add(e);
        }
        if (!batch.isEmpty()) {
            views.events(batch);
        }
    }

    /** Removes every image Stagecraft made; {@code done} gets the sentence to show. */
    void cleanUp(Consumer<String> done) {
        BuildEngine connected = engine.get();
        if (connected == null) {
            done.accept("No engine to clean up: see the status bar.");
            return;
        }
        executor.execute(() -> {
            String message;
            try {
                int removed = ImageCleanup.removeAllOwned(connected);
                message = "Removed " + removed + (removed == 1 ? " image" : " images") + " Stagecraft had built.";
            } catch (EngineException e) {
                message = e.getMessage();
            }
            String shown = message;
            Platform.runLater(() -> done.accept(shown));
        });
    }

    @Override
    public void close() {
        cancel();
        synchronized (this) {
            if (workbench != null) {
                workbench.close();
            }
        }
    }
}
