package dev.stagecraft.instruction;

import dev.stagecraft.syntax.InstructionNode;
import dev.stagecraft.syntax.SourceRange;

/**
 * An argument: its place in its instruction's logical line, [start, end), and, for an exec-form
 * element, its decoded JSON value. The text and the source range are derived when asked for, so a
 * 100,000-line file keeps no copy of every word (the analysis stays linear in memory and time).
 */
public record Word(InstructionNode node, int start, int end, String decoded) {

    /** A word written as is. */
    public static Word of(InstructionNode node, int start, int end) {
        return new Word(node, start, end, null);
    }

    /** The text: as written, or the decoded JSON string of an exec-form element. */
    public String text() {
        return decoded != null ? decoded : node.text().substring(start, end);
    }

    public SourceRange range() {
        return node.range(start, end);
    }

    /** The source range of text characters [from, to) of a word written as is (not a decoded JSON element). */
    public SourceRange subRange(int from, int to) {
        int s = start + Math.min(Math.max(0, from), end - start);
        int e = Math.min(start + Math.max(from, to), end);
        return node.range(s, Math.max(s, e));
    }

    @Override
    public String toString() {
        return text();
    }
}
