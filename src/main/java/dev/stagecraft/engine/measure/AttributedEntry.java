package dev.stagecraft.engine.measure;

import dev.stagecraft.instruction.InstructionKind;
import java.util.Objects;

/**
 * One history entry a stage added, tied to the Dockerfile: its index in the image's history (oldest
 * first, the same index in the engine API's history and in the saved config's), the 1-based line of
 * the instruction that made it, that instruction's kind, and the bytes the engine says its layer adds.
 * An ONBUILD trigger of the base stage runs at the stage's FROM: its entry has the FROM line and the
 * trigger's kind ({@code RUN} at a FROM line).
 */
public record AttributedEntry(int historyIndex, int line, InstructionKind kind, long sizeBytes) {
    public AttributedEntry {
        Objects.requireNonNull(kind, "kind");
        if (historyIndex < 0 || line < 1 || sizeBytes < 0) {
            throw new IllegalArgumentException("history entry " + historyIndex + ", line " + line + ", " + sizeBytes + " bytes");
        }
    }

    /** Whether entries of this kind can own a layer: RUN, COPY, ADD and WORKDIR; the others only change the config. */
    public boolean layerKind() {
        return HistoryModel.layerKind(kind);
    }
}
