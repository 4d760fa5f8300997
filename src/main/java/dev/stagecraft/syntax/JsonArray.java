package dev.stagecraft.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The exec form of an instruction: a JSON array of strings. BuildKit treats text that is not a JSON
 * array at all as shell form, but rejects a valid array holding anything but strings.
 */
public final class JsonArray {

    /** What the text turned out to be. */
    public enum Status { STRINGS, NOT_JSON, NOT_STRINGS }

    /** One string of the array: its decoded value and the logical offsets of the quoted literal. */
    public record Element(String value, int start, int end) {
    }

    private final Status status;
    private final List<Element> elements;

    private JsonArray(Status status, List<Element> elements) {
        this.status = status;
        this.elements = elements;
    }

    public Status status() {
        return status;
    }

    public List<Element> elements() {
        return elements;
    }

    private static final JsonArray NOT_JSON = new JsonArray(Status.NOT_JSON, List.of());

    /** Parses text[from, to), which must hold the array and nothing else but blanks. */
    public static JsonArray parse(String text, int from, int to) {
        int i = skipBlanks(text, from, to);
        if (i >= to || text.charAt(i) != '[') {
            return NOT_JSON;
        }
        i = skipBlanks(text, i + 1, to);
        List<Element> elements = new ArrayList<>();
        boolean onlyStrings = true;
        if (i < to && text.charAt(i) == ']') {
            i++;
        } else {
            while (true) {
                if (i >= to) {
                    return NOT_JSON;
                }
                char c = text.charAt(i);
                int valueStart = i;
                if (c == '"') {
                    StringBuilder value = new StringBuilder();
                    i = readString(text, i, to, value);
                    if (i < 0) {
                        return NOT_JSON;
                    }
                    elements.add(new Element(value.toString(), valueStart, i));
                } else {
                    i = skipValue(text, i, to);
                    if (i < 0) {
                        return NOT_JSON;
                    }
                    onlyStrings = false;
                }
                i = skipBlanks(text, i, to);
                if (i >= to) {
                    return NOT_JSON;
                }
                if (text.charAt(i) == ',') {
                    i = skipBlanks(text, i + 1, to);
                    continue;
                }
                if (text.charAt(i) == ']') {
                    i++;
                    break;
                }
                return NOT_JSON;
            }
        }
        if (skipBlanks(text, i, to) != to) {
            return NOT_JSON;
        }
        return onlyStrings ? new JsonArray(Status.STRINGS, List.copyOf(elements)) : new JsonArray(Status.NOT_STRINGS, List.of());
    }

    private static int skipBlanks(String text, int i, int to) {
        while (i < to && Chars.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Reads a JSON string starting at the quote; returns the offset after it, or -1. */
    private static int readString(String text, int i, int to, StringBuilder out) {
        i++;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20) {
                return -1;
            }
            if (c == '\\') {
                if (i + 1 >= to) {
                    return -1;
                }
                char e = text.charAt(i + 1);
                switch (e) {
                    case '"':
                        out.append('"');
                        break;
                    case '\\':
                        out.append('\\');
                        break;
                    case '/':
                        out.append('/');
                        break;
                    case 'b':
                        out.append('\b');
                        break;
                    case 'f':
                        out.append('\f');
                        break;
                    case 'n':
                        out.append('\n');
                        break;
                    case 'r':
                        out.append('\r');
                        break;
                    case 't':
                        out.append('\t');
                        break;
                    case 'u':
                        if (i + 6 > to) {
                            return -1;
                        }
                        int code = 0;
                        for (int k = i + 2; k < i + 6; k++) {
                            int d = Character.digit(text.charAt(k), 16);
                            if (d < 0) {
                                return -1;
                            }
                            code = code * 16 + d;
                        }
                        out.append((char) code);
                        i += 4;
                        break;
                    default:
                        return -1;
                }
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return -1;
    }

    /** Skips a non-string JSON value (number, literal, nested array or object); -1 when malformed. */
    private static int skipValue(String text, int i, int to) {
        char c = text.charAt(i);
        if (c == '[' || c == '{') {
            int depth = 0;
            while (i < to) {
                char d = text.charAt(i);
                if (d == '"') {
                    i = readString(text, i, to, new StringBuilder());
                    if (i < 0) {
                        return -1;
                    }
                    continue;
                }
                if (d == '[' || d == '{') {
                    depth++;
                } else if (d == ']' || d == '}') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            return -1;
        }
        int start = i;
        while (i < to && "-+.eE0123456789truefalsn".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        String word = text.substring(start, i);
        if (word.equals("true") || word.equals("false") || word.equals("null")) {
            return i;
        }
        if (!word.isEmpty() && (Chars.isDigit(word.charAt(0)) || word.charAt(0) == '-')) {
            try {
                Double.parseDouble(word);
                return i;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
