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
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code build} and {@code compare} share: the engine the docker CLI would use, the builder
 * chosen the same way, one workbench for every build of the run (so a second build reuses what the
 * first listed), progress on standard error, Ctrl+C cancelling the build, and the exit codes of
 * docs/cli.md: 0 done, 1 a build failed or was refused, 2 usage or I/O, 3 no usable engine.
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

    private EngineBuilds(BuildEngine engine, Workbench bench, EngineInfo info, BuilderKind builder, PrintWriter err,
                         boolean log) {
        this.engine = engine;
        this.bench = bench;
        this.info = info;
        this.builder = builder;
        this.err = err;
        this.log = log;
    }

    /**
     * Connects, chooses the builder ({@code builderId}, or BuildKit when the engine offers it) and runs
     * {@code work}; an engine failure, a bad argument or an I/O problem becomes its exit code and a
     * sentence on {@code err}.
     */
    static int run(String builderId, boolean log, PrintWriter err, Work work) throws InterruptedException {
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
            return work.run(new EngineBuilds(engine, bench, info, kind, err, log));
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
        try {
            return bench.runner(engine, Map.of()).run(
                    new BuildRunner.Input(text, file.toAbsolutePath(), settings, withoutSyntaxDirective),
                    new ProgressPrinter(err, log), cancellation);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting because of Ctrl+C: the hook has cancelled the build.
            }
        }
    }

    /** Progress on standard error: phases, each finished step, and the failing line in words. */
    private static final class ProgressPrinter implements java.util.function.Consumer<BuildEvent> {
        private final PrintWriter err;
        private final boolean log;

        ProgressPrinter(PrintWriter err, boolean log) {
            this.err = err;
            this.log = log;
        }

        @Override
        public void accept(BuildEvent event) {
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
