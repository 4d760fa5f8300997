package dev.stagecraft.instruction;

import dev.stagecraft.syntax.SourceRange;

/** One {@code key=value} field of a {@code --mount} (key lower-cased; value null for a bare key such as {@code ro}). */
public record MountOption(String key, String value, SourceRange range, SourceRange valueRange) {
}
