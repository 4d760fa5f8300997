package dev.stagecraft.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Finds the engine the way the docker CLI does: {@code DOCKER_HOST} first (with
 * {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}); else the context named by
 * {@code DOCKER_CONTEXT}, else the {@code currentContext} of {@code config.json} in the docker
 * config folder ({@code DOCKER_CONFIG}, default {@code ~/.docker}), whose endpoint lives in
 * {@code contexts/meta/<sha256 of the name>/meta.json}; else the platform's default socket.
 * A context that is named but missing or unreadable is a problem said in words, never an exception.
 */
public final class EngineEndpoints {
    static final String DEFAULT_UNIX_HOST = "unix:///var/run/docker.sock";
    static final String DEFAULT_WINDOWS_HOST = "npipe:////./pipe/docker_engine";

    /** An endpoint, or why none could be chosen. Exactly one of the two is set. */
    public record Resolution(EngineEndpoint endpoint, String problem) {
        public Resolution {
            if ((endpoint == null) == (problem == null)) {
                throw new IllegalArgumentException("a resolution has an endpoint or a problem");
            }
        }
    }

    private EngineEndpoints() {
    }

    /** From this process's environment and the user's home folder. */
    public static Resolution resolve() {
        return resolve(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows"));
    }

    /** From the given environment variables and home folder (tests pass their own). */
    public static Resolution resolve(Map<String, String> env, Path home, boolean windows) {
        Path configDir = nonEmpty(env.get("DOCKER_CONFIG")) ? Path.of(env.get("DOCKER_CONFIG")) : home.resolve(".docker");
        String host = env.get("DOCKER_HOST");
        if (nonEmpty(host)) {
            // As in the CLI, DOCKER_HOST selects the default context even when DOCKER_CONTEXT is set.
            boolean verify = nonEmpty(env.get("DOCKER_TLS_VERIFY"));
            Path certs = nonEmpty(env.get("DOCKER_CERT_PATH")) ? Path.of(env.get("DOCKER_CERT_PATH")) : configDir;
            return found(new EngineEndpoint(host.strip(), verify, verify ? certs : null, "DOCKER_HOST"));
        }
        String context = env.get("DOCKER_CONTEXT");
        String from = "DOCKER_CONTEXT";
        if (!nonEmpty(context)) {
            Path config = configDir.resolve("config.json");
            if (Files.isRegularFile(config)) {
                try {
                    Object json = JsonReader.parse(Files.readString(config, StandardCharsets.UTF_8));
                    context = JsonReader.string(json, "currentContext");
                    from = shown(home, config);
                } catch (IOException | IllegalArgumentException e) {
                    return problem("cannot read " + shown(home, config) + ": " + e.getMessage()
                            + " (fix or remove it, or set DOCKER_HOST)");
                }
            }
        }
        if (nonEmpty(context) && !context.equals("default")) {
            return fromContext(context.strip(), from, configDir, home);
        }
        return found(new EngineEndpoint(windows ? DEFAULT_WINDOWS_HOST : DEFAULT_UNIX_HOST, false, null, "the default socket"));
    }

    private static Resolution fromContext(String name, String from, Path configDir, Path home) {
        String id = sha256(name);
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            return problem("docker context '" + name + "' (named by " + from + ") does not exist: " + shown(home, meta)
                    + " is missing (run `docker context ls`, or set DOCKER_HOST)");
        }
        try {
            Object json = JsonReader.parse(Files.readString(meta, StandardCharsets.UTF_8));
            Object docker = JsonReader.member(JsonReader.member(json, "Endpoints"), "docker");
            String host = JsonReader.string(docker, "Host");
            if (!nonEmpty(host)) {
                return problem("docker context '" + name + "' has no docker endpoint in " + shown(home, meta));
            }
            boolean skipVerify = Boolean.TRUE.equals(JsonReader.member(docker, "SkipTLSVerify"));
            Path tls = configDir.resolve("contexts").resolve("tls").resolve(id).resolve("docker");
            boolean hasCerts = Files.isDirectory(tls);
            return found(new EngineEndpoint(host.strip(), hasCerts && !skipVerify, hasCerts ? tls : null,
                    "context '" + name + "' from " + from));
        } catch (IOException | IllegalArgumentException e) {
            return problem("cannot read docker context '" + name + "' (" + shown(home, meta) + "): " + e.getMessage());
        }
    }

    /** The folder name the docker CLI gives a context: the SHA-256 of its name, in hex. */
    static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A path as a user recognises it: under the home folder it starts with ~. */
    private static String shown(Path home, Path p) {
        return p.startsWith(home) ? "~/" + home.relativize(p).toString().replace('\\', '/') : p.toString();
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isBlank();
    }

    private static Resolution found(EngineEndpoint endpoint) {
        return new Resolution(endpoint, null);
    }

    private static Resolution problem(String why) {
        return new Resolution(null, why);
    }
}
