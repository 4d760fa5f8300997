package dev.stagecraft.engine.build;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerSize;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one build measured, for the window, the CLI's text and JSON, and the history: the final
 * image and its size; each stage's image, size, base size and per-instruction layers; the files
 * each COPY --from edge really carried; and "left behind": what the stages not shipped in the final
 * image weigh (their own layers, plus their external bases that the final image does not use); and
 * the files of the final image as a container sees them, sorted by path, which is what a comparison
 * of two builds diffs: empty when they could not be read, and then {@code finalFilesProblem} says why
 * (else it is null).
 */
public record BuildReport(BuilderKind builder, int targetStage, String finalImageId, long finalSizeBytes,
                          long leftBehindBytes, List<StageReport> stages, List<EdgeReport> edges,
                          List<LandedFile> finalFiles, String finalFilesProblem, Duration elapsed) {

    public BuildReport {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(finalImageId, "finalImageId");
        stages = List.copyOf(stages);
        edges = List.copyOf(edges);
        finalFiles = List.copyOf(finalFiles);
        if (finalFilesProblem != null && !finalFiles.isEmpty()) {
            throw new IllegalArgumentException("final files were read, yet a problem is given: " + finalFilesProblem);
        }
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * One stage: built is false when the builder skipped it (BuildKit, for stages the target does
     * not need); layers has one entry per line that can make a layer; {@code problem} says why the
     * layers could not be tied to lines (then layers is empty), else null.
     */
    public record StageReport(int index, String name, boolean needed, boolean built, boolean ships, String imageId,
                              long sizeBytes, long baseSizeBytes, List<LayerSize> layers, String problem) {
        public StageReport {
            layers = List.copyOf(layers);
        }

        /** The bytes this stage's own instructions add on top of its base. */
        public long ownBytes() {
            return Math.max(0, sizeBytes - baseSizeBytes);
        }
    }

    /**
     * A COPY --from (or ADD --from) edge: from a stage ({@code fromStage}) or an external image
     * ({@code image}), into stage {@code to}, made by the instruction on {@code line}; the files that
     * landed in its layer and their total bytes; {@code problem} says why they could not be read, else null.
     */
    public record EdgeReport(String kind, Integer fromStage, String image, int to, int line, List<LandedFile> files,
                             long bytes, String problem) {
        public EdgeReport {
            Objects.requireNonNull(kind, "kind");
            files = List.copyOf(files);
        }
    }
}
