package dev.stagecraft.instruction;

import java.util.Locale;

/** The types of {@code RUN --mount}. */
public enum MountType {
    BIND, CACHE, TMPFS, SECRET, SSH;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
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
