package dev.stagecraft.instruction;

import java.util.Locale;
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

    /** The kind for a keyword in any case, or null. */
    public static InstructionKind of(String keyword) {
        switch (keyword.toLowerCase(Locale.ROOT)) {
            case "from": return FROM;
            case "run": return RUN;
            case "cmd": return CMD;
            case "label": return LABEL;
            case "maintainer": return MAINTAINER;
            case "expose": return EXPOSE;
            case "env": return ENV;
            case "add": return ADD;
            case "copy": return COPY;
            case "entrypoint": return ENTRYPOINT;
            case "volume": return VOLUME;
            case "user": return USER;
            case "workdir": return WORKDIR;
            case "arg": return ARG;
            case "onbuild": return ONBUILD;
            case "stopsignal": return STOPSIGNAL;
            case "healthcheck": return HEALTHCHECK;
            case "shell": return SHELL;
            default: return null;
        }
    }
}
