package dev.stagecraft.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.syntax.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Files written to make the analysis blow up get diagnostics at their lines, not an exhausted
 * memory or an analysis that never ends (the window would wait for it while the user types on).
 */
class HostileInputTest {
    private static List<Diagnostic> errors(Analysis a, String id) {
        return a.diagnostics().stream().filter(d -> d.id().equals(id)).toList();
    }

    @Test
    void argsThatEachDoubleTheLast_stopAtTheLimit_atTheirLines() {
        // Forty doublings would make a value of a trillion characters.
        String text = "ARG A0=x\n" + IntStream.range(1, 40).mapToObj(i -> "ARG A" + i + "=${A" + (i - 1) + "}${A" + (i - 1) + "}\n")
                .collect(Collectors.joining()) + "FROM alpine:${A39}\n";
        Analysis a = DockerfileAnalyzer.analyze(text);

        List<Diagnostic> tooLong = errors(a, "invalid-variable");
        // 2^16 characters is A16: A17 is the first ARG over the limit, at its second ${ (column 15).
        assertEquals("18:15", tooLong.get(0).position());
        assertTrue(tooLong.get(0).message().startsWith("expands to more than 65,536 characters"), tooLong.get(0).message());
        assertEquals("41:13", tooLong.get(tooLong.size() - 1).position(), "alpine: and A39 together are too long too");
        assertEquals(VariableExpander.MAX_LENGTH, a.stages().get(0).base().length());
        Diagnostic reference = errors(a, "invalid-image-reference").get(0);
        assertEquals("41:6", reference.position());
        assertTrue(reference.message().length() < 500, "the value is cut in the message: " + reference.message().length());
        assertTrue(reference.message().contains("(65,536 characters)"), reference.message());
    }

    @Test
    void aCycleThroughThousandsOfStages_namesTenOfThem() {
        int n = 2_000;
        String text = IntStream.range(0, n).mapToObj(i -> "FROM scratch AS s" + i + "\nCOPY --from=s" + (i + 1) % n + " /a /a\n")
                .collect(Collectors.joining());
        List<Diagnostic> cycles = errors(DockerfileAnalyzer.analyze(text), "circular-dependency");
        assertEquals(1, cycles.size());
        assertEquals("Circular dependency between stages 's0' (#0), 's1' (#1), 's2' (#2), 's3' (#3), 's4' (#4), 's5' (#5),"
                + " 's6' (#6), 's7' (#7), 's8' (#8), 's9' (#9) and 1,990 more: each needs another to be built first",
                cycles.get(0).message());
        assertEquals(n, cycles.get(0).related().size(), "every edge of the cycle is still marked");
    }

    @Test
    void patternsWithManyStars_areAppliedInTime() {
        String text = "ARG X=" + "a".repeat(60) + "\nFROM alpine:${X#" + "*a".repeat(12) + "*b}\n";
        Analysis a = DockerfileAnalyzer.analyze(text);
        assertEquals("alpine:" + "a".repeat(60), a.stages().get(0).base(), "no 'b': nothing removed");
        assertEquals(List.of(), errors(a, "invalid-variable"));
    }

    @Test
    void patternWorkBeyondTheAnalysissBudget_isAnErrorAtEachLineItStopped() {
        // Each FROM line's pattern reads 20,000 characters from each of 20,000 places: 10^9 steps or more.
        String text = "ARG A=" + "a".repeat(20_000) + "\n" + "FROM alpine:${A//*b/x}\n".repeat(50);
        Analysis a = DockerfileAnalyzer.analyze(text);
        List<Diagnostic> stopped = errors(a, "invalid-variable");
        assertEquals(50, stopped.size(), "one per FROM: the budget is spent on the first, the rest stop at once");
        assertEquals("2:13", stopped.get(0).position());
        assertEquals("the pattern in ${A...} takes too long to apply to a value of 20,000 characters", stopped.get(0).message());
    }
}
