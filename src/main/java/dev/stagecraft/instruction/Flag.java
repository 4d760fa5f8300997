package dev.stagecraft.instruction;

import dev.stagecraft.syntax.InstructionNode;
import dev.stagecraft.syntax.SourceRange;

/**
 * A {@code --name[=value]} flag. {@code value} has quotes removed (as BuildKit does) and is null when
 * no '=' was written. {@code valueRange} is null then too.
 */
public record Flag(String name, String value, SourceRange range, SourceRange nameRange, SourceRange valueRange,
        InstructionNode node, int[] valueLogicalOffsets) {

    /** The source range of value characters [from, to) (offsets into {@link #value()}). */
    public SourceRange valueSubRange(int from, int to) {
        if (value == null || value.isEmpty() || valueLogicalOffsets.length == 0) {
            return valueRange != null ? valueRange : range;
        }
        int last = valueLogicalOffsets.length - 1;
        int s = valueLogicalOffsets[Math.min(from, last)];
        int e = to <= from ? s : valueLogicalOffsets[Math.min(to - 1, last)] + 1;
        return node.range(s, e);
    }

    /** True for {@code --name}, {@code --name=true} (any case). */
    public boolean isTrue() {
        return value == null || value.equalsIgnoreCase("true");
    }
}
