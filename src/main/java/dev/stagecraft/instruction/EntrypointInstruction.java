package dev.stagecraft.instruction;


/** {@code ENTRYPOINT}: the program the container runs. */
public record EntrypointInstruction(InstructionSource source, CommandLine command) implements Instruction {
}
