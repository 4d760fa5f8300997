package dev.stagecraft.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageNameTyposTest {

    @Test
    void swappedNeighboursAreOneEdit() {
        assertEquals(1, StageNameTypos.distance("biuld", "build"));
        assertEquals(2, StageNameTypos.distance("bild", "build2"));
    }

    @Test
    void closestEarlierNameIsSuggested() {
        assertEquals("build", StageNameTypos.suggestion("biuld", List.of("deps", "build")));
        assertEquals("assets", StageNameTypos.suggestion("asets", List.of("assets")));
        assertEquals("compiler", StageNameTypos.suggestion("compilr2", List.of("compiler")), "two edits on a long name");
        assertEquals("build", StageNameTypos.suggestion("BIULD", List.of("build")), "any case");
    }

    @Test
    void shortNamesOnlyMatchASwap() {
        assertNull(StageNameTypos.suggestion("node", List.of("code")), "node is a real image, not a typo of code");
        assertEquals("base", StageNameTypos.suggestion("bsae", List.of("base")));
    }

    @Test
    void imageReferencesAndFarNamesAreNotTypos() {
        assertNull(StageNameTypos.suggestion("buildx:latest", List.of("build")));
        assertNull(StageNameTypos.suggestion("docker.io/build", List.of("build")));
        assertNull(StageNameTypos.suggestion("alpine", List.of("build")));
        assertNull(StageNameTypos.suggestion("build", List.of("build")), "an exact name is a stage");
    }

    @Test
    void copyFromTypo_warnsOnTheNameAndStaysAnImageEdge() {
        String text = "FROM alpine AS build\nFROM alpine\nCOPY --from=biuld /a /a\n";
        Analysis a = DockerfileAnalyzer.analyze(text);
        var typo = a.diagnostics().stream().filter(d -> d.id().equals("from-unknown-stage")).findFirst().orElseThrow();
        assertEquals("3:13", typo.position());
        assertEquals("biuld", text.substring(typo.range().start(), typo.range().end()));
        assertEquals("'biuld' is not a stage: it would be pulled as an image. Did you mean 'build'?", typo.message());
    }

    @Test
    void laterStagesAreNotSuggested() {
        String text = "FROM alpine AS one\nCOPY --from=biuld /a /a\nFROM alpine AS build\n";
        Analysis a = DockerfileAnalyzer.analyze(text);
        assertEquals(0, a.diagnostics().stream().filter(d -> d.id().equals("from-unknown-stage")).count());
    }
}
