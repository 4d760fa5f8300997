package dev.stagecraft.history;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.build.BuildReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One build as the history keeps it: what was built (the Dockerfile's path and text, build args,
 * target, builder, engine), when, how it ended, and what it measured. {@code id} is 0 before the
 * record is stored, positive once it is in the database, and negative when the database could not
 * take it and the record lives in this session only. {@code report} is null exactly when the build
 * failed; {@code failure} and {@code failedLine} say why and where (each may be null).
 */
public record BuildRecord(long id, Path dockerfile, String dockerfileText, String textSha256, Map<String, String> buildArgs,
                          String target, BuilderKind builder, String engine, Instant startedAt, boolean succeeded,
                          String failure, Integer failedLine, BuildReport report) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public BuildRecord {
        Objects.requireNonNull(dockerfile, "dockerfile");
        if (!dockerfile.isAbsolute()) {
            throw new IllegalArgumentException("the Dockerfile's path must be absolute: " + dockerfile);
        }
        dockerfile = dockerfile.normalize();
        Objects.requireNonNull(dockerfileText, "dockerfileText");
        Objects.requireNonNull(textSha256, "textSha256");
        if (!SHA256_HEX.matcher(textSha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + textSha256);
        }
        // Map.copyOf would lose the order the user gave the args in, which the history shows.
        buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(startedAt, "startedAt");
        if (succeeded != (report != null)) {
            throw new IllegalArgumentException(succeeded ? "a successful build needs its report" : "a failed build has no report");
        }
        if (succeeded && (failure != null || failedLine != null)) {
            throw new IllegalArgumentException("a successful build has no failure");
        }
        if (failedLine != null && failedLine < 1) {
            throw new IllegalArgumentException("failed line " + failedLine);
        }
    }

    /** A successful build, not yet stored; the text's hash is computed here. */
    public static BuildRecord succeeded(Path dockerfile, String text, Map<String, String> buildArgs, String target,
                                        String engine, Instant startedAt, BuildReport report) {
        return new BuildRecord(0, dockerfile, text, sha256(text), buildArgs, target, report.builder(), engine, startedAt,
                true, null, null, report);
    }

    /** A failed build, not yet stored: {@code failure} is the sentence the user saw, {@code failedLine} its line or null. */
    public static BuildRecord failed(Path dockerfile, String text, Map<String, String> buildArgs, String target,
                                     BuilderKind builder, String engine, Instant startedAt, String failure, Integer failedLine) {
        return new BuildRecord(0, dockerfile, text, sha256(text), buildArgs, target, builder, engine, startedAt,
                false, failure, failedLine, null);
    }

    /** The same record under another id (the database's, or a session-only one). */
    public BuildRecord withId(long newId) {
        return new BuildRecord(newId, dockerfile, dockerfileText, textSha256, buildArgs, target, builder, engine, startedAt,
                succeeded, failure, failedLine, report);
    }

    /** The final image's size, or null when the build failed. */
    public Long finalSizeBytes() {
        return report == null ? null : report.finalSizeBytes();
    }

    /** The lowercase hex SHA-256 of {@code text} in UTF-8: what two builds compare to know the text was the same. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
