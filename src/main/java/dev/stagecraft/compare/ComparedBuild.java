package dev.stagecraft.compare;

import dev.stagecraft.engine.build.BuildReport;
import java.util.Objects;

/**
 * One side of a comparison: a name for people ({@code label}, usually the Dockerfile's file name),
 * the Dockerfile's text the build was made from (to tell which instruction made each layer), and what
 * the build measured.
 */
public record ComparedBuild(String label, String dockerfileText, BuildReport report) {
    public ComparedBuild {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(dockerfileText, "dockerfileText");
        Objects.requireNonNull(report, "report");
    }
}
