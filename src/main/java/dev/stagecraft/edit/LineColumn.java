package dev.stagecraft.edit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place typed by the user to go to: {@code 12} or {@code 12:5}, both 1-based; a missing
 * column means the start of the line.
 */
public record LineColumn(int line, int column) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*(?:[:,]\\s*(\\d{1,9})\\s*)?");

    public LineColumn {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1: " + line + ":" + column);
        }
    }

    /** The place, or why the input is not one. */
    public record Parsed(LineColumn value, String error) {
    }

    public static Parsed parse(String input) {
        Matcher m = FORM.matcher(input);
        if (!m.matches()) {
            return new Parsed(null, "Type a line number, or line:column (for example 12 or 12:5)");
        }
        int line = Integer.parseInt(m.group(1));
        int column = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if (line < 1 || column < 1) {
            return new Parsed(null, "Lines and columns start at 1");
        }
        return new Parsed(new LineColumn(line, column), null);
    }
}
