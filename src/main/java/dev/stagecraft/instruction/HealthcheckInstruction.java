package dev.stagecraft.instruction;


/** {@code HEALTHCHECK}: {@code NONE}, or the command that checks the container; {@code command} is null for NONE. */
public record HealthcheckInstruction(InstructionSource source, boolean none, CommandLine command) implements Instruction {
}
