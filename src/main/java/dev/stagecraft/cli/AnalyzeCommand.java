package dev.stagecraft.cli;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.AnalysisOptions;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagecraft analyze}: the headless analysis, as JSON, text, DOT or Mermaid. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Parse Dockerfiles into stages and their graph, and report problems. "
                + "Exit 0 when no error was found, 1 when one was, 2 for usage or I/O problems.")
public final class AnalyzeCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { json, text, dot, mermaid }

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", paramLabel = "NAME", description = "The stage to build (default: the last one).")
    private String target;

    @Option(names = "--build-arg", paramLabel = "K=V", description = "Set a build argument (repeatable).")
    private List<String> buildArgs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "json, text, dot or mermaid (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dockerfiles to analyze; '-' reads standard input.")
    private List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AnalysisOptions options = AnalysisOptions.defaults().withTarget(target)
                .withBuildArgs(BuildArgs.parse(buildArgs, spec.commandLine()));
        boolean many = files.size() > 1;
        int exit = 0;
        for (String file : files) {
            String text;
            try {
                text = read(file);
            } catch (IOException e) {
                err.println("stagecraft: cannot read " + file + ": " + reason(e));
                err.flush();
                exit = 2;
                continue;
            }
            Analysis analysis = DockerfileAnalyzer.analyze(text, options);
            if (analysis.hasErrors() && exit == 0) {
                exit = 1;
            }
            String name = file.equals("-") ? "<stdin>" : file;
            switch (format) {
                case json:
                    if (many) {
                        Map<String, Object> withFile = new LinkedHashMap<>();
                        withFile.put("file", name);
                        withFile.putAll(AnalysisJson.of(analysis));
                        out.println(Json.compact(withFile));
                    } else {
                        out.println(Json.pretty(AnalysisJson.of(analysis)));
                    }
                    break;
                case dot:
                    out.print(DotExport.of(analysis));
                    break;
                case mermaid:
                    out.print(MermaidExport.of(analysis));
                    break;
                default:
                    out.print(TextReport.of(name, analysis));
            }
            out.flush();
        }
        return exit;
    }

    static String read(String file) throws IOException {
        if (file.equals("-")) {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new IOException("is a directory");
        }
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
