package dev.stagecraft.cli;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.EngineEndpoints;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.EngineInfo;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.Workbench;
import dev.stagecraft.engine.docker.DockerBuildEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagecraft build}: builds a Dockerfile against the engine the docker CLI would use, with the
 * window's code path, and prints per-stage and per-layer sizes and the files on each edge.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build a Dockerfile and report per-stage and per-layer sizes and the files each COPY --from"
                + " carried. Exit 0 when built, 1 when the build failed (the failing line is printed), 2 for usage"
                + " or I/O problems, 3 when the engine cannot be used.")
public final class BuildCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, json }

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage to build (default: the last one).")
    private String target;

    @Option(names = "--build-arg", paramLabel = "K=V", description = "Set a build argument (repeatable).")
    private List<String> buildArgs = new ArrayList<>();

    @Option(names = "--context", paramLabel = "DIR", description = "The build context (default: the Dockerfile's folder).")
    private Path context;

    @Option(names = "--builder", paramLabel = "BUILDER",
            description = "buildkit or classic (default: buildkit when the engine offers it).")
    private String builder;

    @Option(names = "--no-cache", description = "Do not use the build cache.")
    private boolean noCache;

    @Option(names = "--without-syntax-directive",
            description = "Build with the engine's built-in Dockerfile frontend: send the file with its # syntax= line"
                    + " blanked (line numbers stay).")
    private boolean withoutSyntaxDirective;

    @Option(names = "--log", description = "Print the build's output lines to standard error.")
    private boolean log;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Parameters(arity = "1", paramLabel = "FILE", description = "The Dockerfile to build.")
    private Path file;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = AnalyzeCommand.read(file.toString());
        } catch (IOException e) {
            err.println("stagecraft: cannot read " + file + ": " + AnalyzeCommand.reason(e));
            return 2;
        }
        Path folder = context != null ? context : file.toAbsolutePath().getParent();
        EngineEndpoints.Resolution where = EngineEndpoints.resolve();
        if (where.endpoint() == null) {
            err.println("stagecraft: " + where.problem());
            return 3;
        }
        try (BuildEngine engine = new DockerBuildEngine(where.endpoint()); Workbench bench = Workbench.create()) {
            EngineInfo info = engine.info();
            BuilderKind kind = builder != null ? BuilderKind.fromId(builder)
                    : info.buildKitOffered() ? BuilderKind.BUILDKIT : BuilderKind.CLASSIC;
            if (kind == BuilderKind.BUILDKIT && !info.buildKitOffered()) {
                err.println("stagecraft: the engine at " + info.endpoint().host() + " does not offer BuildKit;"
                        + " use --builder classic");
                return 3;
            }
            err.println("Building " + file + " with " + kind.id() + " on " + info.summary());
            BuildSettings settings = new BuildSettings(folder, target, BuildArgs.parse(buildArgs, spec.commandLine()),
                    noCache, kind, false);
            ProgressPrinter progress = new ProgressPrinter(err, log);
            Cancellation cancellation = new Cancellation();
            Thread hook = new Thread(cancellation::cancel, "stagecraft-cancel-build");
            Runtime.getRuntime().addShutdownHook(hook);
            BuildReport report;
            try {
                report = bench.runner(engine, java.util.Map.of()).run(
                        new BuildRunner.Input(text, file.toAbsolutePath(), settings, withoutSyntaxDirective),
                        progress, cancellation);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is exiting because of Ctrl+C: the hook has cancelled the build.
                }
            }
            if (format == Format.json) {
                out.println(Json.pretty(BuildJson.of(file.toString(), report)));
            } else {
                out.print(BuildText.of(file.toString(), report));
            }
            out.flush();
            return 0;
        } catch (EngineException e) {
            switch (e.kind()) {
                case BUILD_FAILED:
                case REFUSED:
                case CANCELLED:
                    err.println("stagecraft: " + e.getMessage());
                    return 1;
                default:
                    err.println("stagecraft: " + e.getMessage());
                    return 3;
            }
        } catch (IllegalArgumentException e) {
            err.println("stagecraft: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("stagecraft: cannot make a work folder for the build: " + e.getMessage());
            return 2;
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
