package dev.stagecraft.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the engine listens and how to talk to it: a host as the docker CLI writes it
 * ({@code unix:///var/run/docker.sock}, {@code tcp://10.0.0.5:2376}, {@code npipe:////./pipe/docker_engine}),
 * whether TLS is verified and where its certificates are, and where this choice came from, in words
 * for the status bar ("DOCKER_HOST", "context 'remote' from ~/.docker/config.json").
 */
public record EngineEndpoint(String host, boolean tlsVerify, Path certPath, String source) {
    public EngineEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        if (host.isBlank()) {
            throw new IllegalArgumentException("an engine host cannot be blank");
        }
    }
}
