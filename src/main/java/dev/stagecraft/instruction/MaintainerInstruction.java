package dev.stagecraft.instruction;


/** {@code MAINTAINER} (deprecated in favour of a label). */
public record MaintainerInstruction(InstructionSource source, Word name) implements Instruction {
}
