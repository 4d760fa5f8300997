package dev.stagecraft.engine.build;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildRequest;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.DockerfileRewrites;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.FrontendPullFailure;
import dev.stagecraft.engine.ImageFacts;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.SyntaxProblem;
import dev.stagecraft.engine.SyntaxSupport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.progress.BuildProgress;
import dev.stagecraft.engine.progress.ClassicProgress;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.AnalysisOptions;
import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.syntax.Diagnostic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One Stagecraft build, the same for the window and the CLI: checks the text, sends it (with a
 * name on every stage, so each can be targeted; line numbers unchanged) and the context to the
 * engine, builds the target with progress, then each other stage the builder ran as its own target
 * (the cache makes that cheap) so every stage has an image to measure, and measures sizes, layers
 * and the files every COPY --from edge carried.
 *
 * <p>Every image it makes carries {@link #OWNER_LABEL} and {@link #FILE_LABEL}, so superseded
 * images and a clean-up can find them, and nothing else is ever removed.
 */
public final class BuildRunner {
    /** Marks every image Stagecraft builds. */
    public static final String OWNER_LABEL = "dev.stagecraft.owner";
    public static final String OWNER_VALUE = "stagecraft";
    /** The Dockerfile an image was built from (its absolute path, or "untitled"). */
    public static final String FILE_LABEL = "dev.stagecraft.dockerfile";
    /** The index of the stage an image is the result of. */
    public static final String STAGE_LABEL = "dev.stagecraft.stage";
    /** How many stages are built as their own targets at once. */
    private static final int PARALLEL_STAGE_BUILDS = 4;
    /** How long the build waits for the engine's answers about images before it goes on without. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(2);

    /** What to build: the editor's text (never written back), its file if any, and the settings. */
    public record Input(String text, Path dockerfile, BuildSettings settings, boolean withoutSyntaxDirective) {
        public Input {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(settings, "settings");
        }
    }

    private final BuildEngine engine;
    private final BuildMeasurer measurer;
    private final StageMemo memo;
    private final WatchedImages watched;
    private final java.util.function.Supplier<String> engineVersion;
    private final Map<String, String> extraLabels;
    private final ContextTars tars;

    /**
     * @param extraLabels labels added to every image besides Stagecraft's own (tests mark theirs)
     * @param tars the context tars of recent builds, kept in the workbench's folder
     */
    BuildRunner(BuildEngine engine, java.util.function.Supplier<String> engineVersion, BuildMeasurer measurer,
                StageMemo memo, WatchedImages watched, ContextTars tars, Map<String, String> extraLabels) {
        this.memo = memo;
        this.watched = watched;
        this.engine = engine;
        this.engineVersion = engineVersion;
        this.measurer = measurer;
        this.extraLabels = Map.copyOf(extraLabels);
        this.tars = tars;
    }

    /**
     * Builds and measures. Blocking; events go to {@code events} on the calling thread.
     *
     * @throws EngineException with a sentence for the user: the text has errors, a step failed,
     *     the engine is gone, the build was cancelled
     */
    public BuildReport run(Input input, Consumer<BuildEvent> events, Cancellation cancellation)
            throws InterruptedException {
        long started = System.nanoTime();
        BuildSettings settings = input.settings();
        AnalysisOptions options = AnalysisOptions.defaults().withBuildArgs(settings.buildArgs());
        Analysis analysis = DockerfileAnalyzer.analyze(input.text(), options);
        refuseErrors(analysis);
        int target = settings.targetIndex(analysis).orElseThrow(() -> new EngineException(EngineException.Kind.REFUSED,
                "No stage is called '" + settings.target() + "'. Choose a target from the file's stages."));
        String engineVersion = this.engineVersion.get();
        refuseUnsupportedSyntax(analysis, settings.builder(), engineVersion, input.withoutSyntaxDirective());
        List<String> names = analysis.stages().stream().map(Stage::name).toList();

        String unnamed = input.withoutSyntaxDirective()
                ? DockerfileRewrites.withoutSyntaxDirective(input.text(), analysis) : input.text();
        DockerfileRewrites.Rewritten named = DockerfileRewrites.withStageNames(unnamed,
                input.withoutSyntaxDirective() ? DockerfileAnalyzer.analyze(unnamed, options) : analysis);
        // What was sent, with every stage named: an unnamed target can be named too, and the
        // stages it needs and those that ship follow from it. Lines are the user's. Text sent as
        // written, built to its last stage, is the text already analysed.
        Analysis sent = named.text().equals(input.text()) && settings.target() == null ? analysis
                : DockerfileAnalyzer.analyze(named.text(), options.withTarget(named.stageNames().get(target)));

        Set<Integer> needed = new TreeSet<>(sent.buildOrder());
        needed.add(target);
        Set<Integer> built = new LinkedHashSet<>();
        for (Stage s : sent.stages()) {
            boolean runs = settings.builder() == BuilderKind.BUILDKIT ? needed.contains(s.index()) : s.index() <= target;
            if (runs) {
                built.add(s.index());
            }
        }

        events.accept(new BuildEvent.PhaseChanged("Packing the build context " + settings.contextFolder()));
        String fileLabel = ImageCleanup.fileLabel(input.dockerfile());
        watched.watch();
        java.util.concurrent.CompletableFuture<Map<String, ImageFacts>> asked = ExternalImages.ask(watched, sent);
        try (ContextTars.Lease packed = tars.pack(settings.contextFolder(), input.dockerfile(), named.text())) {
            String contextDigest = packed.digest();
            Optional<Map<String, ImageFacts>> externals = answered(asked);
            WatchedImages.Moment sending = watched.now();
            Map<Integer, String> images = new LinkedHashMap<>();
            events.accept(new BuildEvent.PhaseChanged("Building " + sent.stages().get(target).label()
                    + " with " + (settings.builder() == BuilderKind.BUILDKIT ? "BuildKit" : "the classic builder")));
            BuildProgress reader = BuildProgress.forBuilder(settings.builder(), sent, target);
            reader.start().forEach(events);
            StepOutcomes failed = new StepOutcomes(events);
            String finalImage;
            try {
                finalImage = engine.build(request(settings, packed, named.stageNames().get(target), input, target,
                        settings.noCache()),
                        message -> reader.accept(message).forEach(failed), cancellation);
            } catch (EngineException e) {
                (e.kind() == EngineException.Kind.CANCELLED ? reader.finishCancelled() : reader.finishFailed(e.getMessage()))
                        .forEach(failed);
                if (e.kind() == EngineException.Kind.BUILD_FAILED) {
                    Optional<FrontendPullFailure> pull = FrontendPullFailure.classify(e.getMessage(), sent);
                    if (pull.isPresent()) {
                        throw new EngineException(EngineException.Kind.FRONTEND_UNAVAILABLE, pull.get().explanation(), e);
                    }
                }
                throw failed.line == 0 || e.kind() != EngineException.Kind.BUILD_FAILED ? e
                        : new EngineException(e.kind(), "Line " + failed.line + " failed: " + e.getMessage(), e);
            }
            reader.finishSucceeded().forEach(failed);
            images.put(target, finalImage);
            if (reader instanceof ClassicProgress classic) {
                // The classic builder printed each stage's image: no need to build the stages again.
                classic.stageImages().forEach(images::putIfAbsent);
            }
            List<Integer> missing = built.stream().filter(s -> !images.containsKey(s)).toList();
            Map<Integer, String> keys = Map.of();
            watched.seen(finalImage, sending);
            if (!missing.isEmpty() && settings.builder() == BuilderKind.BUILDKIT && externals.isPresent()) {
                keys = StageMemo.keys(sent, settings.builder(), engine.endpoint().host() + "\0" + fileLabel,
                        settings.buildArgs(), contextDigest, ref -> externals.get().containsKey(ref)
                                ? externals.get().get(ref).id() : "");
                missing = reuse(missing, keptImages(keys, missing, failed.stageStates), images);
            }
            if (!missing.isEmpty()) {
                events.accept(new BuildEvent.PhaseChanged("Building " + missing.size()
                        + (missing.size() == 1 ? " other stage" : " other stages") + " as targets, to measure them"));
                WatchedImages.Moment stagesSent = watched.now();
                Map<Integer, String> builtNow = buildStages(missing, settings, packed, named, input, cancellation);
                images.putAll(builtNow);
                for (Map.Entry<Integer, String> e : builtNow.entrySet()) {
                    watched.seen(e.getValue(), stagesSent);
                    if (keys.containsKey(e.getKey())) {
                        memo.remember(keys.get(e.getKey()), e.getValue());
                    }
                }
            }
            events.accept(new BuildEvent.PhaseChanged("Measuring sizes and the files on each edge"));
            return report(sent, names, fileLabel, settings.builder(), target, needed, images,
                    externals.orElse(Map.of()), started, cancellation);
        }
    }

    /**
     * Builds each stage as its own target, a few at a time: the target's build has filled the
     * cache, so these only export images, and the engine does that for several at once.
     */
    private Map<Integer, String> buildStages(List<Integer> stages, BuildSettings settings, ContextTars.Lease packed,
                                             DockerfileRewrites.Rewritten named, Input input, Cancellation cancellation)
            throws InterruptedException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(PARALLEL_STAGE_BUILDS, stages.size()), r -> {
                    Thread t = new Thread(r, "stagecraft-stage-build");
                    t.setDaemon(true);
                    return t;
                });
        try {
            Map<Integer, java.util.concurrent.Future<String>> running = new LinkedHashMap<>();
            for (int s : stages) {
                // With the cache always: the target's build has just filled it, even under no-cache.
                BuildRequest cached = request(settings, packed, named.stageNames().get(s), input, s, false);
                running.put(s, pool.submit(() -> engine.build(cached, message -> { }, cancellation)));
            }
            Map<Integer, String> ids = new LinkedHashMap<>();
            for (Map.Entry<Integer, java.util.concurrent.Future<String>> e : running.entrySet()) {
                try {
                    ids.put(e.getKey(), e.getValue().get());
                } catch (java.util.concurrent.ExecutionException failed) {
                    cancellation.cancel();
                    throw failed.getCause() instanceof EngineException known ? known
                            : new EngineException(EngineException.Kind.REFUSED, "Building stage "
                            + named.stageNames().get(e.getKey()) + " failed: " + failed.getCause().getMessage(),
                            failed.getCause());
                }
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The external images' facts asked before the build, or empty when the engine could not be asked
     * or took longer than {@link #ANSWER_WAIT}: the build then goes on without them (and reports an
     * engine that cannot be reached in its own words), no kept stage image is reused, and the
     * measurer asks for the bases itself.
     */
    private static Optional<Map<String, ImageFacts>> answered(
            java.util.concurrent.CompletableFuture<Map<String, ImageFacts>> asked)
            throws InterruptedException {
        try {
            return Optional.of(asked.get(ANSWER_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        }
    }

    /**
     * The images kept for those of {@code stages} whose steps the target's build all found in the
     * cache (so the engine's cache still holds exactly that result), and that the engine still has.
     */
    private Map<Integer, String> keptImages(Map<Integer, String> keys, List<Integer> stages,
                                            Map<Integer, StepState> states) {
        Map<Integer, String> candidates = new HashMap<>();
        for (int stage : stages) {
            String image = memo.image(keys.get(stage));
            if (image != null && states.get(stage) == StepState.CACHED) {
                candidates.put(stage, image);
            }
        }
        Set<String> present = watched.present(candidates.values());
        Map<Integer, String> found = new HashMap<>(candidates);
        found.values().removeIf(image -> !present.contains(image));
        return found;
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Takes the kept images of those of {@code stages} that have one; returns the stages still to build. */
    private static List<Integer> reuse(List<Integer> stages, Map<Integer, String> kept, Map<Integer, String> images) {
        List<Integer> left = new ArrayList<>();
        for (int s : stages) {
            if (kept.containsKey(s)) {
                images.put(s, kept.get(s));
            } else {
                left.add(s);
            }
        }
        return left;
    }

    /** Passes events on, remembering the line of a step that failed and each stage's last state. */
    private static final class StepOutcomes implements Consumer<BuildEvent> {
        private final Consumer<BuildEvent> events;
        private final Map<Integer, StepState> stageStates = new HashMap<>();
        private int line;

        StepOutcomes(Consumer<BuildEvent> events) {
            this.events = events;
        }

        @Override
        public void accept(BuildEvent event) {
            if (event instanceof BuildEvent.StepChanged step && step.state() == StepState.FAILED && step.line() > 0) {
                line = step.line();
            } else if (event instanceof BuildEvent.StageChanged stage) {
                stageStates.put(stage.stageIndex(), stage.state());
            }
            events.accept(event);
        }
    }

    private BuildReport report(Analysis analysis, List<String> names, String fileLabel, BuilderKind builder, int target,
                               Set<Integer> needed, Map<Integer, String> images, Map<String, ImageFacts> externals,
                               long started, Cancellation cancellation)
            throws InterruptedException {
        // The images this file's last build left are superseded, unless they are the same ones (a
        // rebuild that changed nothing): listing the engine's images is then skipped.
        Set<String> current = Set.copyOf(images.values());
        java.util.concurrent.CompletableFuture<Integer> superseded = current.equals(memo.lastImages(fileLabel))
                ? java.util.concurrent.CompletableFuture.completedFuture(0)
                : java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> ImageCleanup.removeSuperseded(engine, fileLabel, current));
        BuildMeasurer.Result measured = measurer.measure(analysis, names, builder, needed, images, externals, target);
        join(superseded);
        memo.rememberLastImages(fileLabel, current);
        if (cancellation.isCancelled()) {
            throw new EngineException(EngineException.Kind.CANCELLED, "The build was cancelled.");
        }
        StageReport last = measured.stages().get(target);
        return new BuildReport(builder, target, last.imageId(), last.sizeBytes(),
                leftBehind(analysis, measured.stages()), measured.stages(), measured.edges(), measured.finalFiles(),
                measured.finalFilesProblem(), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * What the stages not shipped weigh: each one's own bytes, plus each external base they use
     * that no shipped stage uses (counted once). Stages share their bases, so summing image sizes
     * would count a shared base many times.
     */
    static long leftBehind(Analysis analysis, List<StageReport> stages) {
        Set<String> shippedBases = new java.util.HashSet<>();
        for (Stage s : analysis.stages()) {
            if (analysis.ships(s.index()) && s.baseStage() == null && !s.scratch()) {
                shippedBases.add(s.base());
            }
        }
        long total = 0;
        Set<String> counted = new java.util.HashSet<>();
        for (StageReport r : stages) {
            if (!r.built() || r.ships()) {
                continue;
            }
            total += r.ownBytes();
            Stage s = analysis.stages().get(r.index());
            if (s.baseStage() == null && !s.scratch() && !shippedBases.contains(s.base()) && counted.add(s.base())) {
                total += r.baseSizeBytes();
            }
        }
        return total;
    }

    private BuildRequest request(BuildSettings settings, ContextTars.Lease packed, String stageName, Input input, int stage,
                                 boolean noCache) {
        Map<String, String> labels = new LinkedHashMap<>(extraLabels);
        labels.put(OWNER_LABEL, OWNER_VALUE);
        labels.put(FILE_LABEL, ImageCleanup.fileLabel(input.dockerfile()));
        labels.put(STAGE_LABEL, Integer.toString(stage));
        return new BuildRequest(settings.builder(), packed.tar(), packed.dockerfileName(), stageName, settings.buildArgs(),
                noCache, labels, null);
    }

    /**
     * Refuses, before anything is sent, syntax the builder cannot handle. With a {@code # syntax=}
     * directive kept, BuildKit runs that frontend, whose abilities are not known here: no check then.
     */
    private static void refuseUnsupportedSyntax(Analysis analysis, BuilderKind builder, String engineVersion,
                                                boolean withoutDirective) {
        boolean externalFrontend = builder == BuilderKind.BUILDKIT && !withoutDirective
                && analysis.parse().directive("syntax") != null;
        if (externalFrontend) {
            return;
        }
        List<String> refused = new ArrayList<>();
        for (SyntaxProblem p : SyntaxSupport.check(analysis, builder, engineVersion)) {
            if (p.severity() == dev.stagecraft.syntax.Severity.ERROR) {
                refused.add("line " + p.format());
            }
        }
        if (!refused.isEmpty()) {
            throw new EngineException(EngineException.Kind.UNSUPPORTED_SYNTAX, String.join("\n", refused));
        }
    }

    private static void refuseErrors(Analysis analysis) {
        for (Diagnostic d : analysis.diagnostics()) {
            if (d.isError()) {
                throw new EngineException(EngineException.Kind.REFUSED, "Line " + d.position() + ": " + d.message()
                        + ". Fix the Dockerfile before building.");
            }
        }
    }
}
