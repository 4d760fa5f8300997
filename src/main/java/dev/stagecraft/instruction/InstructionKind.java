package dev.stagecraft.instruction;

import java.util.Map;
import java.util.Set;

/** The 18 instructions and the flags BuildKit accepts on each. */
public enum InstructionKind {
    FROM(Map.of("platform", FlagType.STRING)),
    RUN(Map.of("mount", FlagType.REPEATED, "network", FlagType.STRING, "security", FlagType.STRING)),
    CMD(Map.of()),
    LABEL(Map.of()),
    MAINTAINER(Map.of()),
    EXPOSE(Map.of()),
    ENV(Map.of()),
    ADD(Map.of("chown", FlagType.STRING, "chmod", FlagType.STRING, "link", FlagType.BOOLEAN,
            "keep-git-dir", FlagType.BOOLEAN, "checksum", FlagType.STRING, "exclude", FlagType.REPEATED)),
    COPY(Map.of("from", FlagType.STRING, "chown", FlagType.STRING, "chmod", FlagType.STRING, "link", FlagType.BOOLEAN,
            "parents", FlagType.BOOLEAN, "exclude", FlagType.REPEATED)),
    ENTRYPOINT(Map.of()),
    VOLUME(Map.of()),
    USER(Map.of()),
    WORKDIR(Map.of()),
    ARG(Map.of()),
    ONBUILD(Map.of()),
    STOPSIGNAL(Map.of()),
    HEALTHCHECK(Map.of("interval", FlagType.STRING, "timeout", FlagType.STRING, "start-period", FlagType.STRING,
            "start-interval", FlagType.STRING, "retries", FlagType.STRING)),
    SHELL(Map.of());

    /** How a flag takes its value. */
    public enum FlagType {
        /** {@code --name=value}, once. */
        STRING,
        /** {@code --name} or {@code --name=true|false}, once. */
        BOOLEAN,
        /** {@code --name=value}, any number of times. */
        REPEATED
    }

    private final Map<String, FlagType> flags;

    InstructionKind(Map<String, FlagType> flags) {
        this.flags = flags;
    }

    public FlagType flagType(String name) {
        return flags.get(name);
    }

    public Set<String> flagNames() {
        return flags.keySet();
    }

    public String keyword() {
        return name();
    }

    private static final InstructionKind[] ALL = values();

    /** The kind for a keyword in any case, or null. */
    public static InstructionKind of(String keyword) {
        return of(keyword, 0, keyword.length());
    }

    /** The kind for the keyword text[start, end) in any case, or null; allocates nothing. */
    public static InstructionKind of(String text, int start, int end) {
        int n = end - start;
        if (n <= 0) {
            return null;
        }
        char first = Character.toUpperCase(text.charAt(start));
        for (InstructionKind k : ALL) {
            String name = k.name();
            if (name.length() == n && name.charAt(0) == first && name.regionMatches(true, 0, text, start, n)) {
                return k;
            }
        }
        return null;
    }
}
