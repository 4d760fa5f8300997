package dev.stagecraft.instruction;

import java.util.List;

/** {@code EXPOSE}: ports the container listens on. */
public record ExposeInstruction(InstructionSource source, List<Word> ports) implements Instruction {
}
