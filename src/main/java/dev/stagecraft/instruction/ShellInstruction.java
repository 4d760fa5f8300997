package dev.stagecraft.instruction;


/** {@code SHELL}: the shell later shell-form commands run in (exec form only). */
public record ShellInstruction(InstructionSource source, CommandLine command) implements Instruction {
}
