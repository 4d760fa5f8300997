package dev.stagecraft.instruction;

import java.util.Locale;

/**
 * {@code FROM image [AS name]}: starts a stage. {@code image} is as written (variables unexpanded);
 * {@code asKeyword} and {@code name} are null without {@code AS}; {@code image} is null only when the
 * instruction had no argument.
 */
public record FromInstruction(InstructionSource source, Word image, Word asKeyword, Word name) implements Instruction {

    /** The stage name in lower case, as BuildKit keys it, or null. */
    public String stageName() {
        return name == null ? null : name.text().toLowerCase(Locale.ROOT);
    }

    public Flag platform() {
        return source.flag("platform");
    }
}
