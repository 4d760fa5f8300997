package dev.stagecraft.stage;

/**
 * Shell patterns ({@code *}, {@code ?}, {@code [...]}, backslash) for the {@code #}, {@code %} and {@code /}
 * expansions, and, one path element at a time, for COPY sources (as Go's {@code filepath.Match}).
 *
 * <p>A pattern is read into steps that each take one character, and stars; matching follows every
 * step a text could be at, all at once, so it takes at most (text length x pattern length) steps
 * whatever the pattern: trying each way a star could match in turn takes exponential time with a
 * few stars ({@code *a*a*a*a*a*a*b} against forty {@code a}s). The expansions, which try many ranges of
 * one value, take their steps from a {@link Budget} and give up when it runs out.
 *
 * <p>{@link #ofIgnorePattern} reads a {@code .dockerignore} pattern the same way, as moby's
 * patternmatcher does: there {@code *} and {@code ?} stop at '/', and {@code **} spans directories.
 */
public final class Glob {
    private static final byte LITERAL = 0;
    private static final byte ANY = 1;
    private static final byte STAR = 2;
    private static final byte CLASS = 3;
    /** {@code **} at the end of an ignore pattern: anything, '/' included. */
    private static final byte REST = 4;
    /** {@code **} elsewhere, two steps: nothing, or anything that ends with '/' (whole directories). */
    private static final byte DIRS = 5;
    private static final byte DIRS_INSIDE = 6;

    private final String pattern;
    private final byte[] kinds;
    /** Per step: the character of a literal, or where a class's members start in the pattern. */
    private final int[] at;
    /** Per class step: where its members end (its ']'), and whether it is negated. */
    private final int[] end;
    private final boolean[] negated;
    private final int count;
    /** Whether '*' and '?' stop at '/' (a .dockerignore pattern). */
    private final boolean stopAtSlash;

    private Glob(String pattern, byte[] kinds, int[] at, int[] end, boolean[] negated, int count, boolean stopAtSlash) {
        this.stopAtSlash = stopAtSlash;
        this.pattern = pattern;
        this.kinds = kinds;
        this.at = at;
        this.end = end;
        this.negated = negated;
        this.count = count;
    }

    /** Steps shared by the expansions of one analysis; spent per character tried per pattern step. */
    public static final class Budget {
        private long left;

        public Budget(long steps) {
            left = steps;
        }

        boolean spend(long steps) {
            left -= steps;
            return left >= 0;
        }
    }

    private static Glob of(String p) {
        int n = p.length();
        byte[] kinds = new byte[n];
        int[] at = new int[n];
        int[] end = new int[n];
        boolean[] negated = new boolean[n];
        int count = 0;
        for (int pi = 0; pi < n; count++) {
            char c = p.charAt(pi);
            if (c == '*') {
                kinds[count] = STAR;
                pi++;
                continue;
            }
            if (c == '?') {
                kinds[count] = ANY;
                pi++;
                continue;
            }
            if (c == '[') {
                int close = p.indexOf(']', pi + 2);
                if (close > 0) {
                    boolean negate = p.charAt(pi + 1) == '!' || p.charAt(pi + 1) == '^';
                    kinds[count] = CLASS;
                    negated[count] = negate;
                    at[count] = pi + (negate ? 2 : 1);
                    end[count] = close;
                    pi = close + 1;
                    continue;
                }
            }
            if (c == '\\' && pi + 1 < n) {
                pi++;
                c = p.charAt(pi);
            }
            kinds[count] = LITERAL;
            at[count] = c;
            pi++;
        }
        return new Glob(p, kinds, at, end, negated, count, false);
    }

