package dev.stagecraft.instruction;

import dev.stagecraft.syntax.SourceRange;

/**
 * An argument as written (quotes and variables untouched), where it is in the source, and where it
 * starts in its instruction's logical line (to locate parts of it, such as one variable).
 */
public record Word(String text, SourceRange range, int logicalStart) {
}
