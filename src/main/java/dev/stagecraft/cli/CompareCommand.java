package dev.stagecraft.cli;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.compare.ComparedBuild;
import dev.stagecraft.compare.ComparisonMarkdown;
import dev.stagecraft.compare.ComparisonText;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.history.HistoryFolders;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagecraft compare}: builds two Dockerfiles the way {@code stagecraft build} does (same
 * engine, builder and work folder) and reports B against A: final sizes, stages, layers, and the
 * files A's final image holds that B's does not.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Build two Dockerfiles and compare them: final sizes, stages side by side, the layers that changed,"
                + " and the files A ships that B leaves behind. Exit codes as build: 0 when both built, 1 when a build"
                + " failed, 2 for usage or I/O problems, 3 when the engine cannot be used.")
public final class CompareCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, json, markdown }

    @Spec
    private CommandSpec spec;

    @Option(names = "--context", paramLabel = "DIR",
            description = "The build context of both files (default: each Dockerfile's folder).")
    private Path context;

    @Option(names = "--builder", paramLabel = "BUILDER",
            description = "buildkit or classic (default: buildkit when the engine offers it).")
    private String builder;

    @Option(names = "--no-history", description = "Do not record these builds in the build history.")
    private boolean noHistory;

    @Option(names = "--log", description = "Print the builds' output lines to standard error.")
    private boolean log;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Parameters(index = "0", paramLabel = "FILE_A", description = "The Dockerfile to compare with (A).")
    private Path fileA;

    @Parameters(index = "1", paramLabel = "FILE_B", description = "The Dockerfile compared (B).")
    private Path fileB;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String textA;
        String textB;
        try {
            textA = AnalyzeCommand.read(fileA.toString());
        } catch (IOException e) {
            err.println("stagecraft: cannot read " + fileA + ": " + AnalyzeCommand.reason(e));
            return EngineBuilds.USAGE;
        }
        try {
            textB = AnalyzeCommand.read(fileB.toString());
        } catch (IOException e) {
            err.println("stagecraft: cannot read " + fileB + ": " + AnalyzeCommand.reason(e));
            return EngineBuilds.USAGE;
        }
        return EngineBuilds.run(builder, log, noHistory ? null : HistoryFolders.defaultDataFolder(), err, builds -> {
            BuildReport a = build(builds, "A", fileA, textA, err);
            BuildReport b = build(builds, "B", fileB, textB, err);
            BuildComparison comparison = BuildComparison.of(new ComparedBuild(fileA.toString(), textA, a),
                    new ComparedBuild(fileB.toString(), textB, b));
            switch (format) {
                case json -> out.println(Json.pretty(ComparisonJson.of(comparison)));
                case markdown -> out.print(ComparisonMarkdown.of(comparison));
                default -> out.print(ComparisonText.of(comparison));
            }
            out.flush();
            return EngineBuilds.DONE;
        });
    }

    private BuildReport build(EngineBuilds builds, String side, Path file, String text, PrintWriter err)
            throws InterruptedException {
        err.println("Building " + side + " (" + file + ") with " + builds.builder().id() + " on " + builds.engineSummary());
        Path folder = context != null ? context : file.toAbsolutePath().getParent();
        BuildSettings settings = new BuildSettings(folder, null, Map.of(), false, builds.builder(), false);
        try {
            return builds.build(file, text, settings, false);
        } catch (EngineException e) {
            // Say which of the two files failed; the kind keeps the exit code.
            throw new EngineException(e.kind(), side + " (" + file + "): " + e.getMessage(), e);
        }
    }
}
