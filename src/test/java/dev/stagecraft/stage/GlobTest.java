package dev.stagecraft.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Shell patterns mean what the plain definition says (a star tries every length, left to right),
 * checked against that definition on random patterns; and they take work in proportion to text
 * length times pattern length, never more, however many stars the pattern has.
 */
class GlobTest {
    /** The definition: each star tries every length it could match, longest first. Exponential, so small inputs only. */
    private static boolean byDefinition(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = s.length(); k >= si; k--) {
                    if (byDefinition(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                si++;
                continue;
            }
            if (c == '[') {
                int close = p.indexOf(']', pi + 2);
                if (close > 0) {
                    boolean negate = p.charAt(pi + 1) == '!' || p.charAt(pi + 1) == '^';
                    boolean found = false;
                    char ch = s.charAt(si);
                    for (int k = pi + (negate ? 2 : 1); k < close; k++) {
                        if (k + 2 < close && p.charAt(k + 1) == '-') {
                            found |= ch >= p.charAt(k) && ch <= p.charAt(k + 2);
                            k += 2;
                        } else {
                            found |= ch == p.charAt(k);
                        }
                    }
                    if (found == negate) {
                        return false;
                    }
                    pi = close + 1;
                    si++;
                    continue;
                }
            }
            if (c == '\\' && pi + 1 < p.length()) {
                pi++;
                c = p.charAt(pi);
            }
            if (s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    private static boolean matchesByDefinition(String pattern, String s) {
        return byDefinition(pattern, 0, s, 0);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("ab*?[]!^-\\").ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab-]\\*").ofMaxLength(8);
    }

    @Property(tries = 3000)
    void matchesAsTheDefinitionSays(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        assertEquals(matchesByDefinition(pattern, text), Glob.matches(pattern, text), pattern + " against " + text);
    }

    @Property(tries = 1500)
    void removesAndReplacesAsTheDefinitionSays(@ForAll("patterns") String pattern, @ForAll("texts") String v) {
        Glob.Budget budget = new Glob.Budget(Long.MAX_VALUE);
        String shortestPrefix = null;
        String longestPrefix = v;
        for (int k = 0; k <= v.length(); k++) {
            if (matchesByDefinition(pattern, v.substring(0, k))) {
                longestPrefix = v.substring(k);
                shortestPrefix = shortestPrefix == null ? v.substring(k) : shortestPrefix;
            }
        }
        shortestPrefix = shortestPrefix == null ? v : shortestPrefix;
        assertEquals(shortestPrefix, Glob.removePrefix(v, pattern, false, budget), "#");
        assertEquals(longestPrefix, Glob.removePrefix(v, pattern, true, budget), "##");
        String shortestSuffix = null;
        String longestSuffix = v;
        for (int k = v.length(); k >= 0; k--) {
            if (matchesByDefinition(pattern, v.substring(k))) {
                longestSuffix = v.substring(0, k);
                shortestSuffix = shortestSuffix == null ? v.substring(0, k) : shortestSuffix;
            }
        }
        shortestSuffix = shortestSuffix == null ? v : shortestSuffix;
        assertEquals(shortestSuffix, Glob.removeSuffix(v, pattern, false, budget), "%");
        assertEquals(longestSuffix, Glob.removeSuffix(v, pattern, true, budget), "%%");
        assertEquals(replacedByDefinition(v, pattern, true), Glob.replace(v, pattern, "R", true, 1000, budget), "//");
        assertEquals(replacedByDefinition(v, pattern, false), Glob.replace(v, pattern, "R", false, 1000, budget), "/");
    }

    /** Left to right, each longest non-empty match replaced by R (only the first unless all). */
    private static String replacedByDefinition(String v, String pattern, boolean all) {
        if (pattern.isEmpty()) {
            return v;
        }
        StringBuilder out = new StringBuilder();
        boolean done = false;
        int i = 0;
        while (i <= v.length()) {
            int end = -1;
            for (int k = v.length(); k > i && !done && end < 0; k--) {
                if (matchesByDefinition(pattern, v.substring(i, k))) {
                    end = k;
                }
            }
            if (end > 0) {
                out.append('R');
                i = end;
                done = !all;
            } else {
                if (i < v.length()) {
                    out.append(v.charAt(i));
                }
                i++;
            }
        }
        return out.toString();
    }

    @Test
    void manyStars_takeNoMoreThanTextTimesPatternSteps() {
        String stars = "*a".repeat(12) + "*b";
        String text = "a".repeat(60);
        assertFalse(Glob.matches(stars, text), "tried one way after another, this took hours");
        // 60 characters read, each through at most 27 states (26 steps and the end): the budget is exactly that.
        Glob.Budget exact = new Glob.Budget(60L * 27);
        assertEquals(text, Glob.removePrefix(text, stars, true, exact));
        assertEquals("", Glob.removePrefix(text, "*a".repeat(12) + "*", true, new Glob.Budget(60L * 26)));
        assertTrue(Glob.matches("*a".repeat(12) + "*", text));
    }

    @Test
    void aReplacementThatWouldTakeTooLong_givesUpWhenTheBudgetRunsOut() {
        String v = "a".repeat(20_000);
        // Every position reads to the end looking for a 'b': 200 million steps.
        assertNull(Glob.replace(v, "*b", "x", true, 100_000, new Glob.Budget(1_000_000)));
        assertNotNull(Glob.replace(v, "a", "x", true, 100_000, new Glob.Budget(1_000_000)), "a plain one is cheap");
    }
}
