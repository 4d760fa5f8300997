package dev.stagecraft.instruction;

import dev.stagecraft.syntax.FlagWords;
import dev.stagecraft.syntax.InstructionNode;
import dev.stagecraft.syntax.SourceRange;

/**
 * A {@code --name[=value]} flag. {@code value} has quotes removed (as BuildKit does) and is null when
 * no '=' was written. Ranges are computed on demand from the flag word's offsets.
 */
public record Flag(String name, String value, InstructionNode node, FlagWords.Word word) {

    /** The whole flag word. */
    public SourceRange range() {
        return node.range(word.start(), word.end());
    }

    /** {@code --name}. */
    public SourceRange nameRange() {
        int last = word.text().length() - 1;
        return node.range(word.start(), word.logicalOffset(Math.min(last, 1 + name.length())) + 1);
    }

    /** The value after '=', or null when there is none. */
    public SourceRange valueRange() {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            return node.range(word.end(), word.end());
        }
        return valueSubRange(0, value.length());
    }

    /** The source range of value characters [from, to) (offsets into {@link #value()}). */
    public SourceRange valueSubRange(int from, int to) {
        if (value == null || value.isEmpty()) {
            return value == null ? range() : valueRange();
        }
        int base = name.length() + 3;
        int last = word.text().length() - 1;
        int s = word.logicalOffset(Math.min(base + from, last));
        int e = to <= from ? s : word.logicalOffset(Math.min(base + to - 1, last)) + 1;
        return node.range(s, Math.max(s, e));
    }

    /** True for {@code --name}, {@code --name=true} (any case). */
    public boolean isTrue() {
        return value == null || value.equalsIgnoreCase("true");
    }
}
