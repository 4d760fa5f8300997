package dev.stagecraft.instruction;

import java.util.List;

/** A parsed {@code RUN --mount=...}: its type and its fields, in the order written. */
public record Mount(Flag flag, MountType type, List<MountOption> options) {

    public Mount {
        options = List.copyOf(options);
    }

    /** The last field with one of the given keys (aliases such as src/source), or null. */
    public MountOption option(String... keys) {
        MountOption found = null;
        for (MountOption o : options) {
            for (String k : keys) {
                if (o.key().equals(k)) {
                    found = o;
                }
            }
        }
        return found;
    }

    public MountOption from() {
        return option("from");
    }

    public MountOption source() {
        return option("source", "src");
    }

    public MountOption target() {
        return option("target", "dst", "destination");
    }

    public MountOption id() {
        return option("id");
    }
}
