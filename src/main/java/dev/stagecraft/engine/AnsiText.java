package dev.stagecraft.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Program output as a terminal would show it, one line at a time. Build steps print what their
 * tools print: colours (SGR escapes), progress that a carriage return or a cursor move makes later
 * text overwrite ({@code apt}, {@code curl}, {@code npm}), erases, window titles. Each line is
 * played on a one-line screen, so a log shows the final state of a progress line, not its every
 * frame, and keeps the colours as plain data (a front end maps them to its theme or drops them).
 *
 * <p>{@link #lines} reads a whole text; a {@link Terminal} reads a stream piece by piece.
 *
 * <p>Moves to other lines (cursor up or down, which BuildKit's terminal display uses to redraw)
 * cannot reach lines a log has already shown, so they are ignored. Unknown escapes vanish; the text
 * never keeps an escape character or another control character but the tab.
 */
public final class AnsiText {
    private static final char ESC = '\u001b';
    /** The one-character control sequence introducer, as an 8-bit terminal reads it. */
    private static final char CSI_8BIT = '\u009b';

    /**
     * How a run of characters looks: a colour of the 16-colour palette ({@code 0..7} normal,
     * {@code 8..15} bright; -1 for the default) and whether it is bold.
     */
    public record Style(int foreground, boolean bold) {
        /** The default: no colour, not bold. */
        public static final Style PLAIN = new Style(-1, false);

        public Style {
            if (foreground < -1 || foreground > 15) {
                throw new IllegalArgumentException("a palette colour is -1 (default) or 0..15, not " + foreground);
            }
        }
    }

    /** A run of characters in one style. */
    public record Span(String text, Style style) {
        public Span {
            java.util.Objects.requireNonNull(text, "text");
            java.util.Objects.requireNonNull(style, "style");
        }
    }

    /** One line as shown: its spans, in order, none empty; a blank line has no span. */
    public record Line(List<Span> spans) {
        public Line {
            spans = List.copyOf(spans);
        }

        /** The line's characters without any style. */
        public String text() {
            if (spans.size() == 1) {
                return spans.get(0).text();
            }
            StringBuilder b = new StringBuilder();
            for (Span s : spans) {
                b.append(s.text());
            }
            return b.toString();
        }

        /** Whether every character has the default style. */
        public boolean plain() {
            for (Span s : spans) {
                if (!s.style().equals(Style.PLAIN)) {
                    return false;
                }
            }
            return true;
        }
    }

    private AnsiText() {
    }

    /**
     * The lines of {@code output} as a terminal shows them. A line break ends a line; a final line
     * break does not start another (so {@code "a\n"} is one line, and {@code ""} one blank line).
     * The style carries over from one line to the next, as on a terminal.
     */
    public static List<Line> lines(String output) {
        Terminal terminal = new Terminal();
        List<Line> lines = new ArrayList<>(terminal.write(output));
        Line open = terminal.endLine();
        if (open != null) {
            lines.add(open);
        } else if (lines.isEmpty()) {
            lines.add(new Line(List.of()));
        }
        return lines;
    }

    /** The text of {@code output} as a terminal shows it, without styles: lines joined by {@code \n}. */
    public static String strip(String output) {
        return joined(lines(output));
    }

    private static String joined(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(lines.get(i).text());
        }
        return b.toString();
    }

    /**
     * One output stream as a terminal plays it, written in chunks as they arrive: a chunk may end in
     * the middle of a line or of an escape sequence (build output comes in arbitrary pieces: the
     * classic builder sends a step's title and its line break apart, BuildKit sends what the
     * process wrote), and the next chunk goes on from there. Keeps the line being written (its
     * characters, their styles, the cursor) and the current style; only the style survives a line break.
     */
    public static final class Terminal {
        /** An unfinished escape longer than this is junk, not a sequence still arriving: it is dropped. */
        private static final int MAX_HELD = 4_096;
        private final StringBuilder chars = new StringBuilder();
        private Style[] styles = new Style[64];
        private int cursor;
        private int foreground = -1;
        private boolean bold;
        private Style current = Style.PLAIN;
        /** The start of an escape sequence that the last chunk cut off. */
        private String held = "";

        /** Plays {@code chunk}; returns the lines it completed (each ended by a line break), in order. */
        public List<Line> write(String chunk) {
            String text = held.isEmpty() ? chunk : held + chunk;
            held = "";
            List<Line> done = new ArrayList<>();
            int n = text.length();
            int start = 0;
            while (start < n) {
                int end = text.indexOf('\n', start);
                boolean complete = end >= 0;
                if (!complete) {
                    end = n;
                }
                if (chars.length() == 0 && cursor == 0 && complete && plainRun(text, start, end)) {
                    // Most lines hold no control character at all: no screen needed.
                    done.add(start == end ? new Line(List.of()) : new Line(List.of(new Span(text.substring(start, end), current))));
                } else {
                    play(text, start, end);
                    if (complete) {
                        done.add(spans());
                        chars.setLength(0);
                        cursor = 0;
                    }
                }
                start = end + 1;
            }
            return done;
        }

        /** The line being written, as shown now; null when nothing was written on it yet. */
        public Line openLine() {
            return chars.length() == 0 ? null : spans();
        }

        /**
         * Ends the line being written as a line break would, for a producer whose pieces are whole
         * lines: returns it (null when nothing was written on it) and drops an escape cut off at its end.
         */
        public Line endLine() {
            Line open = openLine();
            chars.setLength(0);
            cursor = 0;
            held = "";
            return open;
        }

        /** Plays text[from, to), a part of one line; an escape cut off at {@code to} is held for the next chunk. */
        private void play(String text, int from, int to) {
            int i = from;
            while (i < to) {
                char c = text.charAt(i);
                int next;
                if (c == ESC) {
                    next = escape(text, i + 1, to);
                } else if (c == CSI_8BIT) {
                    next = csi(text, i + 1, to);
                } else {
                    if (c == '\r') {
                        cursor = 0;
                    } else if (c == '\b') {
                        cursor = Math.max(0, cursor - 1);
                    } else if (!(c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0)) {
                        put(c);
                    }
                    next = i + 1;
                }
                if (next < 0) {
                    // Cut off: at the end of a chunk, wait for the rest; before a line break, it never comes.
                    if (to == text.length() && to - i <= MAX_HELD) {
                        held = text.substring(i, to);
                    }
                    return;
                }
                i = next;
            }
        }

        private boolean plainRun(String text, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' || c >= 0x7f && c < 0xa0) {
                    return false;
                }
            }
            return true;
        }

        private void put(char c) {
            while (chars.length() < cursor) {
                style(chars.length(), Style.PLAIN);
                chars.append(' ');
            }
            if (cursor < chars.length()) {
                chars.setCharAt(cursor, c);
            } else {
                chars.append(c);
            }
            style(cursor, current);
            cursor++;
        }

        private void style(int column, Style style) {
            if (column >= styles.length) {
                styles = Arrays.copyOf(styles, Math.max(column + 1, styles.length * 2));
            }
            styles[column] = style;
        }

        private Line spans() {
            List<Span> spans = new ArrayList<>();
            int start = 0;
            for (int i = 1; i <= chars.length(); i++) {
                if (i == chars.length() || !styles[i].equals(styles[start])) {
                    spans.add(new Span(chars.substring(start, i), styles[start]));
                    start = i;
                }
            }
            return new Line(spans);
        }

        /** Reads the sequence after an ESC at {@code i}; returns the index after it, or -1 when it is cut off. */
        private int escape(String text, int i, int to) {
            if (i >= to) {
                return -1;
            }
            char c = text.charAt(i);
            if (c == '[') {
                return csi(text, i + 1, to);
            } else if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X') {
                return controlString(text, i + 1, to);
            } else if (c == '(' || c == ')' || c == '*' || c == '+' || c == '#' || c == '%') {
                // Character set and line size selections: one more character names the choice.
                return i + 1 < to ? i + 2 : -1;
            }
            return i + 1;
        }

        /** Skips an operating system command (a window title, a hyperlink's target) up to BEL or ESC \; -1 when cut off. */
        private int controlString(String text, int i, int to) {
            while (i < to) {
                char c = text.charAt(i);
                if (c == '\u0007') {
                    return i + 1;
                }
                if (c == ESC) {
                    if (i + 1 >= to) {
                        return -1;
                    }
                    return text.charAt(i + 1) == '\\' ? i + 2 : i + 1;
                }
                i++;
            }
            return -1;
        }

        /** Reads a control sequence's parameters and final byte, from {@code i} just after the introducer; -1 when cut off. */
        private int csi(String text, int i, int to) {
            int paramsStart = i;
            while (i < to && text.charAt(i) >= 0x30 && text.charAt(i) <= 0x3f) {
                i++;
            }
            int paramsEnd = i;
            while (i < to && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x2f) {
                i++;
            }
            if (i >= to) {
                return -1;
            }
            char command = text.charAt(i);
            if (command < 0x40 || command > 0x7e) {
                // Not a well-formed sequence: drop what was read and go on with this character.
                return i;
            }
            String params = text.substring(paramsStart, paramsEnd);
            if (!params.isEmpty() && params.charAt(0) >= '<' && params.charAt(0) <= '?') {
                // Private modes (hide the cursor, bracketed paste): nothing to show.
                return i + 1;
            }
            apply(command, numbers(params));
            return i + 1;
        }

        private void apply(char command, int[] p) {
            int first = p.length == 0 ? 0 : p[0];
            int count = Math.max(1, first);
            switch (command) {
                case 'm' -> graphics(p);
                case 'C' -> cursor += count;
                case 'D' -> cursor = Math.max(0, cursor - count);
                case 'G', '`' -> cursor = count - 1;
                case 'H', 'f' -> cursor = p.length >= 2 ? Math.max(1, p[1]) - 1 : 0;
                case 'E', 'F' -> cursor = 0;
                case 'K', 'J' -> erase(first);
                case 'P' -> delete(count);
                case 'X' -> blank(cursor, Math.min(chars.length(), cursor + count));
                default -> {
                    // Lines up and down, scrolling, modes: nothing a one-line screen can show.
                }
            }
        }

        private void erase(int mode) {
            if (mode == 0) {
                if (cursor < chars.length()) {
                    chars.setLength(cursor);
                }
            } else if (mode == 1) {
                blank(0, Math.min(chars.length(), cursor + 1));
            } else {
                chars.setLength(0);
            }
        }

        private void blank(int from, int to) {
            for (int i = from; i < to; i++) {
                chars.setCharAt(i, ' ');
                styles[i] = Style.PLAIN;
            }
        }

        private void delete(int count) {
            if (cursor >= chars.length()) {
                return;
            }
            int end = Math.min(chars.length(), cursor + count);
            int removed = end - cursor;
            System.arraycopy(styles, end, styles, cursor, chars.length() - end);
            chars.delete(cursor, end);
            Arrays.fill(styles, chars.length(), chars.length() + removed, null);
        }

        private void graphics(int[] p) {
            if (p.length == 0) {
                reset();
            }
            for (int k = 0; k < p.length; k++) {
                int code = p[k];
                if (code == 0) {
                    reset();
                } else if (code == 1) {
                    bold = true;
                } else if (code == 22) {
                    bold = false;
                } else if (code >= 30 && code <= 37) {
                    foreground = code - 30;
                } else if (code >= 90 && code <= 97) {
                    foreground = code - 90 + 8;
                } else if (code == 39) {
                    foreground = -1;
                } else if (code == 38 || code == 48) {
                    int[] colour = extendedColour(p, k + 1);
                    if (code == 38 && colour[0] >= -1) {
                        foreground = colour[0];
                    }
                    k += colour[1];
                }
            }
            current = new Style(foreground, bold);
        }

        private void reset() {
            foreground = -1;
            bold = false;
        }

        /**
         * A 256-colour ({@code 5;n}) or true-colour ({@code 2;r;g;b}) choice starting at {@code k},
         * brought to the nearest of the 16 palette colours: {the colour or -2 when malformed, the
         * number of parameters read}.
         */
        private static int[] extendedColour(int[] p, int k) {
            if (k < p.length && p[k] == 5 && k + 1 < p.length) {
                int n = p[k + 1];
                if (n < 16) {
                    return new int[] {n, 2};
                } else if (n < 232) {
                    int c = n - 16;
                    return new int[] {nearest(c / 36 * 51, c / 6 % 6 * 51, c % 6 * 51), 2};
                } else if (n < 256) {
                    int grey = 8 + (n - 232) * 10;
                    return new int[] {nearest(grey, grey, grey), 2};
                }
                return new int[] {-2, 2};
            }
            if (k < p.length && p[k] == 2 && k + 3 < p.length) {
                return new int[] {nearest(p[k + 1], p[k + 2], p[k + 3]), 4};
            }
            return new int[] {-2, p.length - k};
        }

        /** The palette colour closest to an RGB colour: each channel on or off, bright when it is light. */
        private static int nearest(int r, int g, int b) {
            int max = Math.max(r, Math.max(g, b));
            if (max < 64) {
                return 0;
            }
            int threshold = max / 2;
            int colour = (r > threshold ? 1 : 0) | (g > threshold ? 2 : 0) | (b > threshold ? 4 : 0);
            if (colour == 7 && max < 160) {
                return 8;
            }
            return max >= 200 ? colour + 8 : colour;
        }

        /** The numeric parameters of a sequence; an empty parameter is 0, as terminals read it. */
        private static int[] numbers(String params) {
            if (params.isEmpty()) {
                return new int[0];
            }
            String[] parts = params.split("[;:]", -1);
            int[] out = new int[parts.length];
            for (int k = 0; k < parts.length; k++) {
                String s = parts[k];
                int v = 0;
                for (int j = 0; j < s.length() && j < 6; j++) {
                    char c = s.charAt(j);
                    if (c >= '0' && c <= '9') {
                        v = v * 10 + (c - '0');
                    }
                }
                out[k] = v;
            }
            return out;
        }
    }
}
