package dev.stagecraft.ui;

import java.util.Objects;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The part of a text whose styles differ between what the editor shows and a new highlighting
 * of the same text. Restyling only that part keeps an edit's cost to the lines it touched: styling
 * the whole document makes the editor rebuild every visible line. A line break's style is not
 * compared: the editor reports it with the style of the character before it, and never draws it.
 */
final class StyleSpansDiff {
    private StyleSpansDiff() {
    }

    /**
     * The range [start, end) outside which {@code shown} and {@code next} style every character
     * the same, or null when they are the same everywhere. Both must cover the same text.
     */
    static <S> int[] changedRange(String text, StyleSpans<S> shown, StyleSpans<S> next) {
        int length = next.length();
        if (shown.length() != length || text.length() != length) {
            return new int[] {0, length};
        }
        int start = commonPrefix(text, shown, next, length);
        if (start >= length) {
            return null;
        }
        int end = length - commonSuffix(text, shown, next, length);
        return new int[] {start, Math.max(end, start)};
    }

    /**
     * The range [start, end) of {@code text} to restyle with {@code next}, given the styles it had
     * before ({@code before}, for the text as it was) and the part {@code [editStart, editEnd)} of
     * {@code text} that edits replaced since: outside it, the text and its styles on screen are
     * those of before, shifted by the edits; inside it, they are unknown and always restyled. Null
     * when nothing needs restyling.
     */
    static <S> int[] changedRange(String text, StyleSpans<S> before, StyleSpans<S> next, int editStart, int editEnd) {
        int length = next.length();
        // The untouched start and end of the text must both be in what it was before.
        if (text.length() != length || editStart < 0 || editEnd > length || editStart > editEnd
                || editStart + (length - editEnd) > before.length()) {
            return new int[] {0, length};
        }
        int start = commonPrefix(text, before, next, editStart);
        int end = length - commonSuffix(text, before, next, length - editEnd);
        return start >= end ? null : new int[] {start, end};
    }

    /** How many characters from the start (at most {@code limit}) both style the same. */
    private static <S> int commonPrefix(String text, StyleSpans<S> a, StyleSpans<S> b, int limit) {
        int i = 0;
        int j = 0;
        int leftA = 0;
        int leftB = 0;
        int position = 0;
        while (true) {
            if (position >= limit) {
                return limit;
            }
            if (leftA == 0) {
                if (i == a.getSpanCount()) {
                    return position;
                }
                leftA = a.getStyleSpan(i).getLength();
            }
            if (leftB == 0) {
                if (j == b.getSpanCount()) {
                    return position;
                }
                leftB = b.getStyleSpan(j).getLength();
            }
            int step = Math.min(leftA, leftB);
            if (!Objects.equals(a.getStyleSpan(i).getStyle(), b.getStyleSpan(j).getStyle())) {
                if (text.charAt(position) != '\n') {
                    return position;
                }
                step = 1;
            }
            position += step;
            leftA -= step;
            leftB -= step;
            if (leftA == 0) {
                i++;
            }
            if (leftB == 0) {
                j++;
            }
        }
    }

    /** How many characters from the end (at most {@code limit}) both style the same. */
    private static <S> int commonSuffix(String text, StyleSpans<S> a, StyleSpans<S> b, int limit) {
        int i = a.getSpanCount() - 1;
        int j = b.getSpanCount() - 1;
        int leftA = 0;
        int leftB = 0;
        int position = 0;
        while (true) {
            if (position >= limit) {
                return limit;
            }
            if (leftA == 0) {
                if (i < 0) {
                    return position;
                }
                leftA = a.getStyleSpan(i).getLength();
            }
            if (leftB == 0) {
                if (j < 0) {
                    return position;
                }
                leftB = b.getStyleSpan(j).getLength();
            }
            StyleSpan<S> x = a.getStyleSpan(i);
            StyleSpan<S> y = b.getStyleSpan(j);
            int step = Math.min(leftA, leftB);
            if (!Objects.equals(x.getStyle(), y.getStyle())) {
                if (text.charAt(text.length() - 1 - position) != '\n') {
                    return position;
                }
                step = 1;
            }
            position += step;
            leftA -= step;
            leftB -= step;
            if (leftA == 0) {
                i--;
            }
            if (leftB == 0) {
                j--;
            }
        }
    }
}
