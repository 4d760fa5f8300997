package dev.stagecraft.instruction;

import dev.stagecraft.syntax.Diagnostic;
import java.util.List;

/** The typed instructions of a Dockerfile and the problems found typing them. */
public record Instructions(List<Instruction> list, List<Diagnostic> diagnostics) {
    public Instructions {
        list = List.copyOf(list);
        diagnostics = List.copyOf(diagnostics);
    }
}
