package dev.stagecraft.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the text, the analysis returns (never throws, never hangs) and every range it reports
 * lies inside the text: random Dockerfile-like text, mutated real Dockerfiles, binary junk, huge lines.
 */
class ParserPropertiesTest {
    static final List<String> PIECES = List.of("FROM ", "from ", "AS ", " as ", "RUN ", "COPY ", "ADD ", "ARG ",
            "ENV ", "ONBUILD ", "HEALTHCHECK ", "CMD ", "SHELL ", "LABEL ", "--from=", "--mount=", "type=cache,", "from=",
            "target=/x", "--link", "--chmod=755 ", "--", "=", "\\", "`", "\n", "\r\n", "\r", " ", "\t", "#", "# escape=`\n",
            "# syntax=x\n", "# check=skip=all;error=true\n", "\"", "'", "$", "${", "}", ":-", ":+", "#", "%%", "//", "[", "]", ",",
            "<<", "<<-", "EOF", "\nEOF\n", "3<<", "0", "1", "9", "builder", "Builder", "scratch", "alpine:3.20", "a/b@sha256:",
            "\uFEFF", "\u0000", "é", "\uD83D\uDE00", "\uD800");

    @Provide
    Arbitrary<String> dockerfileLike() {
        return Arbitraries.of(PIECES).list().ofMaxSize(120).map(l -> String.join("", l));
    }

    @Property(tries = 1500)
    void randomDockerfileLikeText(@ForAll("dockerfileLike") String text) {
        checkInvariants(text);
    }

    @Provide
    Arbitrary<String> mutatedRealFiles() {
        List<String> samples = samples();
        Arbitrary<String> sample = Arbitraries.of(samples);
        return Combinators.combine(sample, Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(PIECES), Arbitraries.integers().between(0, 3)).as((s, a, b, piece, op) -> {
                    int i = Math.min(a, s.length());
                    int j = Math.min(Math.max(i, b % (s.length() + 1)), s.length());
                    switch (op) {
                        case 0: return s.substring(0, i) + s.substring(j);
                        case 1: return s.substring(0, i) + piece + s.substring(i);
                        case 2: return s.substring(0, i) + s.substring(i, j) + s.substring(i);
                        default: return s.substring(0, i) + s.substring(i, j).toUpperCase() + s.substring(j);
                    }
                });
    }

    @Property(tries = 1500)
    void mutatedRealDockerfiles(@ForAll("mutatedRealFiles") String text) {
        checkInvariants(text);
    }

    @Property(tries = 300)
    void binaryJunk(@ForAll byte[] bytes) {
        checkInvariants(new String(bytes, StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void arbitraryUnicode(@ForAll String text) {
        checkInvariants(text);
    }

    @Property(tries = 6)
    void tenMegabyteSingleLines(@ForAll("hugeLinePrefix") String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        String unit = prefix.endsWith("${") ? "${" : prefix.contains("<<") ? "<<a " : "ab\"c $X 'd' ";
        while (b.length() < 10_000_000) {
            b.append(unit);
        }
        String text = b.toString();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> checkInvariants(text));
    }

    @Provide
    Arbitrary<String> hugeLinePrefix() {
        return Arbitraries.of("FROM ", "RUN ", "RUN <<", "COPY --from=", "ENV A=", "FROM ${", "# ", "LABEL a=\"");
    }

    static List<String> samples() {
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/golden"))) {
            List<String> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().toList()) {
                out.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void checkInvariants(String text) {
        Analysis a = DockerfileAnalyzer.analyze(text);
        int n = text.length();
        for (Diagnostic d : a.diagnostics()) {
            if (d.range() != null) {
                inside(d.range(), n, d.id());
            }
            d.related().forEach(r -> inside(r, n, d.id()));
        }
        int last = 0;
        for (Token t : a.parse().tokens()) {
            assertTrue(t.start() >= last && t.end() <= n, "token " + t + " outside or overlapping in " + n + " chars");
            last = t.end();
        }
        for (Instruction i : a.instructions()) {
            inside(i.range(), n, "instruction");
            inside(i.keywordRange(), n, "keyword");
        }
        for (Stage s : a.stages()) {
            inside(s.range(), n, "stage");
        }
        for (StageEdge e : a.graph().edges()) {
            inside(e.reference(), n, "edge");
        }
        assertEquals(a.stages().size(), a.stages().stream().map(Stage::index).distinct().count());
    }

    private static void inside(SourceRange r, int n, String what) {
        assertTrue(r.start() >= 0 && r.end() <= n && r.start() <= r.end(), what + " range " + r.start() + ".." + r.end()
                + " outside text of " + n);
    }
}
