package dev.stagecraft.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.syntax.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickFixesTest {

    private static List<QuickFix> fixes(String text, String id) {
        Analysis a = DockerfileAnalyzer.analyze(text);
        Diagnostic d = a.diagnostics().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + a.diagnostics()));
        return QuickFixes.of(a, d);
    }

    /** Applies the one fix for the first {@code id} diagnostic and checks that the diagnostic is gone. */
    private static String fixed(String text, String id) {
        List<QuickFix> fixes = fixes(text, id);
        assertEquals(1, fixes.size(), "one fix for " + id);
        String after = fixes.get(0).applyTo(text);
        long left = DockerfileAnalyzer.analyze(after).diagnostics().stream().filter(x -> x.id().equals(id)).count();
        assertEquals(0, left, id + " is still reported after the fix:\n" + after);
        return after;
    }

    @Test
    void stageNameCasing_lowercasesTheNameAndEveryReference() {
        String text = "FROM alpine AS Builder\nRUN make\nFROM Builder AS test\nFROM alpine\n"
                + "COPY --from=Builder /out /out\nRUN --mount=type=cache,from=BUILDER,target=/c true\nCOPY --from=0 /x /x\n";
        assertEquals("FROM alpine AS builder\nRUN make\nFROM builder AS test\nFROM alpine\n"
                + "COPY --from=builder /out /out\nRUN --mount=type=cache,from=builder,target=/c true\nCOPY --from=0 /x /x\n",
                fixed(text, "stage-name-casing"));
        assertEquals("Lowercase the stage name to 'builder' and 3 references", fixes(text, "stage-name-casing").get(0).title());
    }

    @Test
    void stageNameCasing_leavesHeredocBodiesAlone() {
        String text = "FROM alpine AS Builder\nFROM alpine\nRUN <<EOF\nCOPY --from=Builder /a /a\nEOF\nCOPY --from=Builder /b /b\n";
        assertEquals("FROM alpine AS builder\nFROM alpine\nRUN <<EOF\nCOPY --from=Builder /a /a\nEOF\nCOPY --from=builder /b /b\n",
                fixed(text, "stage-name-casing"));
    }

    @Test
    void fromStageCaseMismatch_writesTheStageName() {
        String text = "FROM alpine AS builder\nFROM Builder\n";
        assertEquals("FROM alpine AS builder\nFROM builder\n", fixed(text, "from-stage-case-mismatch"));
    }

    @Test
    void fromAsCasing_matchesTheFromKeyword() {
        assertEquals("FROM alpine AS b\n", fixed("FROM alpine as b\n", "from-as-casing"));
        assertEquals("from alpine as b\n", fixed("from alpine AS b\n", "from-as-casing"));
    }

    @Test
    void fromUnknownStage_replacesTheTypoInCopyAndMount() {
        String text = "FROM golang AS build\nFROM alpine\nCOPY --from=biuld /app /app\n";
        assertEquals("FROM golang AS build\nFROM alpine\nCOPY --from=build /app /app\n", fixed(text, "from-unknown-stage"));
        String mount = "FROM golang AS build\nFROM alpine\nRUN --mount=from=buidl,target=/s ls /s\n";
        assertEquals("FROM golang AS build\nFROM alpine\nRUN --mount=from=build,target=/s ls /s\n",
                fixed(mount, "from-unknown-stage"));
        assertEquals("Change to 'build'", fixes(text, "from-unknown-stage").get(0).title());
    }

    @Test
    void fromUnknownStage_onAContinuationLineWithCrlf() {
        String text = "FROM golang AS build\r\nFROM alpine\r\nCOPY \\\r\n  --from=biuld /app /app\r\n";
        assertEquals("FROM golang AS build\r\nFROM alpine\r\nCOPY \\\r\n  --from=build /app /app\r\n",
                fixed(text, "from-unknown-stage"));
    }

    @Test
    void maintainer_becomesAnAuthorsLabel() {
        String text = "FROM alpine\nMAINTAINER Jane \"JD\" Doe <jane@example.com>\nRUN true\n";
        assertEquals("FROM alpine\nLABEL org.opencontainers.image.authors=\"Jane \\\"JD\\\" Doe <jane@example.com>\"\nRUN true\n",
                fixed(text, "maintainer-deprecated"));
    }

    @Test
    void legacyKeyValue_addsTheEqualsSignAndQuotesValuesWithBlanks() {
        assertEquals("FROM alpine\nENV PATH=/opt/bin:$PATH\n", fixed("FROM alpine\nENV PATH /opt/bin:$PATH\n",
                "legacy-key-value-format"));
        assertEquals("FROM alpine\nENV GREETING=\"hello big world\"\n", fixed("FROM alpine\nENV GREETING hello big world\n",
                "legacy-key-value-format"));
        assertEquals("FROM alpine\nLABEL a=b\n", fixed("FROM alpine\nLABEL a    b\n", "legacy-key-value-format"));
    }

    @Test
    void legacyKeyValue_withQuotesAndBlanks_hasNoFix() {
        assertTrue(fixes("FROM alpine\nENV A say \"hi there\"\n", "legacy-key-value-format").isEmpty());
    }

    @Test
    void jsonArgs_plainWordsBecomeExecForm() {
        assertEquals("FROM alpine\nCMD [\"nginx\", \"-g\", \"daemon-off\"]\n",
                fixed("FROM alpine\nCMD nginx -g daemon-off\n", "json-args-recommended"));
        assertEquals("FROM alpine\nENTRYPOINT [\"/app\", \"--port=8080\"]\n",
                fixed("FROM alpine\nENTRYPOINT /app --port=8080\n", "json-args-recommended"));
    }

    @Test
    void jsonArgs_shellFeaturesHaveNoFix() {
        for (String cmd : new String[] {"echo $HOME", "a && b", "echo 'x y'", "ls *.txt", "A=1 run", "cat < f", "x | y"}) {
            assertTrue(fixes("FROM alpine\nCMD " + cmd + "\n", "json-args-recommended").isEmpty(), cmd);
        }
        assertTrue(fixes("FROM alpine\nCMD run \\\n  --fast\n", "json-args-recommended").isEmpty(), "continuation");
    }

    @Test
    void diagnosticsWithoutAClearFixHaveNone() {
        assertTrue(fixes("FROM alpine\nFROM alpine AS b\nFROM alpine AS b\n", "duplicate-stage-name").isEmpty());
    }
}
