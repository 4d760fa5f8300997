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
    void backtickEscapeProtectsDollar() {
        assertEquals("$V", VariableExpander.expand("`$V", '`', VARS).value());
    }
}
