package dev.stagecraft.engine.build;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.engine.ImageFacts;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.EdgeFiles;
import dev.stagecraft.engine.measure.ImageArchive;
import dev.stagecraft.engine.measure.ImageArchiveException;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LandedFiles;
import dev.stagecraft.engine.measure.LayerAttribution;
import dev.stagecraft.engine.measure.StageSizes;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.EdgeKind;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures one build's images: each stage's size, its base's, and the bytes of each layer tied to
 * its line (from the engine's image history); and the files every COPY --from edge landed, read from
 * the layer of the stage's saved image, or from the listing cache when that layer was listed before.
 * And the files of the final image, from the listings of its layers. Each stage image is saved at
 * most once per build, and only when an edge or the final image's files need it.
 */
final class BuildMeasurer {
    private final BuildEngine engine;
    private final LandedFiles landed;
    private final Path workFolder;
    private final ImageLookup lookup;

    BuildMeasurer(BuildEngine engine, LandedFiles landed, ImageLookup images, Path workFolder) {
        this.engine = engine;
        this.landed = landed;
        this.lookup = images;
        this.workFolder = workFolder;
    }

    /** What one stage's image is made of, kept for the edges into it. */
    private record Measured(LayerAttribution attribution, ImageFacts image, ImageFacts base) {
    }

    /**
     * Stage reports in stage order, edge reports in file order, and the target image's files (empty,
     * with the reason in {@code finalFilesProblem}, when they could not be read).
     */
    record Result(List<StageReport> stages, List<EdgeReport> edges, List<LandedFile> finalFiles,
                  String finalFilesProblem) {
    }

    /**
     * Measures every built stage ({@code images}: stage index to image id), every COPY --from edge, and
     * the files of the {@code target} stage's image. {@code externals}: the external images' facts as
     * the engine gave them when the build was sent, by reference; one not there is asked now.
     */
    Result measure(Analysis analysis, List<String> names, BuilderKind builder, java.util.Set<Integer> needed,
                   Map<Integer, String> images, Map<String, ImageFacts> externals, int target)
            throws InterruptedException {
        Map<Integer, Measured> measured = new HashMap<>();
        List<StageReport> stages = stages(analysis, names, builder, needed, images, externals, measured);
        Map<Integer, ImageArchive> archives = new HashMap<>();
        try {
            List<EdgeReport> edges = edges(analysis, images, measured, archives);
            List<LandedFile> finalFiles = List.of();
            String problem = null;
            try {
                finalFiles = finalFiles(target, images.get(target), measured.get(target), archives);
            } catch (EngineException | ImageArchiveException e) {
                if (e instanceof EngineException engineFailure && engineFailure.kind() == EngineException.Kind.CANCELLED) {
                    throw engineFailure;
                }
                problem = "The final image's files could not be read: " + e.getMessage();
            }
            return new Result(stages, edges, finalFiles, problem);
        } finally {
            for (ImageArchive archive : archives.values()) {
                archive.close();
                try {
                    Files.deleteIfExists(archive.file());
                } catch (IOException ignored) {
                    // A saved image left in the work folder goes with the folder.
                }
            }
        }
    }

    /**
     * The target image's files: from the listing cache alone when it holds every layer (a rebuild
     * whose layers did not change reads nothing), else from the image saved once, shared with the
     * edges into the target.
     */
    private List<LandedFile> finalFiles(int target, String imageId, Measured image, Map<Integer, ImageArchive> archives)
            throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("measuring cancelled");
        }
        Optional<List<LandedFile>> cached = landed.cachedImage(image.image().layerDigests());
        if (cached.isPresent()) {
            return cached.get();
        }
        ImageArchive archive = archives.get(target);
        if (archive == null) {
            archive = save(imageId);
            archives.put(target, archive);
        }
        return landed.image(archive);
    }

    private List<StageReport> stages(Analysis analysis, List<String> names, BuilderKind builder, java.util.Set<Integer> needed,
                             Map<Integer, String> images, Map<String, ImageFacts> externals,
                             Map<Integer, Measured> measured) {
        Map<String, ImageFacts> external = new HashMap<>(externals);
        List<StageReport> reports = new ArrayList<>();
        for (Stage s : analysis.stages()) {
            String id = images.get(s.index());
            if (id == null) {
                reports.add(new StageReport(s.index(), names.get(s.index()), needed.contains(s.index()), false,
                        analysis.ships(s.index()), null, 0, 0, List.of(), null));
                continue;
            }
            ImageFacts image = lookup.facts(engine, id);
            String baseId = s.scratch() ? null : s.baseStage() != null ? images.get(s.baseStage()) : s.base();
            ImageFacts base = baseId == null ? null
                    : s.baseStage() != null ? lookup.facts(engine, baseId)
                    : external.computeIfAbsent(baseId, ref -> lookup.facts(engine, ref));
            List<HistoryEntry> history = lookup.history(engine, image);
            List<HistoryEntry> baseHistory = base == null ? List.of() : lookup.history(engine, base);
            LayerAttribution attribution = LayerAttribution.of(analysis, s.index(), builder, history, baseHistory);
            StageSizes sizes = StageSizes.of(attribution, image, base);
            measured.put(s.index(), new Measured(attribution, image, base));
            reports.add(new StageReport(s.index(), names.get(s.index()), needed.contains(s.index()), true, analysis.ships(s.index()),
                    image.id(), sizes.sizeBytes(), sizes.baseSizeBytes(),
                    attribution.complete() ? sizes.layers() : List.of(), attribution.problem()));
        }
        return reports;
    }

    /** The files on every COPY --from edge into a built stage. */
    private List<EdgeReport> edges(Analysis analysis, Map<Integer, String> images, Map<Integer, Measured> measured,
                                   Map<Integer, ImageArchive> archives) throws InterruptedException {
        List<EdgeReport> reports = new ArrayList<>();
        for (StageEdge edge : analysis.graph().edges()) {
            if (edge.kind() != EdgeKind.COPY) {
                continue;
            }
            Measured into = measured.get(edge.to());
            int line = edge.instruction().line();
            if (into == null) {
                continue;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("measuring cancelled");
            }
            EdgeReport report;
            if (!into.attribution().complete()) {
                report = edge(edge, line, null, "the stage's layers could not be tied to its lines: "
                        + into.attribution().problem());
            } else {
                Optional<EdgeFiles> files = landed.cached(into.attribution(), line, into.image(), into.base());
                if (files.isEmpty()) {
                    ImageArchive archive = archives.get(edge.to());
                    if (archive == null) {
                        archive = save(images.get(edge.to()));
                        archives.put(edge.to(), archive);
                    }
                    files = Optional.of(landed.read(archive, into.attribution(), line));
                }
                report = edge(edge, line, files.get(), null);
            }
            reports.add(report);
        }
        return reports;
    }

    private static EdgeReport edge(StageEdge edge, int line, EdgeFiles files, String problem) {
        return new EdgeReport(edge.kind().label(), edge.fromStage(), edge.fromImage(), edge.to(), line,
                files == null ? List.of() : files.files(), files == null ? 0 : files.bytes(), problem);
    }

    private ImageArchive save(String imageId) {
        try {
            Path tar = Files.createTempFile(workFolder, "image-", ".tar");
            engine.saveImage(imageId, tar);
            return ImageArchive.open(tar);
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.REFUSED, "Cannot write in " + workFolder + ": " + e.getMessage(), e);
        } catch (ImageArchiveException e) {
            throw new EngineException(EngineException.Kind.REFUSED, "The engine's saved image could not be read: "
                    + e.getMessage(), e);
        }
    }
}
