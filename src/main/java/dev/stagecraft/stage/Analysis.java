package dev.stagecraft.stage;

import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.ParseResult;
import java.util.List;
import java.util.Map;

/**
 * Everything known about a Dockerfile without building it: the parse, the typed instructions, the
 * stages and their graph, the target (null when there is none), the order BuildKit would build the
 * needed stages in, the global ARGs as FROM lines see them, and every diagnostic sorted by position.
 */
public record Analysis(ParseResult parse, List<Instruction> instructions, List<Stage> stages, StageGraph graph,
        Integer target, List<Integer> buildOrder, Map<String, String> globalArgs, List<Diagnostic> diagnostics) {

    /** Large lists are wrapped, not copied: the analyzer hands over lists it no longer touches. */
    public Analysis {
        instructions = java.util.Collections.unmodifiableList(instructions);
        stages = List.copyOf(stages);
        buildOrder = List.copyOf(buildOrder);
        diagnostics = java.util.Collections.unmodifiableList(diagnostics);
    }

    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether stage {@code index} ends up in the final image: the target and the stages it is
     * built FROM, down the chain. Other needed stages are built and left behind.
     */
    public boolean ships(int index) {
        Integer s = target;
        while (s != null) {
            if (s == index) {
                return true;
            }
            s = stages.get(s).baseStage();
        }
        return false;
    }

    /** Whether stage {@code index} ships, is built and left behind, or is skipped for the current target. */
    public StageFate fate(int index) {
        if (!stages.get(index).reachable()) {
            return StageFate.SKIPPED;
        }
        return ships(index) ? StageFate.SHIPS : StageFate.LEFT_BEHIND;
    }

    /** The stage with a name (any case), or null. */
    public Stage stage(String name) {
        for (Stage s : stages) {
            if (s.name() != null && s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }
}
