package dev.stagecraft.engine.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON of an image archive ({@code manifest.json}, the image config) into maps, lists,
 * strings, booleans, numbers (as {@link Double} or {@link Long}) and null. The engine package's own
 * reader is private to it and the core takes no JSON library, so this package keeps this small one.
 * Bad JSON is an {@link IllegalArgumentException} naming the offset.
 */
final class ArchiveJson {
    private static final int MAX_DEPTH = 100;
    private final String text;
    private int at;

    private ArchiveJson(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        ArchiveJson json = new ArchiveJson(text);
        Object value = json.next(0);
        json.blanks();
        if (json.at < text.length()) {
            throw json.fail("text after the JSON value");
        }
        return value;
    }

    /** {@code value} as an object, or an empty one when it is something else or absent. */
    static Map<?, ?> object(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    /** {@code value} as an array, or an empty one when it is something else or absent. */
    static List<?> array(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** {@code value} as a string, or null when it is something else or absent. */
    static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private Object next(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("JSON nested too deeply");
        }
        blanks();
        if (at >= text.length()) {
            throw fail("a JSON value is missing");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return members(depth);
            case '[':
                return items(depth);
            case '"':
                return quoted();
            default:
                break;
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return "null".equals(word) ? null : Boolean.valueOf(word);
            }
        }
        return number();
    }

    private Map<String, Object> members(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        blanks();
        if (take('}')) {
            return map;
        }
        do {
            blanks();
            if (at >= text.length() || text.charAt(at) != '"') {
                throw fail("a member name must be a quoted string");
            }
            String name = quoted();
            blanks();
            require(':');
            map.put(name, next(depth + 1));
            blanks();
        } while (take(','));
        require('}');
        return map;
    }

    private List<Object> items(int depth) {
        List<Object> list = new ArrayList<>();
        at++;
        blanks();
        if (take(']')) {
            return list;
        }
        do {
            list.add(next(depth + 1));
            blanks();
        } while (take(','));
        require(']');
        return list;
    }

    private String quoted() {
        StringBuilder sb = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char e = text.charAt(at++);
            int simple = "\"\\/bfnrt".indexOf(e);
            if (simple >= 0) {
                sb.append("\"\\/\b\f\n\r\t".charAt(simple));
            } else if (e == 'u' && at + 4 <= text.length()) {
                try {
                    sb.append((char) Integer.parseInt(text, at, at + 4, 16));
                } catch (NumberFormatException ex) {
                    throw fail("a \\u escape without four hex digits");
                }
                at += 4;
            } else {
                throw fail("a bad escape in a string");
            }
        }
        throw fail("a string that never ends");
    }

    private Number number() {
        int start = at;
        while (at < text.length() && "-+.eE0123456789".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String digits = text.substring(start, at);
        try {
            if (digits.matches("-?\\d{1,18}")) {
                return Long.valueOf(digits);
            }
            return Double.valueOf(digits);
        } catch (NumberFormatException e) {
            at = start;
            throw fail("not a JSON value");
        }
    }

    private void blanks() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean take(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void require(char c) {
        if (!take(c)) {
            throw fail("'" + c + "' expected");
        }
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException(what + " at offset " + at);
    }
}
