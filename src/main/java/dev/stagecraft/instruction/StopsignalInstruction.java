package dev.stagecraft.instruction;


/** {@code STOPSIGNAL}: the signal that stops the container. */
public record StopsignalInstruction(InstructionSource source, Word signal) implements Instruction {
}