    /**
     * A {@code .dockerignore} pattern (cleaned), read as the regular expression moby's patternmatcher
     * makes of it would match; null when that expression would be malformed (an unclosed class, a
     * trailing backslash, a backwards range), which matches nothing.
     */
    public static Glob ofIgnorePattern(String p) {
        int n = p.length();
        byte[] kinds = new byte[2 * n + 1];
        int[] at = new int[2 * n + 1];
        int[] end = new int[2 * n + 1];
        boolean[] negated = new boolean[2 * n + 1];
        int count = 0;
        for (int i = 0; i < n; i++, count++) {
            char c = p.charAt(i);
            if (c == '*') {
                if (i + 1 < n && p.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < n && p.charAt(i + 1) == '/') {
                        i++;
                    }
                    if (i + 1 >= n) {
                        kinds[count] = REST;
                    } else {
                        kinds[count++] = DIRS;
                        kinds[count] = DIRS_INSIDE;
                    }
                } else {
                    kinds[count] = STAR;
                }
            } else if (c == '?') {
                kinds[count] = ANY;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                i++;
                kinds[count] = LITERAL;
                at[count] = p.charAt(i);
            } else if (c == '[') {
                int close = p.indexOf(']', i + 2);
                if (close < 0) {
                    return null;
                }
                boolean negate = p.charAt(i + 1) == '^';
                int from = i + (negate ? 2 : 1);
                if (from == close) {
                    return null;
                }
                // Ranges read as takes() reads them: a '-' right after a range is a member, not a range.
                for (int k = from; k < close; k++) {
                    if (k + 2 < close && p.charAt(k + 1) == '-') {
                        if (p.charAt(k) > p.charAt(k + 2)) {
                            return null;
                        }
                        k += 2;
                    }
                }
                kinds[count] = CLASS;
                negated[count] = negate;
                at[count] = from;
                end[count] = close;
                i = close;
            } else {
                kinds[count] = LITERAL;
                at[count] = c;
            }
        }
        return new Glob(p, kinds, at, end, negated, count, true);
    }

    /** Whether the whole of {@code text} matches. */
    public boolean matches(String text) {
        return run(text, 0, false, text.length(), true, 0, null) == text.length();
    }

    /** A character the regular expression's '.' takes: any but a line terminator. */
    private static boolean dot(char ch) {
        return ch != '\n' && ch != '\r' && ch != '\u0085' && ch != '\u2028' && ch != '\u2029';
    }

    /** The same steps in reverse order: it matches the reversed texts this one matches. */
    private Glob reversed() {
        byte[] k = new byte[count];
        int[] a = new int[count];
        int[] e = new int[count];
        boolean[] neg = new boolean[count];
        for (int i = 0; i < count; i++) {
            int j = count - 1 - i;
            k[i] = kinds[j];
            a[i] = at[j];
            e[i] = end[j];
            neg[i] = negated[j];
        }
        return new Glob(pattern, k, a, e, neg, count, stopAtSlash);
    }

    /** Whether step {@code s} (not a star) takes character {@code ch}. */
    private boolean takes(int s, char ch) {
        switch (kinds[s]) {
            case ANY:
                return !stopAtSlash || ch != '/';
            case LITERAL:
                return ch == at[s];
            default:
                boolean found = false;
                for (int k = at[s]; k < end[s]; k++) {
                    if (k + 2 < end[s] && pattern.charAt(k + 1) == '-') {
                        found |= ch >= pattern.charAt(k) && ch <= pattern.charAt(k + 2);
                        k += 2;
                    } else {
                        found |= ch == pattern.charAt(k);
                    }
                }
                return found != negated[s];
        }
    }

    /** Adds the steps a star lets through without taking a character (a star matches nothing too). */
    private void close(boolean[] states) {
        for (int s = 0; s < count; s++) {
            if (states[s] && (kinds[s] == STAR || kinds[s] == REST)) {
                states[s + 1] = true;
            } else if (states[s] && kinds[s] == DIRS) {
                states[s + 1] = true;
                states[s + 2] = true;
            }
        }
    }

    /**
     * Reads {@code text} from {@code start} onwards (or backwards, taking the characters before
     * {@code start}) and returns how many characters, at most {@code limit}, make a whole match: the
     * fewest or the most, at least {@code min}; -1 when none do, -2 when the budget ran out first.
     */
    private int run(String text, int start, boolean backwards, int limit, boolean longest, int min, Budget budget) {
        boolean[] states = new boolean[count + 1];
        boolean[] next = new boolean[count + 1];
        states[0] = true;
        close(states);
        int found = min == 0 && states[count] ? 0 : -1;
        if (found == 0 && !longest) {
            return 0;
        }
        for (int k = 1; k <= limit; k++) {
            if (budget != null && !budget.spend(count + 1)) {
                return -2;
            }
            char ch = backwards ? text.charAt(start - k) : text.charAt(start + k - 1);
            boolean any = false;
            java.util.Arrays.fill(next, false);
            for (int s = 0; s < count; s++) {
                if (states[s]) {
                    if (kinds[s] == STAR) {
                        if (!stopAtSlash || ch != '/') {
                            next[s] = true;
                            any = true;
                        }
                    } else if (kinds[s] == REST || kinds[s] == DIRS_INSIDE) {
                        if (dot(ch)) {
                            next[s] = true;
                            any = true;
                        }
                        if (kinds[s] == DIRS_INSIDE && ch == '/') {
                            next[s + 1] = true;
                        }
                    } else if (kinds[s] == DIRS) {
                        continue;
                    } else if (takes(s, ch)) {
                        next[s + 1] = true;
                        any = true;
                    }
                }
            }
            if (!any) {
                break;
            }
            close(next);
            boolean[] swap = states;
            states = next;
            next = swap;
            if (states[count] && k >= min) {
                found = k;
                if (!longest) {
                    return k;
                }
            }
        }
        return found;
    }

    public static boolean matches(String pattern, String s) {
        return of(pattern).matches(s);
    }

    /** {@code ${v#pattern}} ({@code ##} when longest); null when the budget ran out. */
    static String removePrefix(String v, String pattern, boolean longest, Budget budget) {
        int k = of(pattern).run(v, 0, false, v.length(), longest, 0, budget);
        return k == -2 ? null : k < 0 ? v : v.substring(k);
    }

    /** {@code ${v%pattern}} ({@code %%} when longest); null when the budget ran out. */
    static String removeSuffix(String v, String pattern, boolean longest, Budget budget) {
        int k = of(pattern).reversed().run(v, v.length(), true, v.length(), longest, 0, budget);
        return k == -2 ? null : k < 0 ? v : v.substring(0, v.length() - k);
    }

    /**
     * {@code ${v/pattern/replacement}} ({@code //} when all): longest non-empty matches; null when the
     * budget ran out. Stops once the result is longer than {@code maxLength}.
     */
    static String replace(String v, String pattern, String replacement, boolean all, int maxLength, Budget budget) {
        if (pattern.isEmpty()) {
            return v;
        }
        Glob g = of(pattern);
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean done = false;
        while (i <= v.length() && out.length() <= maxLength) {
            int length = done ? -1 : g.run(v, i, false, v.length() - i, true, 1, budget);
            if (length == -2) {
                return null;
            }
            if (length > 0) {
                out.append(replacement);
                i += length;
                done = !all;
                continue;
            }
            if (i < v.length()) {
                out.append(v.charAt(i));
            }
            i++;
        }
        return out.toString();
    }
}
