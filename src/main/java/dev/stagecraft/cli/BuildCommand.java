package dev.stagecraft.cli;

import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.ContextTar;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.history.HistoryFolders;
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

    @Option(names = "--no-history", description = "Do not record this build in the build history.")
    private boolean noHistory;

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
            return EngineBuilds.USAGE;
        }
        Path folder = context != null ? context : file.toAbsolutePath().getParent();
        try {
            // Before the engine is asked: an unreadable context is the user's to fix, whatever engine runs.
            ContextTar.check(folder, file.toAbsolutePath());
        } catch (EngineException e) {
            err.println("stagecraft: " + e.getMessage());
            return EngineBuilds.USAGE;
        }
        return EngineBuilds.run(builder, log, noHistory ? null : HistoryFolders.defaultDataFolder(), err, builds -> {
            err.println("Building " + file + " with " + builds.builder().id() + " on " + builds.engineSummary());
            BuildSettings settings = new BuildSettings(folder, target, BuildArgs.parse(buildArgs, spec.commandLine()),
                    noCache, builds.builder(), false);
            BuildReport report = builds.build(file, text, settings, withoutSyntaxDirective);
            if (format == Format.json) {
                out.println(Json.pretty(BuildJson.of(file.toString(), report)));
            } else {
                out.print(BuildText.of(file.toString(), report));
            }
            out.flush();
            return EngineBuilds.DONE;
        });
    }
}
