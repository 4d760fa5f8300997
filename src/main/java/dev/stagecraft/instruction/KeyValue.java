package dev.stagecraft.instruction;

import dev.stagecraft.syntax.SourceRange;

/** One {@code key=value} of ENV, LABEL or ARG, as written; {@code value} is null for {@code ARG NAME}. */
public record KeyValue(Word key, Word value, SourceRange range) {

    public String name() {
        return key.text();
    }
}
