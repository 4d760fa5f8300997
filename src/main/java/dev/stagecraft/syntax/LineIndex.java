package dev.stagecraft.syntax;

import java.util.Arrays;

/** Turns character offsets into 1-based line and column numbers. Lines end at '\n' ("\r\n" included). */
public final class LineIndex {
    private final int[] lineStarts;
    private final int lineCount;
    private final int textLength;

    public LineIndex(String text) {
        int[] starts = new int[64];
        int count = 1;
        int n = text.length();
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            // A byte-order mark is not a column: line 1 starts after it.
            starts[0] = 1;
        }
        this.lineStarts = starts;
        this.lineCount = count;
        this.textLength = n;
    }

    public int lineCount() {
        return lineCount;
    }

    public int textLength() {
        return textLength;
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** 1-based line holding the offset; the text's end belongs to the last line. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    public SourceRange range(int start, int end) {
        int startLine = lineOf(start);
        int endLine = end == start ? startLine : lineOf(end);
        return new SourceRange(start, end, startLine, Math.max(1, start - lineStarts[startLine - 1] + 1),
                endLine, Math.max(1, end - lineStarts[endLine - 1] + 1));
    }

    /** A range whose lines the caller already knows, saving the search. */
    public SourceRange range(int startLine, int start, int endLine, int end) {
        return new SourceRange(start, end, startLine, Math.max(1, start - lineStarts[startLine - 1] + 1),
                endLine, Math.max(1, end - lineStarts[endLine - 1] + 1));
    }

    /** A range on a line already known to the caller, saving the search. */
    public SourceRange rangeOnLine(int line, int start, int end) {
        int lineStart = lineStarts[line - 1];
        return new SourceRange(start, end, line, Math.max(1, start - lineStart + 1), line, Math.max(1, end - lineStart + 1));
    }
}
