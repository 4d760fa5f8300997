package dev.stagecraft.instruction;


/** {@code ONBUILD}: an instruction run when another build uses this image; {@code trigger} is null when invalid. */
public record OnbuildInstruction(InstructionSource source, Instruction trigger) implements Instruction {
}
