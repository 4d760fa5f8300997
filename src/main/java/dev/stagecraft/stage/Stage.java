package dev.stagecraft.stage;

import dev.stagecraft.instruction.FromInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.syntax.SourceRange;
import java.util.List;

/**
 * A build stage: from its FROM to the next. {@code base} is the FROM image or stage name after
 * variable expansion; {@code baseStage} the index of the earlier stage it names, else null;
 * {@code reachable} whether building the target needs it.
 */
public record Stage(int index, String name, FromInstruction from, String base, Integer baseStage,
        List<Instruction> instructions, boolean reachable, SourceRange range) {

    public Stage {
        instructions = List.copyOf(instructions);
    }

    public boolean scratch() {
        return "scratch".equals(base);
    }

    /** The name, or {@code #index} for an unnamed stage. */
    public String label() {
        return name != null ? name : "#" + index;
    }

    /** "FROM image", or "FROM scratch (empty)": how cards and drawings name the base. */
    public String baseLabel() {
        return scratch() ? "FROM scratch (empty)" : "FROM " + base;
    }

    /** "1 instruction", "3 instructions". */
    public String instructionCount() {
        int n = instructions.size();
        return n + (n == 1 ? " instruction" : " instructions");
    }

    public int line() {
        return from.line();
    }
}
