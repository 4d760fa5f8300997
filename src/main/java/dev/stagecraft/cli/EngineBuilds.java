package dev.stagecraft.cli;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.EngineEndpoints;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.EngineInfo;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.Workbench;
import dev.stagecraft.engine.docker.DockerBuildEngine;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.history.HistoryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code build} and {@code compare} share: the engine the docker CLI would use, the builder
 * chosen the same way, one workbench for every build of the run (so a second build reuses what the
 * first listed), progress on standard error, Ctrl+C cancelling the build, and the exit codes of
 * docs/cli.md: 0 done, 1 a build failed or was refused, 2 usage or I/O, 3 no usable engine. Every
 * build that ends (but for a cancelled one) is recorded in the history of its Dockerfile, as the
 * window's builds are, unless the data folder given is null ({@code --no-history}); a history problem
 * is said once on standard error and never changes the exit code.
 */
final class EngineBuilds {
    static final int DONE = 0;
    static final int BUILD_FAILED = 1;
    static final int USAGE = 2;
    static final int NO_ENGINE = 3;

    /** What to do once connected; returns the exit code. */
    interface Work {
        int run(EngineBuilds builds) throws InterruptedException;
    }

    private final BuildEngine engine;
    private final Workbench bench;
    private final EngineInfo info;
    private final BuilderKind builder;
    private final PrintWriter err;
    private final boolean log;
    private final Path historyData;
    private final Map<Path, HistoryStore> histories = new HashMap<>();
    private final Map<Path, String> said = new HashMap<>();

    private EngineBuilds(BuildEngine engine, Workbench bench, EngineInfo info, BuilderKind builder, PrintWriter err,
                         boolean log, Path historyData) {
        this.engine = engine;
        this.bench = bench;
        this.info = info;
        this.builder = builder;
        this.err = err;
        this.log = log;
        this.historyData = historyData;
    }

    /**
     * Connects, chooses the builder ({@code builderId}, or BuildKit when the engine offers it) and runs
     * {@code work}; an engine failure, a bad argument or an I/O problem becomes its exit code and a
     * sentence on {@code err}. Builds are recorded in the history under {@code historyData}, or nowhere
     * when it is null.
     */
    static int run(String builderId, boolean log, Path historyData, PrintWriter err, Work work) throws InterruptedException {
        EngineEndpoints.Resolution where = EngineEndpoints.resolve();
        if (where.endpoint() == null) {
            err.println("stagecraft: " + where.problem());
            return NO_ENGINE;
        }
        try (BuildEngine engine = new DockerBuildEngine(where.endpoint()); Workbench bench = Workbench.create()) {
            EngineInfo info = engine.info();
            BuilderKind kind = builderId != null ? BuilderKind.fromId(builderId)
                    : info.buildKitOffered() ? BuilderKind.BUILDKIT : BuilderKind.CLASSIC;
            if (kind == BuilderKind.BUILDKIT && !info.buildKitOffered()) {
                err.println("stagecraft: the engine at " + info.endpoint().host() + " does not offer BuildKit;"
                        + " use --builder classic");
                return NO_ENGINE;
            }
            EngineBuilds builds = new EngineBuilds(engine, bench, info, kind, err, log, historyData);
            try {
                return work.run(builds);
            } finally {
                builds.histories.values().forEach(HistoryStore::close);
            }
        } catch (EngineException e) {
            err.println("stagecraft: " + e.getMessage());
            switch (e.kind()) {
                case BUILD_FAILED:
                case REFUSED:
                case CANCELLED:
                    return BUILD_FAILED;
                default:
                    return NO_ENGINE;
            }
        } catch (IllegalArgumentException e) {
            err.println("stagecraft: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("stagecraft: cannot make a work folder for the build: " + e.getMessage());
            return USAGE;
        }
    }

    BuilderKind builder() {
        return builder;
    }

    /** The engine in words, for the "Building ..." line. */
    String engineSummary() {
        return info.summary();
    }

    /** Builds {@code text} (the Dockerfile {@code file}) with the window's code path, progress on standard error. */
    BuildReport build(Path file, String text, BuildSettings settings, boolean withoutSyntaxDirective)
            throws InterruptedException {
        Cancellation cancellation = new Cancellation();
        Thread hook = new Thread(cancellation::cancel, "stagecraft-cancel-build");
        Runtime.getRuntime().addShutdownHook(hook);
        Instant startedAt = Instant.now();
        ProgressPrinter progress = new ProgressPrinter(err, log);
        Path absolute = file.toAbsolutePath();
        try {
            BuildReport report = bench.runner(engine, Map.of()).run(
                    new BuildRunner.Input(text, absolute, settings, withoutSyntaxDirective), progress, cancellation);
            record(BuildRecord.succeeded(absolute, text, settings.buildArgs(), settings.target(), engineVersion(), startedAt, report));
            return report;
        } catch (EngineException e) {
            if (e.kind() != EngineException.Kind.CANCELLED) {
                record(BuildRecord.failed(absolute, text, settings.buildArgs(), settings.target(), settings.builder(), engineVersion(),
                        startedAt, e.getMessage(), progress.failedLine));
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting because of Ctrl+C: the hook has cancelled the build.
            }
        }
    }

    /** "Docker 20.10.24 (API 1.41)": the engine as the history keeps it. */
    private String engineVersion() {
        return "Docker " + info.engineVersion() + " (API " + info.apiVersion() + ")";
    }

    /** Keeps {@code record} in its Dockerfile's history; a problem with the history is said once, never thrown. */
    private void record(BuildRecord record) {
        if (historyData == null) {
            return;
        }
        HistoryStore store = histories.computeIfAbsent(record.dockerfile(), f -> HistoryStore.open(historyData, f));
        store.record(record);
        store.problem().ifPresent(all -> {
            String before = said.getOrDefault(record.dockerfile(), "");
            if (!all.equals(before)) {
                said.put(record.dockerfile(), all);
                err.println("stagecraft: " + (all.startsWith(before) ? all.substring(before.length()).strip() : all));
                err.flush();
            }
        });
    }

    /** Progress on standard error: phases, each finished step, and the failing line in words. */
    private static final class ProgressPrinter implements java.util.function.Consumer<BuildEvent> {
        private final PrintWriter err;
        private final boolean log;
        /** The line of the step that failed, for the history; null while none has. */
        private Integer failedLine;

        ProgressPrinter(PrintWriter err, boolean log) {
            this.err = err;
            this.log = log;
        }

        @Override
        public void accept(BuildEvent event) {
            if (event instanceof BuildEvent.StepChanged failed && failed.state() == StepState.FAILED && failed.line() > 0) {
                failedLine = failed.line();
            }
            if (event instanceof BuildEvent.PhaseChanged phase) {
                err.println(phase.description());
            } else if (event instanceof BuildEvent.StepChanged step && step.state().finished()
                    && step.state() != StepState.SKIPPED && step.line() > 0) {
                err.println("  line " + step.line() + "  " + step.state().name().toLowerCase(java.util.Locale.ROOT)
                        + (step.state() == StepState.DONE ? "  " + step.elapsed().toMillis() + " ms" : "")
                        + (step.error() != null ? "  " + step.error() : ""));
            } else if (log && event instanceof BuildEvent.LogLine line) {
                err.println("  | " + line.text());
            }
            err.flush();
        }
    }
}
