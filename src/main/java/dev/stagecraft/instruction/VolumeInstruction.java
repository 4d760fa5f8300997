package dev.stagecraft.instruction;

import java.util.List;

/** {@code VOLUME}: mount points. */
public record VolumeInstruction(InstructionSource source, List<Word> paths) implements Instruction {
}
