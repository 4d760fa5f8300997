package dev.stagecraft.stage;

/**
 * Shell patterns ({@code *}, {@code ?}, {@code [...]}, backslash) for the {@code #}, {@code %} and {@code /}
 * expansions, and, one path element at a time, for COPY sources (as Go's {@code filepath.Match}).
 */
public final class Glob {
    private Glob() {
    }

    public static boolean matches(String pattern, String s) {
        return match(pattern, 0, s, 0, s.length());
    }

    private static boolean match(String p, int pi, String s, int si, int end) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = end; k >= si; k--) {
                    if (match(p, pi + 1, s, k, end)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= end) {
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
        return si == end;
    }

    private static boolean matchRange(String p, String s, int from, int to) {
        return match(p, 0, s.substring(0, to), from, to);
    }

    static String removePrefix(String v, String pattern, boolean longest) {
        if (longest) {
            for (int k = v.length(); k >= 0; k--) {
                if (matchRange(pattern, v, 0, k)) {
                    return v.substring(k);
                }
            }
        } else {
            for (int k = 0; k <= v.length(); k++) {
                if (matchRange(pattern, v, 0, k)) {
                    return v.substring(k);
                }
            }
        }
        return v;
    }

    static String removeSuffix(String v, String pattern, boolean longest) {
        if (longest) {
            for (int k = 0; k <= v.length(); k++) {
                if (matchRange(pattern, v, k, v.length())) {
                    return v.substring(0, k);
                }
            }
        } else {
            for (int k = v.length(); k >= 0; k--) {
                if (matchRange(pattern, v, k, v.length())) {
                    return v.substring(0, k);
                }
            }
        }
        return v;
    }

    static String replace(String v, String pattern, String replacement, boolean all) {
        if (pattern.isEmpty()) {
            return v;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean done = false;
        while (i <= v.length()) {
            int matchEnd = -1;
            if (!done) {
                for (int k = v.length(); k > i; k--) {
                    if (matchRange(pattern, v, i, k)) {
                        matchEnd = k;
                        break;
                    }
                }
            }
            if (matchEnd > i) {
                out.append(replacement);
                i = matchEnd;
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
