package dev.stagecraft.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds every match of a query in a text, as an editor's find bar needs: literal or regular
 * expression, match case, whole word. A bad pattern or a pattern too slow for the text is a
 * message in the result, never an exception, so the find bar can say what is wrong while the
 * user types.
 */
public final class TextSearch {
    /**
     * Character reads one search may make before it gives up: a pattern like {@code (a+)+b}
     * backtracks exponentially, and the search runs on the UI thread as the user types.
     */
    static final long DEFAULT_BUDGET = 20_000_000L;

    /** More matches than this are not listed: nobody steps through them, and each one costs a highlight. */
    public static final int MAX_MATCHES = 10_000;

    /** What to look for. {@code wholeWord} means no letter, digit or underscore touches either end. */
    public record Query(String pattern, boolean matchCase, boolean wholeWord, boolean regex) {
        public Query {
            Objects.requireNonNull(pattern, "pattern");
        }

        public static Query literal(String pattern) {
            return new Query(pattern, true, false, false);
        }
    }

    /** One match: offsets into the text, end exclusive, never empty. */
    public record Match(int start, int end) {
        public Match {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("bad match " + start + ".." + end);
            }
        }
    }

    /** One replacement to make: the match and the text that takes its place (groups expanded). */
    public record Replacement(Match match, String text) {
    }

    /** The matches in order, or why there are none ({@code error} is null when the query was usable). */
    public record Result(List<Match> matches, String error, boolean truncated) {
        public Result {
            matches = List.copyOf(matches);
        }

        static Result failed(String error) {
            return new Result(List.of(), error, false);
        }

        public boolean isValid() {
            return error == null;
        }
    }

    private TextSearch() {
    }

    /** All non-overlapping, non-empty matches of {@code query} in {@code text}, left to right. */
    public static Result find(String text, Query query) {
        return find(text, query, DEFAULT_BUDGET);
    }

    static Result find(String text, Query query, long budget) {
        if (query.pattern().isEmpty()) {
            return new Result(List.of(), null, false);
        }
        Pattern pattern;
        try {
            pattern = compile(query);
        } catch (PatternSyntaxException e) {
            return Result.failed("Invalid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at position " + (e.getIndex() + 1) : ""));
        }
        List<Match> matches = new ArrayList<>();
        try {
            Matcher m = pattern.matcher(new BudgetedText(text, budget));
            while (m.find()) {
                if (m.end() > m.start()) {
                    if (matches.size() == MAX_MATCHES) {
                        return new Result(matches, null, true);
                    }
                    matches.add(new Match(m.start(), m.end()));
                }
            }
        } catch (BudgetedText.BudgetExhausted e) {
            return Result.failed("The pattern is too slow on this text; simplify it");
        } catch (StackOverflowError e) {
            // Deeply nested alternations recurse in java.util.regex; the text itself is untouched.
            return Result.failed("The pattern is too complex for this text; simplify it");
        }
        return new Result(matches, null, false);
    }

    /**
     * The replacement for each match, in order. In regex mode {@code $1} and {@code ${name}} refer
     * to groups and a backslash escapes; otherwise the replacement is taken literally. A reference
     * to a group the pattern lacks is an error message, as a bad pattern is.
     */
    public static ReplacementPlan replacements(String text, Query query, String replacement) {
        Result found = find(text, query);
        if (!found.isValid() || found.matches().isEmpty() || !query.regex()) {
            List<Replacement> plain = new ArrayList<>();
            for (Match match : found.matches()) {
                plain.add(new Replacement(match, replacement));
            }
            return new ReplacementPlan(plain, found.error());
        }
        Matcher m = compile(query).matcher(text);
        List<Replacement> result = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        int matchIndex = 0;
        try {
            while (matchIndex < found.matches().size() && m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                // appendReplacement copies the text since the previous match, then the expansion: keep only the expansion.
                out.setLength(0);
                m.appendReplacement(out, replacement);
                int gap = m.start() - previousEnd(result);
                result.add(new Replacement(found.matches().get(matchIndex++), out.substring(gap)));
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return new ReplacementPlan(List.of(), "Invalid replacement: " + e.getMessage());
        }
        return new ReplacementPlan(result, null);
    }

    private static int previousEnd(List<Replacement> done) {
        return done.isEmpty() ? 0 : done.get(done.size() - 1).match().end();
    }

    /** The replacements to make, or why none can be made. */
    public record ReplacementPlan(List<Replacement> replacements, String error) {
        public ReplacementPlan {
            replacements = List.copyOf(replacements);
        }
    }

    private static Pattern compile(Query query) {
        String body = query.regex() ? query.pattern() : Pattern.quote(query.pattern());
        if (query.wholeWord()) {
            body = "(?<![\\p{L}\\p{N}_])(?:" + body + ")(?![\\p{L}\\p{N}_])";
        }
        int flags = query.matchCase() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return Pattern.compile(body, flags | Pattern.MULTILINE);
    }

    /** The text as the regex engine reads it, counting reads so a runaway pattern stops. */
    private static final class BudgetedText implements CharSequence {
        static final class BudgetExhausted extends RuntimeException {
            private static final long serialVersionUID = 1L;

            BudgetExhausted() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private final long[] left;
        private final int offset;
        private final int length;

        BudgetedText(String text, long budget) {
            this(text, new long[] {budget}, 0, text.length());
        }

        private BudgetedText(String text, long[] left, int offset, int length) {
            this.text = text;
            this.left = left;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new BudgetExhausted();
            }
            return text.charAt(offset + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text, left, offset + start, end - start);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}
