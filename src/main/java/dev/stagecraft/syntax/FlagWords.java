package dev.stagecraft.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The leading {@code --flag[=value]} words of an instruction, found as BuildKit's
 * extractBuilderFlags finds them: scanning stops at {@code --} alone and at the first word that does
 * not start with {@code --}; quotes and backslashes inside a flag word are removed.
 */
public final class FlagWords {

    /**
     * One flag word. {@code text} is the word after quote removal (starting with "--");
     * {@code offsets[i]} is the logical offset of text's i-th character, or {@code offsets} is null
     * when nothing was removed and text's i-th character is at {@code start + i}.
     */
    public record Word(int start, int end, String text, int[] offsets) {

        /** Logical offset of text's i-th character. */
        public int logicalOffset(int i) {
            return offsets == null ? start + i : offsets[i];
        }
    }

    private final List<Word> words;
    private final int restStart;
    private final int endMarker;

    private FlagWords(List<Word> words, int restStart, int endMarker) {
        this.words = words;
        this.restStart = restStart;
        this.endMarker = endMarker;
    }

    public List<Word> words() {
        return words;
    }

    /** Logical offset where the arguments after the flags start (the end of the text when none). */
    public int restStart() {
        return restStart;
    }

    /** Logical offset of a {@code --} that ended the flags, or -1. */
    public int endMarker() {
        return endMarker;
    }

    /** Scans text from {@code from}, normally just after the keyword. */
    public static FlagWords scan(String text, int from) {
        int n = text.length();
        int i = from;
        List<Word> words = List.of();
        while (true) {
            while (i < n && Chars.isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return new FlagWords(words, n, -1);
            }
            if (text.charAt(i) != '-' || i + 1 >= n || text.charAt(i + 1) != '-') {
                return new FlagWords(words, i, -1);
            }
            int start = i;
            int plain = i;
            while (plain < n && !Chars.isSpace(text.charAt(plain)) && text.charAt(plain) != '\''
                    && text.charAt(plain) != '"' && text.charAt(plain) != '\\') {
                plain++;
            }
            int[] offsets = null;
            String word;
            if (plain >= n || Chars.isSpace(text.charAt(plain))) {
                // Nothing to remove: the word is the text itself.
                word = text.substring(start, plain);
                i = plain;
            } else {
                StringBuilder out = new StringBuilder(32);
                offsets = new int[32];
                char quote = 0;
                while (i < n) {
                    char c = text.charAt(i);
                    if (quote == 0 && Chars.isSpace(c)) {
                        break;
                    }
                    if (quote == 0 && (c == '\'' || c == '"')) {
                        quote = c;
                        i++;
                        continue;
                    }
                    if (quote != 0 && c == quote) {
                        quote = 0;
                        i++;
                        continue;
                    }
                    if (c == '\\') {
                        if (i + 1 >= n) {
                            i++;
                            continue;
                        }
                        i++;
                        c = text.charAt(i);
                    }
                    if (out.length() == offsets.length) {
                        offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
                    }
                    offsets[out.length()] = i;
                    out.append(c);
                    i++;
                }
                word = out.toString();
                offsets = java.util.Arrays.copyOf(offsets, word.length());
            }
            if (word.length() == 2) {
                // A bare "--" ends the flags; what follows is arguments even if it starts with "--".
                int rest = i;
                while (rest < n && Chars.isSpace(text.charAt(rest))) {
                    rest++;
                }
                return new FlagWords(words, rest, start);
            }
            if (words.isEmpty()) {
                words = new ArrayList<>(4);
            }
            words.add(new Word(start, i, word, offsets));
        }
    }
}
