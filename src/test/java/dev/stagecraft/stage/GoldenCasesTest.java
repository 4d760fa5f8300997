package dev.stagecraft.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.cli.AnalysisJson;
import dev.stagecraft.cli.Json;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases: a folder per case with a {@code Dockerfile}, optional {@code args} (--target,
 * --build-arg), {@code expected-diagnostics.txt} (id, severity and line:column of every error and
 * warning, written by hand) and {@code expected.json} (the analyze JSON, reviewed). The bundled
 * examples are golden cases too. Run with {@code -Dgolden.update=true} to rewrite expected.json
 * after a deliberate change, then review the diff.
 */
class GoldenCasesTest {
    private static final Path CASES = Path.of("src/test/resources/golden");
    private static final Path EXAMPLES = Path.of("assets/examples");
    private static final Path EXAMPLE_EXPECTATIONS = Path.of("src/test/resources/golden-examples");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<Path> dirs = folders(CASES);
        assertTrue(dirs.size() >= 60, "at least 60 golden cases, found " + dirs.size());
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                () -> check(dir.resolve("Dockerfile"), dir, dir.resolve("expected.json"))));
    }

    @TestFactory
    Stream<DynamicTest> bundledExamples() throws IOException {
        List<Path> dirs = folders(EXAMPLES);
        assertTrue(dirs.size() >= 8, "at least 8 bundled examples, found " + dirs.size());
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Path expected = EXAMPLE_EXPECTATIONS.resolve(dir.getFileName().toString());
            check(dir.resolve("Dockerfile"), expected, expected.resolve("expected.json"));
        }));
    }

    private static List<Path> folders(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static void check(Path dockerfile, Path expectations, Path expectedJson) throws IOException {
        String text = new String(Files.readAllBytes(dockerfile), StandardCharsets.UTF_8);
        AnalysisOptions options = options(expectations.resolve("args"));
        Analysis analysis = DockerfileAnalyzer.analyze(text, options);

        Path diagnosticsFile = expectations.resolve("expected-diagnostics.txt");
        List<String> actualDiagnostics = new ArrayList<>();
        for (Diagnostic d : analysis.diagnostics()) {
            if (d.severity() != Severity.INFO) {
                actualDiagnostics.add(d.id() + " " + d.severity().label() + " " + d.position());
            }
        }
        if (UPDATE && !Files.exists(diagnosticsFile)) {
            Files.createDirectories(expectations);
            Files.writeString(diagnosticsFile, actualDiagnostics.isEmpty() ? "" : String.join("\n", actualDiagnostics) + "\n");
        }
        List<String> expectedDiagnostics = Files.readAllLines(diagnosticsFile).stream()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertEquals(String.join("\n", expectedDiagnostics), String.join("\n", actualDiagnostics),
                "diagnostics of " + dockerfile + "\n" + messages(analysis));

        String json = Json.pretty(AnalysisJson.of(analysis)) + "\n";
        if (UPDATE) {
            Files.writeString(expectedJson, json);
        }
        assertTrue(Files.exists(expectedJson), "missing " + expectedJson + " (run once with -Dgolden.update=true and review)");
        assertEquals(Files.readString(expectedJson), json, "analyze JSON of " + dockerfile);
    }

    private static String messages(Analysis analysis) {
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : analysis.diagnostics()) {
            b.append("  ").append(d.position()).append(' ').append(d.id()).append(": ").append(d.message()).append('\n');
        }
        return b.toString();
    }

    static AnalysisOptions options(Path argsFile) throws IOException {
        AnalysisOptions options = AnalysisOptions.defaults();
        if (!Files.exists(argsFile)) {
            return options;
        }
        String[] words = Files.readString(argsFile).trim().split("\\s+");
        Map<String, String> buildArgs = new LinkedHashMap<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--target")) {
                options = options.withTarget(words[++i]);
            } else if (words[i].equals("--build-arg")) {
                String kv = words[++i];
                int eq = kv.indexOf('=');
                buildArgs.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (!words[i].isEmpty()) {
                throw new IllegalArgumentException("unknown word in " + argsFile + ": " + words[i]);
            }
        }
        return options.withBuildArgs(buildArgs);
    }
}
