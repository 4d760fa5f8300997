package dev.stagecraft.instruction;

import dev.stagecraft.syntax.Diagnostic;
import java.util.List;

/** The typed instructions of a Dockerfile and the problems found typing them. */
public record Instructions(List<Instruction> list, List<Diagnostic> diagnostics) {
    /** Wraps the lists without copying them: the parser that made them hands them over. */
    public Instructions {
        list = java.util.Collections.unmodifiableList(list);
        diagnostics = java.util.Collections.unmodifiableList(diagnostics);
    }
}
