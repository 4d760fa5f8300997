package dev.stagecraft.instruction;

import dev.stagecraft.syntax.SourceRange;

/**
 * One {@code key=value} field of a {@code --mount} (key lower-cased; value null for a bare key such
 * as {@code ro}). The field's i-th character is at {@code start + i} in the flag's value, or at
 * {@code positions[i]} when CSV quotes were removed; ranges are computed on demand.
 */
public record MountOption(String key, String value, Flag flag, int start, int[] positions, int length) {

    public SourceRange range() {
        return sub(0, length);
    }

    /** The value's range, or null for a bare key. */
    public SourceRange valueRange() {
        return value == null ? null : sub(length - value.length(), length);
    }

    private int position(int i) {
        return positions == null ? start + i : positions[i];
    }

    private SourceRange sub(int from, int to) {
        if (length == 0) {
            return flag.valueRange();
        }
        int s = from < length ? position(from) : position(length - 1) + 1;
        int e = to > from ? position(Math.min(to, length) - 1) + 1 : s;
        return flag.valueSubRange(s, e);
    }
}
