package dev.stagecraft.syntax;

import java.util.Locale;
import java.util.Set;

/** The 18 instruction keywords of the Dockerfile reference, in lower case. */
public final class Keywords {
    public static final Set<String> INSTRUCTIONS = Set.of("from", "run", "cmd", "label", "maintainer", "expose", "env",
            "add", "copy", "entrypoint", "volume", "user", "workdir", "arg", "onbuild", "stopsignal", "healthcheck",
            "shell");

    private Keywords() {
    }

    public static boolean isInstruction(String word) {
        return INSTRUCTIONS.contains(word.toLowerCase(Locale.ROOT));
    }
}
