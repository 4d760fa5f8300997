package dev.stagecraft.instruction;


/** {@code CMD}: the default command of the image. */
public record CmdInstruction(InstructionSource source, CommandLine command) implements Instruction {
}
