package dev.stagecraft.instruction;

import java.util.Locale;

/** The types of {@code RUN --mount}. */
public enum MountType {
    BIND, CACHE, TMPFS, SECRET, SSH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named by a value in any case, or null. */
    public static MountType of(String value) {
        for (MountType t : values()) {
            if (t.label().equalsIgnoreCase(value)) {
                return t;
            }
        }
        return null;
    }
}
