package dev.stagecraft.engine.measure;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.instruction.FromInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.InstructionKind;
import dev.stagecraft.instruction.OnbuildInstruction;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each builder writes into an image's history, as measured on the engine (the table is in
 * {@link LayerAttribution}'s documentation): which instructions make an entry, and how an entry's
 * {@code createdBy} names the instruction kind.
 */
final class HistoryModel {
    /** The marker the classic builder puts between the shell and a metadata-only instruction. */
    private static final String NOP = "#(nop) ";

    private HistoryModel() {
    }

    /** An entry the stage's instructions should add: the line it belongs to and the kind that makes it. */
    record Expected(int line, InstructionKind kind) {
    }

    /**
     * The entries stage {@code index} adds after its base's, in order: first the ONBUILD triggers of
     * the earlier stage it is built FROM (they run at the FROM line), then one per instruction,
     * except that BuildKit records nothing for ONBUILD.
     */
    static List<Expected> expected(Analysis analysis, int index, BuilderKind builder) {
        Stage stage = analysis.stages().get(index);
        List<Expected> out = new ArrayList<>();
        if (stage.baseStage() != null) {
            for (Instruction i : analysis.stages().get(stage.baseStage()).instructions()) {
                if (i instanceof OnbuildInstruction onbuild && onbuild.trigger() != null) {
                    out.add(new Expected(stage.line(), onbuild.trigger().kind()));
                }
            }
        }
        for (Instruction i : stage.instructions()) {
            if (i instanceof FromInstruction || builder == BuilderKind.BUILDKIT && i instanceof OnbuildInstruction) {
                continue;
            }
            out.add(new Expected(i.line(), i.kind()));
        }
        return out;
    }

    /**
     * The instruction kind an entry's {@code createdBy} names, or null when it names none. BuildKit
     * starts with the keyword ({@code RUN /bin/sh -c make # buildkit}, {@code ENV A=1}); the classic
     * builder writes the shell, {@code #(nop)} and the keyword for everything but RUN
     * ({@code /bin/sh -c #(nop)  ENV A=1}), and just the command for RUN ({@code |1 A=1 /bin/sh -c make}).
     */
    static InstructionKind kindOf(HistoryEntry entry, BuilderKind builder) {
        String text = entry.createdBy().strip();
        if (builder == BuilderKind.BUILDKIT) {
            return keyword(text);
        }
        int nop = text.indexOf(NOP);
        if (nop >= 0) {
            InstructionKind kind = keyword(text.substring(nop + NOP.length()).strip());
            if (kind != null && kind != InstructionKind.RUN) {
                return kind;
            }
        }
        return text.isEmpty() ? null : InstructionKind.RUN;
    }

    /** Whether the classic builder could have added the entry for a label of the build request. */
    static boolean buildLabel(HistoryEntry entry, BuilderKind builder) {
        return builder == BuilderKind.CLASSIC && entry.sizeBytes() == 0
                && kindOf(entry, builder) == InstructionKind.LABEL;
    }

    /** Whether entries of this kind can own a layer (the others only change the image config). */
    static boolean layerKind(InstructionKind kind) {
        return kind == InstructionKind.RUN || kind == InstructionKind.COPY || kind == InstructionKind.ADD
                || kind == InstructionKind.WORKDIR;
    }

    /** Whether an entry of this kind surely owns a layer, whatever its size: BuildKit layers every layer kind. */
    static boolean alwaysLayer(InstructionKind kind, BuilderKind builder) {
        return builder == BuilderKind.BUILDKIT ? layerKind(kind)
                : kind == InstructionKind.COPY || kind == InstructionKind.ADD;
    }

    private static InstructionKind keyword(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String word = text.substring(0, end);
        return word.equals(word.toUpperCase(Locale.ROOT)) ? InstructionKind.of(word) : null;
    }
}
