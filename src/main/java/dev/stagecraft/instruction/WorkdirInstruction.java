package dev.stagecraft.instruction;


/** {@code WORKDIR}: the working directory for later instructions and the container. */
public record WorkdirInstruction(InstructionSource source, Word path) implements Instruction {
}
