package dev.stagecraft.stage;

import java.util.Map;

/**
 * What the user chooses outside the file: the target stage (null for the last one), build-arg
 * overrides, and the platform the built-in platform ARGs describe.
 */
public record AnalysisOptions(String target, Map<String, String> buildArgs, String targetPlatform) {

    public AnalysisOptions {
        buildArgs = Map.copyOf(buildArgs);
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(null, Map.of(), hostPlatform());
    }

    public AnalysisOptions withTarget(String newTarget) {
        return new AnalysisOptions(newTarget, buildArgs, targetPlatform);
    }

    public AnalysisOptions withBuildArgs(Map<String, String> args) {
        return new AnalysisOptions(target, args, targetPlatform);
    }

    /** linux/amd64, linux/arm64 ... for the machine we run on, as an engine here would build. */
    public static String hostPlatform() {
        String arch = System.getProperty("os.arch", "amd64");
        switch (arch) {
            case "x86_64":
            case "amd64": return "linux/amd64";
            case "aarch64":
            case "arm64": return "linux/arm64";
            case "arm": return "linux/arm/v7";
            default: return "linux/" + arch;
        }
    }
}
