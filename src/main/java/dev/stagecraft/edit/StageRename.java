package dev.stagecraft.edit;

import dev.stagecraft.instruction.CopyInstruction;
import dev.stagecraft.instruction.Flag;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.Mount;
import dev.stagecraft.instruction.MountOption;
import dev.stagecraft.instruction.RunInstruction;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.syntax.SourceRange;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renames the stage named at an offset (its {@code AS} name or any reference to it by name) and
 * every reference with it, or says why not: a name BuildKit would refuse or read differently, a
 * name another stage or an image reference already uses, or a reference an edit cannot rewrite.
 */
public final class StageRename {
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");

    /** The edits, or the reason there are none (then {@code edits} is empty). */
    public record Outcome(List<TextEdit> edits, String refusal) {
        public Outcome {
            edits = List.copyOf(edits);
        }

        public boolean refused() {
            return refusal != null;
        }

        static Outcome refuse(String reason) {
            return new Outcome(List.of(), reason);
        }
    }

    private StageRename() {
    }

    /** The stage named at {@code offset}, or null when the offset is on no stage name. */
    public static Stage stageAt(Analysis analysis, int offset) {
        StageReferences refs = StageReferences.at(analysis, offset);
        return refs == null ? null : refs.stage();
    }

    public static Outcome rename(Analysis analysis, int offset, String newName) {
        StageReferences refs = StageReferences.at(analysis, offset);
        if (refs == null) {
            return Outcome.refuse("Put the caret on a stage's AS name or on a reference to it (FROM, --from=, from=)");
        }
        String name = newName == null ? "" : newName.strip();
        String old = refs.stage().name();
        if (name.equals(old)) {
            return Outcome.refuse("The stage is already named '" + old + "'");
        }
        if (!STAGE_NAME.matcher(name).matches()) {
            return Outcome.refuse("'" + name + "' is not a valid stage name: it must start with a lowercase letter and"
                    + " hold only lowercase letters, digits, '-', '_' and '.'");
        }
        if (name.equals("scratch") || name.equals("context")) {
            return Outcome.refuse("'" + name + "' is reserved and cannot name a stage");
        }
        Stage taken = analysis.stage(name);
        if (taken != null) {
            return Outcome.refuse("Stage #" + taken.index() + " is already named '" + taken.name() + "'");
        }
        SourceRange image = imageNamed(analysis, name);
        if (image != null) {
            return Outcome.refuse("Line " + image.startLine() + " uses '" + name + "' as an image: after the rename it"
                    + " would name this stage instead");
        }
        if (!refs.unwritable().isEmpty()) {
            return Outcome.refuse("The reference on line " + refs.unwritable().get(0).startLine()
                    + " is quoted or split across lines: rename it by hand");
        }
        return new Outcome(refs.renameTo(name), null);
    }

    /** A FROM, --from= or from= that names {@code name} as an image today, or null. */
    private static SourceRange imageNamed(Analysis analysis, String name) {
        for (Stage s : analysis.stages()) {
            if (s.from().image() != null && s.from().image().text().toLowerCase(Locale.ROOT).equals(name)) {
                return s.from().image().range();
            }
            for (Instruction i : s.instructions()) {
                if (i instanceof CopyInstruction copy) {
                    Flag from = copy.from();
                    if (from != null && from.value() != null && from.value().equalsIgnoreCase(name)) {
                        return from.valueRange();
                    }
                } else if (i instanceof RunInstruction run) {
                    for (Mount m : run.mounts()) {
                        MountOption from = m.from();
                        if (from != null && from.value() != null && from.value().equalsIgnoreCase(name)) {
                            return from.valueRange();
                        }
                    }
                }
            }
        }
        return null;
    }
}
