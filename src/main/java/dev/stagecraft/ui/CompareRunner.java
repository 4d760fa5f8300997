package dev.stagecraft.ui;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.compare.ComparedBuild;
import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.Workbench;
import dev.stagecraft.io.TextFile;
import dev.stagecraft.io.UnreadableFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Builds two Dockerfiles one after the other against the same context, with the window's code path
 * ({@link BuildRunner}) on the engine executor, and compares them. Progress, the comparison and any
 * failure come back on the FX thread; a failure is a sentence saying which side failed (and, when a
 * base image is missing, which one and that it cannot be pulled here). Cancellable; a newer
 * comparison cancels the one in flight.
 */
final class CompareRunner implements AutoCloseable {

    /**
     * One side: a name for people, the Dockerfile's text (null: read {@code dockerfile} from disk off
     * the FX thread) and its file (null for an unsaved text).
     */
    record Side(String label, String text, Path dockerfile) {
        Side {
            Objects.requireNonNull(label, "label");
            if (text == null && dockerfile == null) {
                throw new IllegalArgumentException("a side needs a text or a file to read: " + label);
            }
        }
    }

    /** What the FX thread hears: all called on the FX thread, and only for the newest comparison. */
    interface Listener {
        /** A phase of one side's build: "A (Dockerfile.single): Building ...". */
        void progress(String sentence);

        void compared(BuildComparison comparison);

        /** The comparison could not be made; the message is for the user. */
        void failed(String sentence);
    }

    private final Supplier<BuildEngine> engine;
    private final ExecutorService executor;
    private final Map<String, String> extraLabels;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private Workbench workbench;
    private Cancellation current;
    private int generation;

    CompareRunner(Supplier<BuildEngine> engine, ExecutorService executor, Map<String, String> extraLabels) {
        this.engine = engine;
        this.executor = executor;
        this.extraLabels = Map.copyOf(extraLabels);
    }

    /** True while a comparison runs. */
    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Builds A then B with {@code settings} (A's target is its last stage: the settings' target names
     * a stage of B's file) and compares them. FX thread.
     */
    void compare(Side a, Side b, BuildSettings settings, Listener listener) {
        BuildEngine connected = engine.get();
        if (connected == null) {
            listener.failed("No engine to build with: see the status bar for why, and click it to look again.");
            return;
        }
        cancel();
        Cancellation cancellation = new Cancellation();
        current = cancellation;
        int mine = ++generation;
        running.set(true);
        BuildSettings settingsA = new BuildSettings(settings.contextFolder(), null, settings.buildArgs(), settings.noCache(),
                settings.builder(), false);
        try {
            executor.execute(() -> run(connected, a, settingsA, b, settings, cancellation, mine, listener));
        } catch (RejectedExecutionException closing) {
            running.set(false);
        }
    }

    /** Cancels the comparison in flight, if any. FX thread. */
    void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    private void run(BuildEngine connected, Side a, BuildSettings settingsA, Side b, BuildSettings settingsB,
                     Cancellation cancellation, int mine, Listener listener) {
        try {
            ComparedBuild builtA = build(connected, "A", a, settingsA, cancellation, mine, listener);
            ComparedBuild builtB = build(connected, "B", b, settingsB, cancellation, mine, listener);
            BuildComparison comparison = BuildComparison.of(builtA, builtB);
            onFx(mine, () -> listener.compared(comparison));
        } catch (SideFailure e) {
            onFx(mine, () -> listener.failed(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onFx(mine, () -> listener.failed("The comparison was cancelled."));
        }
    }

    private ComparedBuild build(BuildEngine connected, String name, Side side, BuildSettings settings,
                                Cancellation cancellation, int mine, Listener listener)
            throws InterruptedException, SideFailure {
        String who = name + " (" + side.label() + ")";
        String text = side.text();
        if (text == null) {
            try {
                text = TextFile.read(side.dockerfile()).text();
            } catch (UnreadableFileException e) {
                throw new SideFailure("Could not read " + who + ": " + e.getMessage());
            }
        }
        Consumer<BuildEvent> events = event -> {
            if (event instanceof BuildEvent.PhaseChanged phase) {
                Platform.runLater(() -> {
                    if (mine == generation && running.get()) {
                        listener.progress("Comparing: " + who + ": " + phase.description());
                    }
                });
            }
        };
        try {
            BuildReport report = workbench().runner(connected, extraLabels).run(new BuildRunner.Input(text,
                    side.dockerfile() == null ? null : side.dockerfile().toAbsolutePath(), settings, false), events,
                    cancellation);
            return new ComparedBuild(side.label(), text, report);
        } catch (EngineException e) {
            if (e.kind() == EngineException.Kind.CANCELLED) {
                throw new SideFailure("The comparison was cancelled.");
            }
            throw new SideFailure(MissingImages.explain(who, e, text, settings.buildArgs(), connected));
        } catch (IOException | RuntimeException e) {
            throw new SideFailure(who + " could not be built: " + e.getMessage());
        }
    }

    private void onFx(int mine, Runnable action) {
        Platform.runLater(() -> {
            if (mine == generation) {
                running.set(false);
                current = null;
                action.run();
            }
        });
    }

    private synchronized Workbench workbench() throws IOException {
        if (workbench == null) {
            workbench = Workbench.create();
        }
        return workbench;
    }

    /** A side could not be built or read; the message is the sentence to show. */
    private static final class SideFailure extends Exception {
        private static final long serialVersionUID = 1L;

        SideFailure(String message) {
            super(message);
        }
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
