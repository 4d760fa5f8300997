package dev.stagecraft.engine;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the user chose for the next build, beside the Dockerfile itself: the context folder, the
 * target stage (its label: a name, or {@code #n} for an unnamed stage; null for the last stage),
 * the build arguments the user set (arguments left at their defaults are not sent, so each
 * declaration keeps its own default), whether to ignore the cache, the builder, and whether to
 * rebuild after a quiet period while typing.
 */
public record BuildSettings(Path contextFolder, String target, Map<String, String> buildArgs, boolean noCache,
        BuilderKind builder, boolean rebuildWhileTyping) {

    /** Build-arg names and values keep their order (the file's), for a stable command line and display. */
    public BuildSettings {
        Objects.requireNonNull(contextFolder, "contextFolder");
        Objects.requireNonNull(builder, "builder");
        if (target != null && target.isBlank()) {
            throw new IllegalArgumentException("a target is a stage's name or #index, or null for the last stage");
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : buildArgs.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.chars().anyMatch(Character::isWhitespace)) {
                // The engine splits NAME=value at the first '=': such a name could not reach the build.
                throw new IllegalArgumentException("a build argument needs a name without '=' or spaces, not '" + name + "'");
            }
            args.put(name, Objects.requireNonNull(e.getValue(), () -> "build argument " + name + " has no value"));
        }
        buildArgs = Collections.unmodifiableMap(args);
    }

    /** The settings of a first build: this context, the last stage, no arguments, the cache, BuildKit. */
    public static BuildSettings defaults(Path contextFolder) {
        return new BuildSettings(contextFolder, null, Map.of(), false, BuilderKind.BUILDKIT, false);
    }

    /**
     * The index of the target stage in {@code analysis}: the stage with the target's name (any
     * case) or {@code #index}, the last stage when the target is null; empty when no stage matches.
     */
    public OptionalInt targetIndex(Analysis analysis) {
        int count = analysis.stages().size();
        if (target == null) {
            return count == 0 ? OptionalInt.empty() : OptionalInt.of(count - 1);
        }
        for (Stage s : analysis.stages()) {
            if (s.label().equalsIgnoreCase(target)) {
                return OptionalInt.of(s.index());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Why {@code folder} cannot be a build context, in words for the user, or null when it can:
     * it must exist, be a folder, and be listable (the whole context is sent to the engine).
     */
    public static String contextProblem(Path folder) {
        if (!Files.exists(folder)) {
            return "The context folder " + folder + " does not exist.";
        }
        if (!Files.isDirectory(folder)) {
            return "The context " + folder + " is a file, not a folder.";
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.iterator().hasNext();
            return null;
        } catch (AccessDeniedException e) {
            return "The context folder " + folder + " cannot be read: permission denied.";
        } catch (IOException | SecurityException e) {
            return "The context folder " + folder + " cannot be read: " + e.getMessage();
        }
    }
}
