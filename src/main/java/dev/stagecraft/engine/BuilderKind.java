package dev.stagecraft.engine;

import java.util.Locale;

/** The two ways an engine builds: BuildKit through the engine API, or the classic builder. */
public enum BuilderKind {
    /** {@code POST /build?version=2}: skips stages the target does not need; progress as a trace. */
    BUILDKIT,
    /** {@code POST /build} (docker-java's BuildImageCmd): builds every stage; progress as text. */
    CLASSIC;

    /** The name used on the command line and in settings: {@code buildkit}, {@code classic}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The builder named {@code id} ({@code buildkit} or {@code classic}, any case). */
    public static BuilderKind fromId(String id) {
        for (BuilderKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown builder '" + id + "': use buildkit or classic");
    }
}
