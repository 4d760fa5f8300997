package dev.stagecraft.edit;

import dev.stagecraft.instruction.CopyInstruction;
import dev.stagecraft.instruction.Flag;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.Mount;
import dev.stagecraft.instruction.MountOption;
import dev.stagecraft.instruction.MountType;
import dev.stagecraft.instruction.RunInstruction;
import dev.stagecraft.instruction.Word;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.syntax.SourceRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every place that names a stage: its {@code AS} name, {@code FROM name} in later stages, and
 * {@code COPY --from=name} / {@code RUN --mount=...,from=name} anywhere, in any case (the case
 * mistakes are what a fix or a rename should repair too). References by index and in ONBUILD
 * triggers (resolved by another build) are not names of this stage; here-document bodies are
 * content, never references. {@code unwritable} holds references whose source text is not the
 * name as written (quoted, or split by a line continuation): an edit could not keep them intact.
 */
public record StageReferences(Stage stage, List<SourceRange> places, List<SourceRange> unwritable) {

    public StageReferences {
        places = List.copyOf(places);
        unwritable = List.copyOf(unwritable);
    }

    /** The references to a named stage; duplicates of its name in later stages do not count as it. */
    public static StageReferences of(Analysis analysis, Stage stage) {
        String text = analysis.parse().text();
        String name = stage.name();
        List<SourceRange> places = new ArrayList<>();
        List<SourceRange> unwritable = new ArrayList<>();
        if (name == null || analysis.stage(name).index() != stage.index()) {
            return new StageReferences(stage, places, unwritable);
        }
        places.add(stage.from().name().range());
        for (Stage s : analysis.stages()) {
            Word image = s.from().image();
            if (s.index() > stage.index() && image != null && image.text().equalsIgnoreCase(name)) {
                sort(text, image.text(), image.range(), places, unwritable);
            }
            for (Instruction i : s.instructions()) {
                if (i instanceof CopyInstruction copy) {
                    Flag from = copy.from();
                    if (from != null && from.value() != null && from.value().equalsIgnoreCase(name)) {
                        sort(text, from.value(), from.valueRange(), places, unwritable);
                    }
                } else if (i instanceof RunInstruction run) {
                    for (Mount m : run.mounts()) {
                        MountOption from = m.from();
                        if (from != null && from.value() != null && m.type() != MountType.SECRET
                                && from.value().equalsIgnoreCase(name)) {
                            sort(text, from.value(), from.valueRange(), places, unwritable);
                        }
                    }
                }
            }
        }
        places.sort(Comparator.comparingInt(SourceRange::start));
        return new StageReferences(stage, places, unwritable);
    }

    private static void sort(String text, String written, SourceRange range, List<SourceRange> places,
            List<SourceRange> unwritable) {
        if (text.substring(range.start(), range.end()).equals(written)) {
            places.add(range);
        } else {
            unwritable.add(range);
        }
    }

    /** The named stage whose name or a reference to it is at {@code offset} (the end of the word counts), or null. */
    public static StageReferences at(Analysis analysis, int offset) {
        for (Stage s : analysis.stages()) {
            if (s.name() == null) {
                continue;
            }
            StageReferences refs = of(analysis, s);
            for (SourceRange r : refs.places) {
                if (offset >= r.start() && offset <= r.end()) {
                    return refs;
                }
            }
            for (SourceRange r : refs.unwritable) {
                if (offset >= r.start() && offset <= r.end()) {
                    return refs;
                }
            }
        }
        return null;
    }

    /** Edits that write {@code newName} at every place. */
    public List<TextEdit> renameTo(String newName) {
        List<TextEdit> edits = new ArrayList<>(places.size());
        for (SourceRange r : places) {
            edits.add(new TextEdit(r.start(), r.end(), newName));
        }
        return edits;
    }
}
