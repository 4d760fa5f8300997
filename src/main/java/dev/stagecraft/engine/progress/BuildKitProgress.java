package dev.stagecraft.engine.progress;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.progress.VertexTies.StageSteps;
import dev.stagecraft.engine.progress.VertexTies.Step;
import dev.stagecraft.stage.Analysis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The progress of a BuildKit build ({@code POST /build?version=2}), from its traces. Vertices are
 * tied to instruction lines by {@link VertexTies}; this class works out states from them.
 *
 * <p>States: a vertex queued, started, completed or cached gives its step QUEUED, RUNNING, DONE or
 * CACHED; an error FAILED with the engine's text, unless the error is {@code context canceled}
 * (stopped because another step failed, or the build was cancelled), which puts the step back to
 * QUEUED. An instruction that makes no vertex (ENV, LABEL, CMD, ARG, the FROM of a stage ...) is
 * applied by the frontend before anything runs; it is shown settled once the build has passed it:
 * CACHED when the next vertex of its stage was cached, DONE when that one ran, and with its stage when
 * nothing follows it. A stage is FAILED when a step failed, CACHED when every step that runs something
 * was cached (its image's FROM does not count: BuildKit reports it done, not cached, on rebuilds), DONE
 * when all ended, RUNNING once any started. Stages the target does not need are SKIPPED from the start.
 * Elapsed times are the engine's own (vertex start and completion times), not this machine's clock.
 * Output lines are tied to the line of their vertex; text outside any step to stage -1, line 0.
 */
public final class BuildKitProgress implements BuildProgress {
    /** The error of a vertex stopped because something else ended the build. */
    private static final String INTERRUPTED = "context canceled";

    private enum Outcome { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final Analysis sent;
    private final BitSet needed;
    private final VertexTies ties;
    private final List<StageSteps> stages;
    private final BitSet stagesStarted = new BitSet();
    private final LineSplitter lines = new LineSplitter();
    private final EventLedger ledger = new EventLedger();
    private Instant latest;
    private Outcome outcome = Outcome.RUNNING;

    /**
     * The progress of a BuildKit build of the text {@code sent} was analysed from (line numbers as in
     * the user's file; unnamed stages may carry generated names in it), towards stage
     * {@code targetStage}.
     */
    public BuildKitProgress(Analysis sent, int targetStage) {
        this.sent = sent;
        this.needed = NeededStages.of(sent, targetStage);
        this.ties = new VertexTies(sent, targetStage);
        this.stages = ties.stages();
    }

    @Override
    public List<BuildEvent> start() {
        for (StageSteps st : stages) {
            StepState state = needed.get(st.stage.index()) ? StepState.QUEUED : StepState.SKIPPED;
            for (Step step : st.all) {
                ledger.step(step.stage, step.line(), state, Duration.ZERO, null);
            }
            ledger.stage(st.stage.index(), state, Duration.ZERO);
        }
        ledger.phase("Starting the build");
        return ledger.drain();
    }

    @Override
    public List<BuildEvent> accept(BuildMessage message) {
        if (outcome != Outcome.RUNNING) {
            return List.of();
        }
        if (message instanceof BuildMessage.Trace trace) {
            try {
                status(StatusResponse.decode(trace.statusResponse()));
            } catch (MalformedTraceException e) {
                ledger.log(-1, 0, "Stagecraft could not read a progress message from the engine: " + e.getMessage());
            }
        } else if (message instanceof BuildMessage.Output output) {
            for (String line : lines.add("output", output.text())) {
                ledger.log(-1, 0, line);
            }
        }
        return ledger.drain();
    }

    @Override
    public List<BuildEvent> finishSucceeded() {
        return finish(Outcome.SUCCEEDED, "Build finished");
    }

    @Override
    public List<BuildEvent> finishFailed(String engineError) {
        return finish(Outcome.FAILED, "Build failed");
    }

    @Override
    public List<BuildEvent> finishCancelled() {
        return finish(Outcome.CANCELLED, "Build cancelled");
    }

    private List<BuildEvent> finish(Outcome end, String phase) {
        if (outcome != Outcome.RUNNING) {
            return List.of();
        }
        outcome = end;
        for (String source : lines.sources()) {
            flush(source);
        }
        recompute();
        ledger.phase(phase);
        return ledger.drain();
    }

    private void status(StatusResponse status) {
        ties.update(status.vertexes());
        for (StatusResponse.Vertex v : status.vertexes()) {
            later(v.started());
            later(v.completed());
        }
        recompute();
        for (StatusResponse.Vertex v : status.vertexes()) {
            plumbingPhase(v);
        }
        for (StatusResponse.VertexLog log : status.logs()) {
            later(log.timestamp());
            Step step = ties.firstStep(log.vertex());
            for (String line : lines.add(log.vertex() + "#" + log.stream(), log.message())) {
                log(step, line);
            }
        }
        for (StatusResponse.VertexWarning warning : status.warnings()) {
            log(ties.firstStep(warning.vertex()), "WARNING: " + warning.shortText());
        }
        for (StatusResponse.Vertex v : status.vertexes()) {
            if (v.completed() != null || v.failed()) {
                for (String source : lines.sources()) {
                    if (source.startsWith(v.digest() + "#")) {
                        flush(source);
                    }
                }
            }
        }
    }

    private void flush(String source) {
        String rest = lines.flush(source);
        if (rest != null) {
            int hash = source.lastIndexOf('#');
            log(hash < 0 ? null : ties.firstStep(source.substring(0, hash)), rest);
        }
    }

    private void log(Step step, String text) {
        if (step == null) {
            ledger.log(-1, 0, text);
        } else {
            ledger.log(step.stage, step.line(), text);
        }
    }

    private void later(Instant time) {
        if (time != null && (latest == null || time.isAfter(latest))) {
            latest = time;
        }
    }

    /** The status bar follows the build's own work too: loading the context, resolving images, exporting. */
    private void plumbingPhase(StatusResponse.Vertex v) {
        if (v.started() == null || v.completed() != null || VertexName.parse(v.name()) != null) {
            return;
        }
        String name = v.name();
        String metadata = "[internal] load metadata for ";
        if (name.startsWith(metadata)) {
            ledger.phase("Looking up " + name.substring(metadata.length()));
        } else if (name.contains("build context")) {
            ledger.phase("Loading the build context");
        } else if (name.startsWith("exporting")) {
            ledger.phase("Exporting the image");
        }
    }

    /** Works out every state again from the vertices seen, and queues what changed. */
    private void recompute() {
        for (StageSteps st : stages) {
            int index = st.stage.index();
            if (!needed.get(index)) {
                continue;
            }
            boolean ran = false;
            for (Step step : st.all) {
                if (!step.vertices.isEmpty()) {
                    ran = true;
                }
            }
            for (Step step : st.all) {
                if (ties.runsVertex(step, st)) {
                    vertexStep(step, ran);
                }
            }
            stageState(st, ran);
            for (int i = 0; i < st.all.size(); i++) {
                Step step = st.all.get(i);
                boolean runs = ties.runsVertex(step, st);
                if (!runs) {
                    settle(step, st, i);
                }
                if (ledger.step(index, step.line(), step.state, step.elapsed, step.error) && runs) {
                    logStep(index, step);
                }
            }
            ledger.stage(index, st.state, st.elapsed);
            if (st.state != StepState.QUEUED && st.state != StepState.SKIPPED && !stagesStarted.get(index)) {
                stagesStarted.set(index);
                ledger.phase("Building stage " + NeededStages.label(sent, index) + " (" + stagesStarted.cardinality()
                        + " of " + needed.cardinality() + ")");
            }
        }
    }

    /**
     * A line in the log for each step that starts or ends, as BuildKit's plain progress prints them,
     * so the log tells what happened even when every step came from the cache and printed nothing.
     */
    private void logStep(int stage, Step step) {
        String what = switch (step.state) {
            case RUNNING -> "started";
            case CACHED -> "cached";
            case DONE -> String.format("done in %.1f s", step.elapsed.toMillis() / 1000.0);
            case FAILED -> "failed";
            default -> null;
        };
        if (what != null) {
            String text = sent.parse().text();
            int start = step.instruction.range().start();
            int end = text.indexOf('\n', start);
            String first = (end < 0 ? text.substring(start) : text.substring(start, end)).strip();
            if (first.length() > 80) {
                first = first.substring(0, 77) + "...";
            }
            // The log shows the line number beside each line already.
            ledger.log(stage, step.line(), first + "  (" + what + ")");
        }
    }

    private void vertexStep(Step step, boolean stageRan) {
        int failed = 0;
        int cached = 0;
        int done = 0;
        int running = 0;
        String error = null;
        Instant started = null;
        Instant completed = null;
        for (String digest : step.vertices) {
            StatusResponse.Vertex v = ties.vertex(digest);
            StepState state = vertexState(v);
            if (state == StepState.FAILED) {
                failed++;
                error = error == null ? v.error() : error;
            } else if (state == StepState.CACHED) {
                cached++;
            } else if (state == StepState.DONE) {
                done++;
            } else if (state == StepState.RUNNING) {
                running++;
            }
            if (v.started() != null && (started == null || v.started().isBefore(started))) {
                started = v.started();
            }
            if (v.completed() != null && (completed == null || v.completed().isAfter(completed))) {
                completed = v.completed();
            }
        }
        int total = step.vertices.size();
        StepState state;
        if (failed > 0) {
            state = StepState.FAILED;
        } else if (total > 0 && cached == total) {
            state = StepState.CACHED;
        } else if (total > 0 && cached + done == total) {
            state = StepState.DONE;
        } else if (running > 0 || cached + done > 0) {
            state = StepState.RUNNING;
        } else {
            state = StepState.QUEUED;
        }
        if (outcome == Outcome.SUCCEEDED && !state.finished()) {
            // The build succeeded, so whatever it needed ran; a stage that shows nothing was not needed.
            state = stageRan ? StepState.DONE : StepState.SKIPPED;
        } else if ((outcome == Outcome.FAILED || outcome == Outcome.CANCELLED) && state == StepState.RUNNING) {
            state = StepState.QUEUED;
        }
        step.state = state;
        step.error = state == StepState.FAILED ? error : null;
        step.elapsed = state == StepState.QUEUED ? Duration.ZERO : elapsed(started, state.finished() ? completed : latest);
    }

    private static StepState vertexState(StatusResponse.Vertex v) {
        if (v.failed()) {
            return v.error().contains(INTERRUPTED) ? StepState.QUEUED : StepState.FAILED;
        } else if (v.cached()) {
            return StepState.CACHED;
        } else if (v.completed() != null) {
            return StepState.DONE;
        } else if (v.started() != null) {
            return StepState.RUNNING;
        }
        return StepState.QUEUED;
    }

    private void stageState(StageSteps st, boolean ran) {
        List<Step> running = new ArrayList<>();
        for (Step step : st.all) {
            if (ties.runsVertex(step, st)) {
                running.add(step);
            }
        }
        StepState state;
        if (running.isEmpty()) {
            // FROM a stage (or scratch) and nothing that runs: the stage is its base, or nothing at all.
            Integer base = st.stage.baseStage();
            StepState baseState = base == null ? null : stages.get(base).state;
            if (baseState != null && (baseState.finished() && baseState != StepState.FAILED)) {
                state = baseState;
            } else if (base == null && outcome == Outcome.SUCCEEDED) {
                state = StepState.DONE;
            } else {
                state = StepState.QUEUED;
            }
        } else {
            state = aggregate(running, st);
        }
        if ((outcome == Outcome.FAILED || outcome == Outcome.CANCELLED) && state == StepState.RUNNING) {
            state = StepState.QUEUED;
        }
        st.state = state;
        Instant started = null;
        Instant completed = null;
        for (Step step : running) {
            for (String digest : step.vertices) {
                StatusResponse.Vertex v = ties.vertex(digest);
                if (v.started() != null && (started == null || v.started().isBefore(started))) {
                    started = v.started();
                }
                if (v.completed() != null && (completed == null || v.completed().isAfter(completed))) {
                    completed = v.completed();
                }
            }
        }
        st.elapsed = state == StepState.QUEUED ? Duration.ZERO : elapsed(started, state.finished() ? completed : latest);
    }

    private static StepState aggregate(List<Step> running, StageSteps st) {
        boolean allFinished = true;
        boolean anyStarted = false;
        boolean allSkipped = true;
        boolean allCached = true;
        boolean anyWork = false;
        for (Step step : running) {
            if (step.state == StepState.FAILED) {
                return StepState.FAILED;
            }
            allFinished &= step.state.finished();
            anyStarted |= step.state != StepState.QUEUED;
            allSkipped &= step.state == StepState.SKIPPED;
            if (step != st.from || !st.fromImage) {
                anyWork = true;
                allCached &= step.state == StepState.CACHED;
            }
        }
        if (!allFinished) {
            return anyStarted ? StepState.RUNNING : StepState.QUEUED;
        } else if (allSkipped) {
            return StepState.SKIPPED;
        } else if (anyWork) {
            return allCached ? StepState.CACHED : StepState.DONE;
        }
        return st.from.state == StepState.CACHED ? StepState.CACHED : StepState.DONE;
    }

    /** An instruction without a vertex follows the next step of its stage that runs, else the stage. */
    private void settle(Step step, StageSteps st, int position) {
        StepState next = null;
        for (int j = position + 1; j < st.all.size() && next == null; j++) {
            if (ties.runsVertex(st.all.get(j), st)) {
                next = st.all.get(j).state;
            }
        }
        StepState state;
        if (next != null) {
            state = switch (next) {
                case CACHED -> StepState.CACHED;
                case RUNNING, DONE, FAILED -> StepState.DONE;
                default -> next;
            };
        } else {
            state = switch (st.state) {
                case CACHED, DONE, SKIPPED -> st.state;
                default -> StepState.QUEUED;
            };
        }
        step.state = state;
        step.error = null;
        step.elapsed = Duration.ZERO;
    }

    private static Duration elapsed(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return Duration.ZERO;
        }
        return Duration.between(from, to);
    }
}
