package dev.stagecraft.ui;

import dev.stagecraft.context.CarriedFiles;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.stage.Analysis;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the build context gives the COPY/ADD instructions of one analysis: the files each carries
 * (keyed by the instruction itself), or, when there is nothing to match against, why not
 * ({@code problem}: no context folder, an unreadable folder).
 */
record ContextReport(Analysis analysis, Path folder, Map<Instruction, CarriedFiles> carried, String problem) {

    ContextReport {
        carried = Collections.unmodifiableMap(new IdentityHashMap<>(carried));
    }

    static ContextReport unavailable(Analysis analysis, String problem) {
        return new ContextReport(analysis, null, Map.of(), problem);
    }

    /** The files of {@code instruction}, or null when they are not known. */
    CarriedFiles of(Instruction instruction) {
        return carried.get(instruction);
    }
}
