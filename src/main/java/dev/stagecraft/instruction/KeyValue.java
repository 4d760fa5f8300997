package dev.stagecraft.instruction;

import dev.stagecraft.syntax.SourceRange;

/** One {@code key=value} of ENV, LABEL or ARG, as written; {@code value} is null for {@code ARG NAME}. */
public record KeyValue(Word key, Word value) {

    public String name() {
        return key.text();
    }

    public SourceRange range() {
        return key.node().range(key.start(), value == null ? key.end() : value.end());
    }
}
