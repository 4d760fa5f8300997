package dev.stagecraft.instruction;

import java.util.List;

/** {@code ARG}: build arguments, each with an optional default. */
public record ArgInstruction(InstructionSource source, List<KeyValue> args) implements Instruction {
}
