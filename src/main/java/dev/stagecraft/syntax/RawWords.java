package dev.stagecraft.syntax;

import java.util.Arrays;

/**
 * Splits text into words the way BuildKit's line parsers do: blanks separate words, except inside
 * quotes or after the escape character. Words keep their quotes and escapes (they are "raw"); the
 * result is the [start, end) offsets of each word.
 */
public final class RawWords {
    private int[] bounds = new int[8];
    private int count;

    private RawWords() {
    }

    public int count() {
        return count;
    }

    public int start(int i) {
        return bounds[2 * i];
    }

    public int end(int i) {
        return bounds[2 * i + 1];
    }

    private void add(int start, int end) {
        if (2 * count + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * count] = start;
        bounds[2 * count + 1] = end;
        count++;
    }

    /** Quote-aware split of text[from, to) with the given escape character. */
    public static RawWords split(String text, int from, int to, char escape) {
        RawWords words = new RawWords();
        int i = from;
        while (i < to) {
            while (i < to && Chars.isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int start = i;
            char quote = 0;
            while (i < to) {
                char c = text.charAt(i);
                if (quote == 0) {
                    if (Chars.isSpace(c)) {
                        break;
                    }
                    if (c == '\'' || c == '"') {
                        quote = c;
                    } else if (c == escape && i + 1 < to) {
                        i++;
                    }
                } else if (c == quote) {
                    quote = 0;
                } else if (c == escape && quote != '\'' && i + 1 < to) {
                    i++;
                }
                i++;
            }
            words.add(start, i);
        }
        return words;
    }

    /** Blank-separated words of text[from, to), quotes ignored (BuildKit's parseStringsWhitespaceDelimited). */
    public static RawWords splitOnBlanks(String text, int from, int to) {
        RawWords words = new RawWords();
        int i = from;
        while (i < to) {
            while (i < to && Chars.isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int start = i;
            while (i < to && !Chars.isSpace(text.charAt(i))) {
                i++;
            }
            words.add(start, i);
        }
        return words;
    }
}
