package dev.stagecraft.engine.build;

import dev.stagecraft.engine.ImageFacts;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The images a text uses besides its own stages (bases, COPY --from and mount sources), and what
 * the engine says of them. A build asks before it sends the build, while the context is packed: the
 * stage keys and the base sizes need the answers, and asked while the engine builds, the same
 * questions made it build slower (by about 14 ms of 100 here).
 */
final class ExternalImages {
    private ExternalImages() {
    }

    /**
     * The facts of every external image of {@code sent} by reference, known or asked side by side; a
     * reference the engine does not have is left out. The future fails when the engine cannot be asked.
     */
    static CompletableFuture<Map<String, ImageFacts>> ask(WatchedImages images, Analysis sent) {
        Map<String, CompletableFuture<Optional<ImageFacts>>> asked = new HashMap<>();
        for (String reference : references(sent)) {
            asked.put(reference, images.facts(reference));
        }
        return CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, ImageFacts> facts = new HashMap<>();
            asked.forEach((reference, answer) -> answer.join().ifPresent(f -> facts.put(reference, f)));
            return Map.copyOf(facts);
        });
    }

    /** The image references {@code sent} uses besides its own stages. */
    static Set<String> references(Analysis sent) {
        Set<String> references = new TreeSet<>();
        for (Stage s : sent.stages()) {
            if (s.baseStage() == null && !s.scratch()) {
                references.add(s.base());
            }
            for (StageEdge e : sent.graph().needs(s.index())) {
                if (e.fromStage() == null && e.fromImage() != null) {
                    references.add(e.fromImage());
                }
            }
        }
        return references;
    }
}
