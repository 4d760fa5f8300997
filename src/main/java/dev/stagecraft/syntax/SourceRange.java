package dev.stagecraft.syntax;

/**
 * A span of the Dockerfile text: character offsets (end exclusive) plus 1-based line and column of
 * both ends, so an editor can underline a word and a terminal can print {@code line:column}.
 */
public record SourceRange(int start, int end, int startLine, int startColumn, int endLine, int endColumn) {

    public SourceRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets " + start + ".." + end);
        }
        if (startLine < 1 || startColumn < 1 || endLine < startLine || endColumn < 1) {
            throw new IllegalArgumentException("bad position " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
        }
    }

    /** From the start of {@code first} to the end of {@code last}. */
    public static SourceRange span(SourceRange first, SourceRange last) {
        return new SourceRange(first.start, Math.max(first.start, last.end), first.startLine, first.startColumn,
                last.end >= first.start ? last.endLine : first.startLine, last.end >= first.start ? last.endColumn : first.startColumn);
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    @Override
    public String toString() {
        return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    }
}
