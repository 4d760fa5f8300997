package dev.stagecraft.stage;

import dev.stagecraft.instruction.CopyInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.Mount;
import dev.stagecraft.instruction.MountOption;
import dev.stagecraft.instruction.Word;
import dev.stagecraft.syntax.SourceRange;
import java.util.List;

/**
 * A dependency of stage {@code to} on {@code from} (a stage or an external image), remembering the
 * instruction that made it and where the reference was written. A COPY edge's sources, destination
 * and flags are those of its instruction; a mount edge's are those of its mount. Edges compare by
 * identity: two identical COPY lines are two edges.
 */
public final class StageEdge {
    private final EdgeKind kind;
    private final GraphNode from;
    private final int to;
    private final Instruction instruction;
    private final Mount mount;
    private final SourceRange reference;

    public StageEdge(EdgeKind kind, GraphNode from, int to, Instruction instruction, Mount mount, SourceRange reference) {
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.instruction = instruction;
        this.mount = mount;
        this.reference = reference;
    }

    public EdgeKind kind() {
        return kind;
    }

    public GraphNode from() {
        return from;
    }

    /** The stage index of the source, or null for an external image. */
    public Integer fromStage() {
        return from instanceof GraphNode.StageNode s ? s.index() : null;
    }

    /** The external image reference, or null for a stage. */
    public String fromImage() {
        return from instanceof GraphNode.ImageNode i ? i.reference() : null;
    }

    public int to() {
        return to;
    }

    public Instruction instruction() {
        return instruction;
    }

    /** The mount of a mount edge, else null. */
    public Mount mount() {
        return mount;
    }

    /** Where the dependency is named: the FROM image, the --from value or the from= value. */
    public SourceRange reference() {
        return reference;
    }

    public int line() {
        return instruction.line();
    }

    /** What the edge carries, as written: COPY sources, or a mount's source (the whole stage when none). */
    public List<String> sources() {
        if (instruction instanceof CopyInstruction c && kind == EdgeKind.COPY) {
            return c.sources().stream().map(Word::text).toList();
        }
        if (mount != null) {
            MountOption s = mount.source();
            return List.of(s == null ? "/" : s.value());
        }
        return List.of();
    }

    /** Where it lands, as written: the COPY destination or the mount target; null for a base edge. */
    public String destination() {
        if (instruction instanceof CopyInstruction c && kind == EdgeKind.COPY) {
            return c.destination() == null ? null : c.destination().text();
        }
        if (mount != null) {
            MountOption t = mount.target();
            return t == null ? null : t.value();
        }
        return null;
    }

    /** What the edge carries as written, "src1 src2 → dest"; empty for a base edge. */
    public String carries() {
        if (kind == EdgeKind.BASE) {
            return "";
        }
        return String.join(" ", sources()) + " → " + (destination() == null ? "?" : destination());
    }

    @Override
    public String toString() {
        return kind.label() + " " + (fromStage() != null ? "#" + fromStage() : fromImage()) + " -> #" + to + " (line " + line() + ")";
    }
}
