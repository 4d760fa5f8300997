package dev.stagecraft.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VariableExpanderTest {
    private static final Map<String, String> VARS = new HashMap<>();

    static {
        VARS.put("IMG", "registry.example.com/team/app:1.2.3");
        VARS.put("EMPTY", "");
        VARS.put("UNSET", null);
        VARS.put("V", "a-b-a-b");
    }

    private static String expand(String word) {
        VariableExpander.Result r = VariableExpander.expand(word, '\\', VARS);
        assertNull(r.error(), r.error());
        return r.value();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', ignoreLeadingAndTrailingWhitespace = false, value = {
        "$IMG|registry.example.com/team/app:1.2.3",
        "${IMG}-x|registry.example.com/team/app:1.2.3-x",
        "${UNSET:-alpine}|alpine",
        "${EMPTY:-alpine}|alpine",
        "${EMPTY-alpine}|''",
        "${UNSET-alpine}|alpine",
        "${IMG:+set}|set",
        "${EMPTY:+set}|''",
        "${EMPTY+set}|set",
        "${UNSET+set}|''",
        "${V#*-}|b-a-b",
        "${V##*-}|b",
        "${V%-*}|a-b-a",
        "${V%%-*}|a",
        "${V/a/x}|x-b-a-b",
        "${V//a/x}|x-b-x-b",
        "${V/[ab]-/}|b-a-b",
        "'$IMG'|$IMG",
        "\"$V\"|a-b-a-b",
        "\\$V|$V",
        "${UNSET:-${V%%-*}}|a",
        "$|$",
        "cost $5|cost ",
    })
    void expandsLikeBuildKitsShellLexer(String word, String expected) {
        assertEquals(expected.equals("''") ? "" : expected, expand(word));
    }

    @Test
    void reportsWhichVariablesAreDeclared() {
        VariableExpander.Result r = VariableExpander.expand("${NOPE:-x}/$UNSET", '\\', VARS);
        assertEquals("x/", r.value());
        assertEquals("NOPE", r.references().get(0).name());
        assertFalse(r.references().get(0).declared());
        assertEquals(11, r.references().get(1).offset());
        assertEquals(true, r.references().get(1).declared());
    }

    @Test
    void malformedSubstitutionIsAnErrorNotAnException() {
        assertNotNull(VariableExpander.expand("${IMG", '\\', VARS).error());
        assertNotNull(VariableExpander.expand("${IMG:3}", '\\', VARS).error());
        assertNotNull(VariableExpander.expand("${UNSET:?needs a value}", '\\', VARS).error());
        assertNotNull(VariableExpander.expand("'open", '\\', VARS).error());
    }

    @Test
    void aValueThatKeepsDoubling_stopsAtTheLimit_withAnErrorAtItsDollar() {
        Map<String, String> vars = new HashMap<>();
        vars.put("A", "x".repeat(40_000));
        VariableExpander.Result r = VariableExpander.expand("pre-${A}$A", '\\', vars);
        assertEquals(VariableExpander.MAX_LENGTH, r.value().length());
        assertEquals(8, r.errorOffset(), "the $ that made it too long");
        assertEquals("expands to more than 65,536 characters: no Dockerfile needs a value that long", r.error());
        VariableExpander.Result inQuotes = VariableExpander.expand("\"$A $A\"", '\\', vars);
        assertEquals(VariableExpander.MAX_LENGTH, inQuotes.value().length());
        assertEquals(4, inQuotes.errorOffset());
        vars.put("B", "b".repeat(300));
        VariableExpander.Result replaced = VariableExpander.expand("${B//b/$B}", '\\', vars);
        assertEquals(VariableExpander.MAX_LENGTH, replaced.value().length(), "300 x 300 characters, cut");
        assertNotNull(replaced.error());
    }

    @Test
    void aPatternTooCostlyForTheBudget_isAnError() {
        Map<String, String> vars = Map.of("A", "a".repeat(20_000));
        VariableExpander.Result r = VariableExpander.expand("img:${A//*b/x}", '\\', vars, new Glob.Budget(1_000_000));
        assertEquals("the pattern in ${A...} takes too long to apply to a value of 20,000 characters", r.error());
        assertEquals(4, r.errorOffset());
        assertEquals("b".repeat(20_000), VariableExpander.expand("${A//a/b}", '\\', vars).value(),
                "a pattern that reads one character per place fits the budget");
    }

    @Test
    void backtickEscapeProtectsDollar() {
        assertEquals("$V", VariableExpander.expand("`$V", '`', VARS).value());
    }
}
