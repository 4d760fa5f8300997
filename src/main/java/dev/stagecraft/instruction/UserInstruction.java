package dev.stagecraft.instruction;


/** {@code USER}: the user (and group) later instructions and the container run as. */
public record UserInstruction(InstructionSource source, Word user) implements Instruction {
}
