package dev.stagecraft.stage;

import java.util.Locale;

/** Why one stage needs another: it is built on it (FROM), copies from it, or mounts it in a RUN. */
public enum EdgeKind {
    BASE, COPY, MOUNT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
