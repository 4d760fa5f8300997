package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.stage.Stage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is sent to the engine differs only where a build needs it, and never moves a line. */
class DockerfileRewritesTest {

    private static long lines(String text) {
        return text.chars().filter(c -> c == '\n').count();
    }

    @Test
    void syntaxDirective_isBlankedAndTheLinesStay() {
        String text = "# syntax=docker/dockerfile:1\n# check=error=true\nFROM alpine\nRUN echo hi\n";
        String sent = DockerfileRewrites.withoutSyntaxDirective(text, DockerfileAnalyzer.analyze(text));
        assertEquals(lines(text), lines(sent));
        assertEquals("FROM alpine", sent.split("\n")[2]);
        assertTrue(DockerfileAnalyzer.analyze(sent).parse().directives().stream().noneMatch(d -> d.name().equals("syntax")), sent);
        assertTrue(DockerfileAnalyzer.analyze(sent).parse().directives().stream().anyMatch(d -> d.name().equals("check")),
                "the other directives stay: " + sent);
    }

    @Test
    void syntaxDirectiveAfterEscape_keepsTheEscape_andCrlf() {
        String text = "# escape=`\r\n# syntax=docker/dockerfile:1\r\nFROM alpine\r\nRUN echo a `\r\n  b\r\n";
        String sent = DockerfileRewrites.withoutSyntaxDirective(text, DockerfileAnalyzer.analyze(text));
        assertEquals("# escape=`\r\n\r\nFROM alpine\r\nRUN echo a `\r\n  b\r\n", sent);
        assertEquals('`', DockerfileAnalyzer.analyze(sent).parse().escape());
    }

    @Test
    void noSyntaxDirective_leavesTheTextAlone() {
        String text = "FROM alpine\n# syntax=later/is/a/comment\n";
        assertEquals(text, DockerfileRewrites.withoutSyntaxDirective(text, DockerfileAnalyzer.analyze(text)));
    }

    @Test
    void unnamedStages_getNamesOnTheirOwnFromLine() {
        String text = "FROM golang:1.22 AS build\nRUN go build\n\nFROM --platform=linux/amd64 \\\n  alpine:3.20\n"
                + "COPY --from=build /app /app\nFROM scratch\nCOPY --from=1 /app /app\n";
        DockerfileRewrites.Rewritten r = DockerfileRewrites.withStageNames(text, DockerfileAnalyzer.analyze(text));
        assertEquals(lines(text), lines(r.text()));
        assertEquals(Map.of(0, "build", 1, "stagecraft-stage-1", 2, "stagecraft-stage-2"), r.stageNames());
        assertTrue(r.text().contains("  alpine:3.20 AS stagecraft-stage-1\n"), r.text());
        Analysis again = DockerfileAnalyzer.analyze(r.text());
        for (Stage s : again.stages()) {
            assertEquals(r.stageNames().get(s.index()), s.name());
            assertEquals(DockerfileAnalyzer.analyze(text).stages().get(s.index()).line(), s.line(), "no line moves");
        }
        assertEquals(DockerfileAnalyzer.analyze(text).graph().edges().size(), again.graph().edges().size());
    }

    @Test
    void generatedNames_avoidNamesTheFileUses_andFollowTheKeywordsCase() {
        String text = "from alpine\nfrom alpine as stagecraft-stage-0\n";
        DockerfileRewrites.Rewritten r = DockerfileRewrites.withStageNames(text, DockerfileAnalyzer.analyze(text));
        assertEquals("stagecraft-stage-0-2", r.stageNames().get(0));
        assertEquals("from alpine as stagecraft-stage-0-2\nfrom alpine as stagecraft-stage-0\n", r.text());
    }
}
