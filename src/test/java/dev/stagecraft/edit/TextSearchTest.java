package dev.stagecraft.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.edit.TextSearch.Match;
import dev.stagecraft.edit.TextSearch.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSearchTest {
    private static final String TEXT = "FROM alpine AS build\nRUN apk add build-base\nfrom build\nCOPY --from=build /out /out\n";

    private static List<Match> find(String text, Query query) {
        TextSearch.Result result = TextSearch.find(text, query);
        assertNull(result.error());
        return result.matches();
    }

    @Test
    void literalMatchCaseFindsOnlyTheExactCase() {
        assertEquals(List.of(new Match(0, 4)), find(TEXT, new Query("FROM", true, false, false)));
    }

    @Test
    void ignoringCaseFindsEveryCase() {
        int copyFrom = TEXT.indexOf("from=");
        assertEquals(List.of(new Match(0, 4), new Match(44, 48), new Match(copyFrom, copyFrom + 4)),
                find(TEXT, new Query("from", false, false, false)));
    }

    @Test
    void literalTreatsRegexCharactersAsText() {
        assertEquals(List.of(new Match(3, 5)), find("a.b.*c", new Query(".*", true, false, false)));
    }

    @Test
    void wholeWordSkipsMatchesInsideLongerWords() {
        String text = "rebuild build builds build_x build-base";
        assertEquals(5, find(text, Query.literal("build")).size());
        assertEquals(List.of(new Match(8, 13), new Match(29, 34)), find(text, new Query("build", true, true, false)));
    }

    @Test
    void wholeWordRejectsLettersDigitsAndUnderscoreOnEitherSide() {
        assertEquals(List.of(new Match(8, 11)), find("app_ap1 app", new Query("app", true, true, false)));
    }

    @Test
    void regexFindsWithGroupsAndLineAnchors() {
        assertEquals(List.of(new Match(0, 4), new Match(44, 48)), find(TEXT, new Query("^from", false, false, true)));
        assertEquals(3, find(TEXT, new Query("--from=\\w+|AS \\w+|^from \\w+", true, false, true)).size());
    }

    @Test
    void emptyMatchesAreNotMatches() {
        assertEquals(List.of(new Match(1, 3)), find("baab", new Query("a*", true, false, true)));
        assertTrue(find("abc", new Query("^", true, false, true)).isEmpty());
    }

    @Test
    void emptyQueryFindsNothingWithoutError() {
        TextSearch.Result result = TextSearch.find(TEXT, Query.literal(""));
        assertTrue(result.isValid());
        assertTrue(result.matches().isEmpty());
    }

    @Test
    void invalidRegexIsAMessageNotAnException() {
        TextSearch.Result result = TextSearch.find(TEXT, new Query("(unclosed", true, false, true));
        assertFalse(result.isValid());
        assertTrue(result.error().startsWith("Invalid regular expression"), result.error());
        assertTrue(result.matches().isEmpty());
    }

    @Test
    void catastrophicBacktrackingStopsWithAMessage() {
        TextSearch.Result result = TextSearch.find("a".repeat(22) + "!", new Query("((a+)+)+c", true, false, true), 1_000_000);
        assertFalse(result.isValid());
        assertTrue(result.error().contains("too slow"), result.error());
    }

    @Test
    void manyMatchesAreCappedAndSaySo() {
        TextSearch.Result result = TextSearch.find("x".repeat(TextSearch.MAX_MATCHES + 5), Query.literal("x"));
        assertTrue(result.truncated());
        assertEquals(TextSearch.MAX_MATCHES, result.matches().size());
    }

    @Test
    void regexReplacementExpandsGroupsPerMatch() {
        TextSearch.ReplacementPlan plan = TextSearch.replacements("COPY --from=build a\nCOPY --from=test b\n",
                new Query("--from=(\\w+)", true, false, true), "--from=$1-stage");
        assertNull(plan.error());
        assertEquals(List.of("--from=build-stage", "--from=test-stage"),
                plan.replacements().stream().map(TextSearch.Replacement::text).toList());
        assertEquals(new Match(5, 17), plan.replacements().get(0).match());
    }

    @Test
    void literalReplacementKeepsDollarSigns() {
        TextSearch.ReplacementPlan plan = TextSearch.replacements("a b a", Query.literal("a"), "$1");
        assertEquals(List.of("$1", "$1"), plan.replacements().stream().map(TextSearch.Replacement::text).toList());
    }

    @Test
    void replacementNamingAMissingGroupIsAMessage() {
        TextSearch.ReplacementPlan plan = TextSearch.replacements("abc", new Query("b", true, false, true), "$3");
        assertTrue(plan.replacements().isEmpty());
        assertTrue(plan.error().startsWith("Invalid replacement"), plan.error());
    }
}
