package dev.stagecraft.instruction;

import java.util.List;

/** {@code ENV}: environment variables, for later instructions and the container. */
public record EnvInstruction(InstructionSource source, List<KeyValue> pairs) implements Instruction {
}
