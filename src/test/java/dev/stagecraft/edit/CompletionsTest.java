package dev.stagecraft.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.stage.DockerfileAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionsTest {
    private static final String STAGES = "FROM golang AS build\nFROM node AS assets\nFROM alpine AS Bundle\n";

    /** Completion at the '|' in {@code marked}. */
    private static Completion at(String marked) {
        int caret = marked.indexOf('|');
        String text = marked.substring(0, caret) + marked.substring(caret + 1);
        return Completions.at(DockerfileAnalyzer.analyze(text), caret);
    }

    @Test
    void copyFrom_offersEarlierStagesMatchingThePrefix() {
        Completion c = at(STAGES + "FROM alpine AS final\nCOPY --from=|");
        assertEquals(List.of("build", "assets", "bundle"), c.candidates());
        Completion b = at(STAGES + "FROM alpine AS final\nCOPY --from=B| /a /a\n");
        assertEquals(List.of("build", "bundle"), b.candidates(), "prefix in any case");
        int start = (STAGES + "FROM alpine AS final\nCOPY --from=").length();
        assertEquals(start, b.start());
        assertEquals(start + 1, b.end());
    }

    @Test
    void laterStagesAndTheCurrentOneAreNotOffered() {
        Completion c = at("FROM golang AS build\nFROM alpine AS mid\nCOPY --from=|\nFROM alpine AS later\n");
        assertEquals(List.of("build"), c.candidates());
    }

    @Test
    void mountFromOffersStages() {
        assertEquals(List.of("build", "bundle"), at(STAGES + "FROM alpine\nRUN --mount=type=cache,from=b|").candidates());
        assertEquals(List.of("assets"), at(STAGES + "FROM alpine\nRUN --mount=from=a|,target=/x ls").candidates());
        assertTrue(at(STAGES + "FROM alpine\nRUN --mount=type=cache,id=b|").isEmpty(), "id= is not a stage");
    }

    @Test
    void fromOffersEarlierStages() {
        assertEquals(List.of("build", "assets", "bundle"), at(STAGES + "FROM |").candidates());
        assertEquals(List.of("assets"), at(STAGES + "FROM --platform=$BUILDPLATFORM as|").candidates());
        assertTrue(at(STAGES + "FROM alpine AS |").isEmpty(), "a new name is not a completion");
    }

    @Test
    void keywordsAtTheStartOfALine() {
        assertEquals(List.of("CMD", "COPY"), at("FROM alpine\nc|").candidates());
        assertEquals(List.of("RUN"), at("FROM alpine\n  ru|").candidates());
        assertEquals(18, at("FROM alpine\n|").candidates().size(), "every instruction on an empty line");
    }

    @Test
    void noKeywordsInCommentsHeredocsOrContinuations() {
        assertTrue(at("FROM alpine\n# ru|").isEmpty(), "comment");
        assertTrue(at("FROM alpine\nRUN <<EOF\nru|\nEOF\n").isEmpty(), "heredoc body");
        assertTrue(at("FROM alpine\nRUN echo \\\nru|").isEmpty(), "continuation line");
        assertTrue(at("FROM alpine AS build\nFROM alpine\nRUN <<EOF\nCOPY --from=|\nEOF\n").isEmpty(), "heredoc body");
    }

    @Test
    void continuationAndCrlfStillCompleteFrom() {
        assertEquals(List.of("build"), at("FROM golang AS build\r\nFROM alpine\r\nCOPY \\\r\n  --from=bu| /a /a\r\n").candidates());
    }

    @Test
    void choosingReplacesThePrefix() {
        String text = STAGES + "FROM alpine\nCOPY --from=as /a /a\n";
        int caret = text.indexOf("=as") + 3;
        Completion c = Completions.at(DockerfileAnalyzer.analyze(text), caret);
        assertEquals(STAGES + "FROM alpine\nCOPY --from=assets /a /a\n", TextEdit.apply(text, List.of(c.choose("assets"))));
    }
}
