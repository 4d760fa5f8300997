package dev.stagecraft.instruction;

import dev.stagecraft.syntax.InstructionNode;
import dev.stagecraft.syntax.SourceRange;
import java.util.List;

/**
 * What every instruction shares: the node it was read from, its kind, where its keyword is in the
 * logical line (an ONBUILD trigger's keyword is inside its ONBUILD's line) and its flags.
 */
public record InstructionSource(InstructionNode node, InstructionKind kind, int keywordStart, int keywordEnd,
        List<Flag> flags) {

    public InstructionSource {
        flags = List.copyOf(flags);
    }

    public SourceRange keywordRange() {
        return node.range(keywordStart, keywordEnd);
    }

    /** The keyword as written. */
    public String keyword() {
        return node.text().substring(keywordStart, keywordEnd);
    }

    /** The flags named {@code name}, in order. */
    public List<Flag> flags(String name) {
        List<Flag> found = List.of();
        for (Flag f : flags) {
            if (f.name().equals(name)) {
                if (found.isEmpty()) {
                    found = new java.util.ArrayList<>(2);
                }
                found.add(f);
            }
        }
        return found;
    }

    /** The last flag named {@code name}, or null. */
    public Flag flag(String name) {
        Flag found = null;
        for (int i = 0; i < flags.size(); i++) {
            Flag f = flags.get(i);
            if (f.name().equals(name)) {
                found = f;
            }
        }
        return found;
    }
}
