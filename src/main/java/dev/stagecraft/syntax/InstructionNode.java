package dev.stagecraft.syntax;

import java.util.List;

/**
 * One instruction as the parser found it, before any meaning is given to it: its logical line
 * (continuation lines joined, continuation characters and comment lines inside dropped) and the
 * here-documents that follow it. Offsets into {@link #text()} are "logical"; {@link #range(int, int)}
 * maps them back to the source, so every word keeps its real line and column.
 */
public final class InstructionNode {
    private final String text;
    /** Per joined line: logical start, source start, line number (three ints each, one array for all). */
    private final int[] segments;
    private final int segmentCount;
    private final LineIndex lines;
    private final SourceRange range;
    private final int keywordEnd;
    private final List<Heredoc> heredocs;

    InstructionNode(String text, int[] segments, int segmentCount, LineIndex lines, SourceRange range,
            List<Heredoc> heredocs) {
        this.text = text;
        this.segments = segments;
        this.segmentCount = segmentCount;
        this.lines = lines;
        this.range = range;
        this.heredocs = List.copyOf(heredocs);
        this.keywordEnd = Chars.wordEnd(text, 0);
    }

    /** The logical line: starts at the keyword, continuations joined. */
    public String text() {
        return text;
    }

    /** The keyword as written (any case). */
    public String keyword() {
        return text.substring(0, keywordEnd);
    }

    public int keywordEnd() {
        return keywordEnd;
    }

    public SourceRange keywordRange() {
        return range(0, keywordEnd);
    }

    /** The whole instruction, here-documents included. */
    public SourceRange range() {
        return range;
    }

    public List<Heredoc> heredocs() {
        return heredocs;
    }

    public int line() {
        return range.startLine();
    }

    /** The last segment starting at or before (strictly before, for an end) the logical offset. */
    private int segmentAtOrBefore(int logical, boolean strict) {
        int lo = 0;
        int hi = segmentCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            int s = segments[3 * mid];
            if (strict ? s < logical : s <= logical) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The source range of logical offsets [start, end). */
    public SourceRange range(int start, int end) {
        if (segmentCount == 1) {
            int base = segments[1];
            return lines.rangeOnLine(range.startLine(), base + start, base + end);
        }
        int k = segmentAtOrBefore(start, false);
        int s = segments[3 * k + 1] + (start - segments[3 * k]);
        int startLine = segments[3 * k + 2];
        int endLine = startLine;
        int e = s;
        if (end > start) {
            int k2 = segmentAtOrBefore(end, true);
            e = segments[3 * k2 + 1] + (end - segments[3 * k2]);
            endLine = segments[3 * k2 + 2];
        }
        return new SourceRange(s, e, startLine, s - lines.lineStart(startLine) + 1, endLine, e - lines.lineStart(endLine) + 1);
    }

    /** Calls back with each source piece [start, end) of logical [start, end), split where lines were joined. */
    public void forEachSourcePiece(int start, int end, PieceConsumer consumer) {
        if (end <= start) {
            return;
        }
        for (int k = segmentAtOrBefore(start, false); k < segmentCount; k++) {
            int segStart = segments[3 * k];
            if (segStart >= end) {
                break;
            }
            int segEnd = k + 1 < segmentCount ? segments[3 * k + 3] : text.length();
            int s = Math.max(start, segStart);
            int e = Math.min(end, segEnd);
            if (s < e) {
                consumer.accept(segments[3 * k + 1] + (s - segStart), segments[3 * k + 1] + (e - segStart));
            }
        }
    }

    /** Receives source pieces from {@link #forEachSourcePiece}. */
    @FunctionalInterface
    public interface PieceConsumer {
        void accept(int start, int end);
    }

    @Override
    public String toString() {
        return range.startLine() + ": " + text;
    }
}
