package dev.stagecraft.engine;

import java.util.Objects;

/**
 * What an engine said about itself: its version ({@code 20.10.24}), the API version the connection
 * negotiated ({@code 1.41}), its operating system, and whether it offers BuildKit through its API.
 */
public record EngineInfo(EngineEndpoint endpoint, String engineVersion, String apiVersion, String os,
                         boolean buildKitOffered) {
    public EngineInfo {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(os, "os");
    }

    /** One line for the status bar: "Docker 20.10.24 (API 1.41) at unix:///var/run/docker.sock". */
    public String summary() {
        return "Docker " + engineVersion + " (API " + apiVersion + ") at " + endpoint.host();
    }
}
