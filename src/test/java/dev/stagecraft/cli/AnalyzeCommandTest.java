package dev.stagecraft.cli;

import static dev.stagecraft.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void cleanFileExitsZeroWithJsonContract() throws Exception {
        Path f = file("Dockerfile", "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n");
        CliRun r = run("analyze", "--format", "json", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"target\": 1"), r.out());
        assertTrue(r.out().contains("\"kind\": \"copy\""), r.out());
        assertTrue(r.out().contains("\"sources\": [\"/app\"]"), r.out());
    }

    @Test
    void errorDiagnosticExitsOne() throws Exception {
        Path f = file("Dockerfile", "FROM alpine\nCOPY --form=x a b\n");
        CliRun r = run("analyze", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains(":2:6: error: Unknown flag --form"), r.out());
    }

    @Test
    void warningsAloneExitZero() throws Exception {
        Path f = file("Dockerfile", "FROM alpine AS Build\n");
        assertEquals(0, run("analyze", f.toString()).exit());
    }

    @Test
    void unreadableFileIsOneLineAndExitTwo() {
        CliRun r = run("analyze", dir.resolve("missing").toString());
        assertEquals(2, r.exit());
        assertEquals("stagecraft: cannot read " + dir.resolve("missing") + ": no such file", r.err().strip());
    }

    @Test
    void directoryIsAnIoProblem() {
        CliRun r = run("analyze", dir.toString());
        assertEquals(2, r.exit());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void usageProblemsExitTwo() {
        assertEquals(2, run("analyze").exit());
        assertEquals(2, run("analyze", "--format", "yaml", "x").exit());
        assertEquals(2, run("analyze", "--build-arg", "=v", "x").exit());
    }

    @Test
    void severalFilesPrintOneJsonObjectPerLineWithFile() throws Exception {
        Path a = file("a.Dockerfile", "FROM alpine\n");
        Path b = file("b.Dockerfile", "FROM alpine\nFORM x\n");
        CliRun r = run("analyze", "--format", "json", a.toString(), b.toString());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("{\"file\":\"" + a + "\""), lines[0]);
        assertTrue(lines[1].contains("\"unknown-instruction\""), lines[1]);
        assertEquals(1, r.exit());
    }

    @Test
    void targetAndBuildArgsApply() throws Exception {
        Path f = file("Dockerfile", "ARG V=1\nFROM alpine:${V} AS a\nFROM a AS b\nFROM alpine AS c\n");
        CliRun r = run("analyze", "--format", "json", "--target", "b", "--build-arg", "V=3.20", f.toString());
        assertTrue(r.out().contains("\"base\": \"alpine:3.20\""), r.out());
        assertTrue(r.out().contains("\"target\": 1"), r.out());
        CliRun unknown = run("analyze", "--target", "nope", f.toString());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.out().contains("Target stage 'nope' could not be found"), unknown.out());
    }

    @Test
    void dashReadsStandardInput() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("FROM alpine AS x\nFROM x\n".getBytes(StandardCharsets.UTF_8)));
            CliRun r = run("analyze", "--format", "json", "-");
            assertEquals(0, r.exit());
            assertTrue(r.out().contains("\"baseStage\": 0"), r.out());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void mermaidDrawsKindsApartAndDimsUnneededStages() throws Exception {
        Path f = file("Dockerfile", "FROM node:20 AS build\nFROM node:20 AS test\nFROM nginx\n"
                + "COPY --from=build /app/dist /usr/share/nginx/html\nRUN --mount=from=build,target=/m true\n");
        String out = run("analyze", "--format", "mermaid", f.toString()).out();
        assertTrue(out.startsWith("flowchart LR\n"), out);
        assertTrue(out.contains("s0 == \"/app/dist → /usr/share/nginx/html\" ==> s2"), out);
        assertTrue(out.contains("s0 -. \"mount / → /m\" .-> s2"), out);
        assertTrue(out.contains("i0 --> s0"), out);
        assertTrue(out.contains("class s1 unreachable"), out);
    }

    @Test
    void dotIsAcceptedByGraphviz() throws Exception {
        Path f = file("Dockerfile", "FROM golang:1.22 AS build\nRUN --mount=type=cache,target=/root/.cache go build\n"
                + "FROM build AS \"test\"\nFROM scratch\nCOPY --from=build \"/a b\" /\nCOPY --from=nginx:1 /etc/x /x\n");
        String dot = run("analyze", "--format", "dot", f.toString()).out();
        assertTrue(dot.contains("style=\"rounded,filled,dashed\""), "unneeded stage dimmed:\n" + dot);
        assertTrue(dot.contains("i1 -> s2 [color=\"#1f6feb\""), "copy from an external image:\n" + dot);
        Path dotFile = file("graph.dot", dot);
        Process p = new ProcessBuilder("dot", "-Tsvg", dotFile.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("<svg"), output);
    }
}
