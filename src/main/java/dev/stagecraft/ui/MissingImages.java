package dev.stagecraft.ui;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.stage.AnalysisOptions;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.stage.GraphNode;
import dev.stagecraft.stage.Stage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a failed build of one side of a comparison into a sentence. The engine's own words for an
 * image it could not pull name a registry URL and a DNS lookup ("failed to do request: Head
 * https://registry-1.docker.io/v2/library/node/manifests/20: dial tcp: lookup ... no such host"),
 * which does not say what to do; so when images the file needs are not in the engine's store, the
 * sentence names them and says they cannot be pulled here.
 */
final class MissingImages {
    private MissingImages() {
    }

    /** The sentence for {@code failure} of side {@code who}; asks {@code engine} which images it holds. */
    static String explain(String who, EngineException failure, String text, Map<String, String> buildArgs,
                          BuildEngine engine) {
        return explain(who, failure, needed(text, buildArgs), ref -> {
            try {
                return engine.inspectImage(ref).isPresent();
            } catch (EngineException e) {
                // Unknown counts as present: only images known to be missing are named.
                return true;
            }
        });
    }

    /** As {@link #explain(String, EngineException, String, Map, BuildEngine)}, with the store as a predicate. */
    static String explain(String who, EngineException failure, List<String> needed, Predicate<String> present) {
        String first = failure.getMessage().lines().findFirst().orElse("").strip();
        if (failure.kind() == EngineException.Kind.BUILD_FAILED || failure.kind() == EngineException.Kind.REFUSED) {
            List<String> missing = new ArrayList<>();
            for (String ref : needed) {
                if (!present.test(ref)) {
                    missing.add(ref);
                }
            }
            if (!missing.isEmpty()) {
                boolean one = missing.size() == 1;
                return who + " needs the image" + (one ? " " : "s ") + String.join(", ", missing) + ", which this engine"
                        + " does not have, and " + (one ? "it" : "they") + " cannot be pulled here" + reason(first, one)
                        + ". Load " + (one ? "it" : "them") + " with docker load, or compare where a registry is reachable.";
            }
        }
        return who + ": " + first;
    }

    /** The external images the file names (FROM bases and COPY --from images), in file order. */
    static List<String> needed(String text, Map<String, String> buildArgs) {
        Analysis analysis = DockerfileAnalyzer.analyze(text, AnalysisOptions.defaults().withBuildArgs(buildArgs));
        Set<String> refs = new LinkedHashSet<>();
        for (Stage s : analysis.stages()) {
            if (s.baseStage() == null && !s.scratch() && s.base() != null && !s.base().isBlank()) {
                refs.add(s.base());
            }
        }
        for (GraphNode node : analysis.graph().graph().vertexSet()) {
            if (node instanceof GraphNode.ImageNode image && !"scratch".equals(image.reference())) {
                refs.add(image.reference());
            }
        }
        return new ArrayList<>(refs);
    }

    /** Why the pull failed, as the end of the sentence, when the engine's words say. */
    private static String reason(String engineError, boolean one) {
        String e = engineError.toLowerCase(Locale.ROOT);
        if (e.contains("no such host") || e.contains("i/o timeout") || e.contains("connection refused")
                || e.contains("network is unreachable") || e.contains("no route to host")) {
            return " (no registry can be reached from the engine)";
        }
        if (e.contains("denied") || e.contains("unauthorized") || e.contains("not found")) {
            return " (the registry refused " + (one ? "it or has no such image)" : "them or has no such images)");
        }
        return "";
    }
}
