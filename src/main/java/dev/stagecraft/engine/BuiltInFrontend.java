package dev.stagecraft.engine;

import java.util.List;
import java.util.Optional;

/**
 * The Dockerfile frontend a Docker Engine release line has built in, which is what BuildKit uses
 * when the file has no {@code # syntax=} directive (or is sent without it). Every engine vendors one
 * BuildKit release, and every BuildKit release bundles one frontend release: 1.{@code frontendMinor}
 * (the frontend has been 1.x throughout). Only the lines where a feature Stagecraft checks appeared
 * are listed; an engine between two lines has at least the frontend of the older one.
 *
 * <p>Sources: the 20.10 line was verified against Docker 20.10.24 (docs/decisions/0010); the others
 * come from the engine release notes ("Update BuildKit to v0.x") and BuildKit's release notes
 * ("Dockerfile frontend has been updated to v1.y").
 */
public record BuiltInFrontend(EngineVersion firstEngine, String buildKit, int frontendMinor, boolean verifiedHere) {

    /** Oldest first. */
    static final List<BuiltInFrontend> RELEASE_LINES = List.of(
            new BuiltInFrontend(EngineVersion.of(20, 10), "0.8", 2, true),
            new BuiltInFrontend(EngineVersion.of(23, 0), "0.10.6", 4, false),
            new BuiltInFrontend(EngineVersion.of(24, 0), "0.11.6", 5, false),
            new BuiltInFrontend(EngineVersion.of(25, 0), "0.12.4", 6, false),
            new BuiltInFrontend(EngineVersion.of(27, 0), "0.14.1", 8, false),
            new BuiltInFrontend(EngineVersion.of(28, 0), "0.20.0", 14, false),
            new BuiltInFrontend(EngineVersion.of(29, 0), "0.25.2", 19, false),
            new BuiltInFrontend(EngineVersion.of(29, 1), "0.26.1", 20, false));

    public BuiltInFrontend {
        if (firstEngine == null || buildKit == null || frontendMinor < 0) {
            throw new IllegalArgumentException("incomplete release line");
        }
    }

    /** The release line {@code engine} belongs to; empty for engines older than 20.10 (BuildKit was experimental). */
    public static Optional<BuiltInFrontend> of(EngineVersion engine) {
        BuiltInFrontend found = null;
        for (BuiltInFrontend line : RELEASE_LINES) {
            if (engine.isAtLeast(line.firstEngine)) {
                found = line;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The first release line whose frontend is 1.{@code minor} or newer; empty when no engine known here has one. */
    public static Optional<BuiltInFrontend> firstWith(int minor) {
        for (BuiltInFrontend line : RELEASE_LINES) {
            if (line.frontendMinor >= minor) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** {@code 1.4}. */
    public String frontend() {
        return "1." + frontendMinor;
    }
}
