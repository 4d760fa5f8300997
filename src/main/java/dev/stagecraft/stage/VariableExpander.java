package dev.stagecraft.stage;

import dev.stagecraft.syntax.Chars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands a word as BuildKit's shell lexer does: single quotes are literal, double quotes allow
 * expansion, the escape character protects the next character, and {@code $V}, {@code ${V}},
 * {@code ${V:-d}}, {@code ${V-d}}, {@code ${V:+x}}, {@code ${V+x}}, {@code ${V:?m}}, {@code ${V#p}},
 * {@code ${V##p}}, {@code ${V%p}}, {@code ${V%%p}}, {@code ${V/p/r}} and {@code ${V//p/r}} are
 * replaced. In the variable map, a key with a null value is declared but unset.
 *
 * <p>Unlike BuildKit it stops where no Dockerfile needs to go: a value longer than
 * {@link #MAX_LENGTH} characters (a few ARGs that each double the last reach gigabytes), and pattern
 * work beyond what the {@link Glob.Budget} given allows; either is an error at its {@code $}.
 */
public final class VariableExpander {
    /** The longest value an expansion may produce. */
    public static final int MAX_LENGTH = 1 << 16;
    /** The pattern work one expansion may do when no budget is given. */
    private static final long DEFAULT_BUDGET = 20_000_000;

    /** A variable the word refers to: its name, the offset of its '$' in the word, and whether it is declared. */
    public record Reference(String name, int offset, boolean declared) {
    }

    /** The expanded text, the variables met, and an error (message and offset in the word) or null. */
    public record Result(String value, List<Reference> references, String error, int errorOffset) {
    }

    private final String word;
    private final char escape;
    private final Map<String, String> variables;
    private final Glob.Budget budget;
    private final List<Reference> references = new ArrayList<>(2);
    private int pos;
    private String error;
    private int errorOffset;

    private VariableExpander(String word, char escape, Map<String, String> variables, Glob.Budget budget) {
        this.word = word;
        this.escape = escape;
        this.variables = variables;
        this.budget = budget;
    }

    public static Result expand(String word, char escape, Map<String, String> variables) {
        return expand(word, escape, variables, new Glob.Budget(DEFAULT_BUDGET));
    }

    /** As {@link #expand(String, char, Map)}, the patterns' work taken from {@code budget} (one per analysis). */
    public static Result expand(String word, char escape, Map<String, String> variables, Glob.Budget budget) {
        if (word.indexOf('$') < 0 && word.indexOf('\'') < 0 && word.indexOf('"') < 0 && word.indexOf(escape) < 0) {
            return new Result(word, List.of(), null, 0);
        }
        VariableExpander x = new VariableExpander(word, escape, variables, budget);
        String value = x.process((char) 0);
        return new Result(value, List.copyOf(x.references), x.error, x.errorOffset);
    }

    private void fail(String message, int offset) {
        if (error == null) {
            error = message;
            errorOffset = offset;
        }
    }

    /** Processes until {@code stop} (unquoted) or the end; leaves pos on the stop character. */
    private String process(char stop) {
        StringBuilder out = new StringBuilder();
        int n = word.length();
        while (pos < n) {
            int at = pos;
            char c = word.charAt(pos);
            if (stop != 0 && c == stop) {
                return out.toString();
            }
            if (c == '\'') {
                int close = word.indexOf('\'', pos + 1);
                if (close < 0) {
                    fail("unexpected end of text while looking for the matching single quote", pos);
                    out.append(word, pos + 1, n);
                    pos = n;
                    return out.toString();
                }
                out.append(word, pos + 1, close);
                pos = close + 1;
            } else if (c == '"') {
                doubleQuoted(out);
            } else if (c == escape) {
                if (pos + 1 < n) {
                    out.append(word.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$') {
                dollar(out);
            } else {
                out.append(c);
                pos++;
            }
            if (tooLong(out, at)) {
                return out.toString();
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code out} has grown past {@link #MAX_LENGTH}, through what starts at {@code at}: if so,
     * an error there, the value cut, and nothing more read.
     */
    private boolean tooLong(StringBuilder out, int at) {
        if (out.length() <= MAX_LENGTH) {
            return false;
        }
        fail(String.format(java.util.Locale.ROOT, "expands to more than %,d characters: no Dockerfile needs a value that long",
                MAX_LENGTH), Math.min(at, word.length() - 1));
        out.setLength(MAX_LENGTH);
        pos = word.length();
        return true;
    }

    private void doubleQuoted(StringBuilder out) {
        int start = pos;
        pos++;
        int n = word.length();
        while (pos < n) {
            char c = word.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == escape && pos + 1 < n) {
                char next = word.charAt(pos + 1);
                if (next == '"' || next == '$' || next == escape) {
                    out.append(next);
                    pos += 2;
                    continue;
                }
            }
            if (c == '$') {
                int at = pos;
                dollar(out);
                if (tooLong(out, at)) {
                    return;
                }
                continue;
            }
            out.append(c);
            pos++;
        }
        fail("unexpected end of text while looking for the matching double quote", start);
    }

    private String lookup(String name, int offset) {
        boolean declared = variables.containsKey(name);
        references.add(new Reference(name, offset, declared));
        return declared ? variables.get(name) : null;
    }

    private void dollar(StringBuilder out) {
        int start = pos;
        int n = word.length();
        pos++;
        if (pos >= n) {
            out.append('$');
            return;
        }
        char c = word.charAt(pos);
        if (c != '{') {
            if (Chars.isNameStart(c)) {
                int s = pos;
                while (pos < n && Chars.isNameChar(word.charAt(pos))) {
                    pos++;
                }
                String v = lookup(word.substring(s, pos), start);
                if (v != null) {
                    out.append(v);
                }
            } else if (Chars.isDigit(c)) {
                pos++;
            } else {
                out.append('$');
            }
            return;
        }
        pos++;
        int s = pos;
        while (pos < n && Chars.isNameChar(word.charAt(pos))) {
            pos++;
        }
        String name = word.substring(s, pos);
        if (name.isEmpty() || pos >= n) {
            fail(pos >= n ? "missing '}' in ${...}" : "bad substitution: a variable name must follow '${'", start);
            pos = n;
            return;
        }
        String value = lookup(name, start);
        boolean set = value != null;
        char op = word.charAt(pos);
        if (op == '}') {
            pos++;
            if (set) {
                out.append(value);
            }
            return;
        }
        boolean colon = op == ':';
        if (colon) {
            pos++;
            op = pos < n ? word.charAt(pos) : 0;
            if (op != '-' && op != '+' && op != '?') {
                fail("unsupported modifier in ${" + name + ":...}: use :-, :+ or :?", start);
                skipToBrace();
                return;
            }
        }
        switch (op) {
            case '-':
            case '+':
            case '?': {
                pos++;
                String alt = process('}');
                if (!closeBrace(start)) {
                    return;
                }
                boolean present = colon ? set && !value.isEmpty() : set;
                if (op == '-') {
                    out.append(present ? value : alt);
                } else if (op == '+') {
                    out.append(present ? alt : "");
                } else {
                    if (!present) {
                        fail(name + ": " + (alt.isEmpty() ? "is not allowed to be unset" : alt), start);
                    } else {
                        out.append(value);
                    }
                }
                return;
            }
            case '#':
            case '%': {
                pos++;
                boolean longest = pos < n && word.charAt(pos) == op;
                if (longest) {
                    pos++;
                }
                String pattern = process('}');
                if (!closeBrace(start)) {
                    return;
                }
                String v = set ? value : "";
                String removed = op == '#' ? Glob.removePrefix(v, pattern, longest, budget)
                        : Glob.removeSuffix(v, pattern, longest, budget);
                append(out, removed, name, v, start);
                return;
            }
            case '/': {
                pos++;
                boolean all = pos < n && word.charAt(pos) == '/';
                if (all) {
                    pos++;
                }
                String pattern = process('/');
                String replacement = "";
                if (pos < n && word.charAt(pos) == '/') {
                    pos++;
                    replacement = process('}');
                }
                if (!closeBrace(start)) {
                    return;
                }
                String v = set ? value : "";
                append(out, Glob.replace(v, pattern, replacement, all, MAX_LENGTH, budget), name, v, start);
                return;
            }
            default:
                fail("bad substitution in ${" + name + "...}: unsupported operator '" + op + "'", start);
                skipToBrace();
        }
    }

    /** Appends what a pattern made of {@code value}, or, when it gave up (null), says so. */
    private void append(StringBuilder out, String made, String name, String value, int start) {
        if (made == null) {
            fail(String.format(java.util.Locale.ROOT, "the pattern in ${%s...} takes too long to apply to a value of %,d"
                    + " characters", name, value.length()), start);
            pos = word.length();
        } else {
            out.append(made);
        }
    }

    private boolean closeBrace(int start) {
        if (pos < word.length() && word.charAt(pos) == '}') {
            pos++;
            return true;
        }
        fail("missing '}' in ${...}", start);
        return false;
    }

    private void skipToBrace() {
        int close = word.indexOf('}', pos);
        pos = close < 0 ? word.length() : close + 1;
    }
}
