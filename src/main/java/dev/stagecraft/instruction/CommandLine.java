package dev.stagecraft.instruction;

import dev.stagecraft.syntax.InstructionNode;
import dev.stagecraft.syntax.SourceRange;
import java.util.List;

/**
 * The command of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK CMD: exec form (a JSON array, one word
 * per element, decoded) or shell form (one word holding the whole command as written). It spans
 * logical offsets [start, end) of its instruction.
 */
public record CommandLine(boolean json, List<Word> args, InstructionNode node, int start, int end) {

    public CommandLine {
        args = List.copyOf(args);
    }

    public SourceRange range() {
        return node.range(start, end);
    }

    /** The command as one line: the shell text, or the exec arguments joined by blanks. */
    public String display() {
        StringBuilder b = new StringBuilder();
        for (Word w : args) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w.text());
        }
        return b.toString();
    }
}
