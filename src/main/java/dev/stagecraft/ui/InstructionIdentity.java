package dev.stagecraft.ui;

import dev.stagecraft.instruction.FromInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.InstructionKind;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.syntax.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which instruction of a Dockerfile this is, in terms that survive edits elsewhere in the file: its
 * stage (-1 for the ARGs before the first FROM), its place in that stage (the FROM is 0, the
 * instruction after it 1) and its keyword. A build's results stay with the instruction they belong
 * to while lines above it come and go.
 */
record InstructionIdentity(int stageIndex, int ordinal, InstructionKind kind) {

    InstructionIdentity {
        Objects.requireNonNull(kind, "kind");
        if (stageIndex < -1 || ordinal < 0) {
            throw new IllegalArgumentException("stage " + stageIndex + ", ordinal " + ordinal);
        }
    }

    /** An instruction where it stands in one text: its identity, 1-based start line, and how many lines it spans. */
    record Site(InstructionIdentity identity, int line, int lineCount) {
    }

    /** Every instruction of {@code analysis}, in the order of the text. */
    static List<Site> sites(Analysis analysis) {
        List<Site> sites = new ArrayList<>(analysis.instructions().size());
        int stage = -1;
        int ordinal = -1;
        for (Instruction i : analysis.instructions()) {
            if (i instanceof FromInstruction) {
                stage++;
                ordinal = 0;
            } else {
                ordinal++;
            }
            sites.add(new Site(new InstructionIdentity(stage, ordinal, i.kind()), i.line(), lineCount(i.range())));
        }
        return sites;
    }

    private static int lineCount(SourceRange range) {
        int last = range.endLine();
        if (last > range.startLine() && range.endColumn() == 1) {
            // A range that ends at the start of a line ends with the line break before it.
            last--;
        }
        return last - range.startLine() + 1;
    }
}
