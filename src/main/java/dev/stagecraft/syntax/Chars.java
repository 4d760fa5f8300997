package dev.stagecraft.syntax;

/** Character classes as BuildKit's parser sees them. */
public final class Chars {
    private Chars() {
    }

    /** Blanks between words: Go's unicode.IsSpace on the characters a Dockerfile line can hold. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u0085' || c == '\u00A0';
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    public static boolean isNameChar(char c) {
        return isNameStart(c) || isDigit(c);
    }

    /** The first index at or after {@code i} that is not a blank (or the end). */
    public static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the word starting at {@code i}: the next blank or the end. */
    public static int wordEnd(String s, int i) {
        while (i < s.length() && !isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
