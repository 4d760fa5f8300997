package dev.stagecraft.instruction;

import dev.stagecraft.syntax.InstructionNode;
import dev.stagecraft.syntax.SourceRange;

/**
 * An argument: its text (as written, or decoded for an exec-form element) and its place in its
 * instruction's logical line, [start, end). The source range is computed when asked for, so a
 * large file pays only for the ranges someone looks at.
 */
public record Word(String text, InstructionNode node, int start, int end) {

    public SourceRange range() {
        return node.range(start, end);
    }

    /** The source range of text characters [from, to) of a word written as is (not a decoded JSON element). */
    public SourceRange subRange(int from, int to) {
        int s = start + Math.min(Math.max(0, from), end - start);
        int e = Math.min(start + Math.max(from, to), end);
        return node.range(s, Math.max(s, e));
    }
}
