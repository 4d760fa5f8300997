package dev.stagecraft.instruction;

import java.util.List;

/** {@code LABEL}: metadata pairs. */
public record LabelInstruction(InstructionSource source, List<KeyValue> pairs) implements Instruction {
}
