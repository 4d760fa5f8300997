package dev.stagecraft.compare;

import java.util.Objects;

/**
 * One layer-making instruction compared: its normalized text, and where and how big its layer is on
 * each side ({@code a} or {@code b} null when only the other side has that instruction there).
 */
public record LayerChange(String instruction, Side a, Side b) {

    /** A layer on one side: the stage it is in, the instruction's line, its bytes. */
    public record Side(String stage, int line, long sizeBytes) {
        public Side {
            Objects.requireNonNull(stage, "stage");
        }
    }

    public LayerChange {
        Objects.requireNonNull(instruction, "instruction");
        if (a == null && b == null) {
            throw new IllegalArgumentException("a layer change needs a layer on at least one side: " + instruction);
        }
    }

    /** B's bytes less A's; a side without the layer counts 0. */
    public long deltaBytes() {
        return (b == null ? 0 : b.sizeBytes()) - (a == null ? 0 : a.sizeBytes());
    }
}
