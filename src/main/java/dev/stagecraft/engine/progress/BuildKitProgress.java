package dev.stagecraft.engine.progress;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.instruction.AddInstruction;
import dev.stagecraft.instruction.CopyInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.OnbuildInstruction;
import dev.stagecraft.instruction.RunInstruction;
import dev.stagecraft.instruction.WorkdirInstruction;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The progress of a BuildKit build ({@code POST /build?version=2}), from its traces. Each vertex is
 * tied to a step by its name: {@code [builder 3/4] RUN ...} is the third of the steps BuildKit counts
 * in stage {@code builder} (unnamed stages are {@code stage-N}; a file of one stage has no name in
 * brackets). BuildKit counts the FROM of an image (not of a stage, not of scratch) and every RUN,
 * COPY, ADD and WORKDIR; ONBUILD triggers of the base take positions after the FROM without being in
 * the total ({@code [stage-2 12/11]}); other instructions make no vertex.
 *
 * <p>BuildKit runs a vertex once for every stage that shares it (two stages FROM the same image share
 * their FROM vertex, named after one of them only): a vertex is also tied to the step of each stage
 * whose next vertex reads from it.
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
 */
public final class BuildKitProgress implements BuildProgress {
    /** The error of a vertex stopped because something else ended the build. */
    private static final String INTERRUPTED = "context canceled";

    private enum Outcome { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** One instruction line and the vertices that run it (none for instructions that make none). */
    private static final class Step {
        final int stage;
        final Instruction instruction;
        final Set<String> vertices = new LinkedHashSet<>();
        StepState state = StepState.QUEUED;
        Duration elapsed = Duration.ZERO;
        String error;

        Step(int stage, Instruction instruction) {
            this.stage = stage;
            this.instruction = instruction;
        }

        int line() {
            return instruction.line();
        }
    }

    /** A stage's steps: all in line order, and the ones BuildKit counts after the FROM. */
    private static final class StageSteps {
        final Stage stage;
        final Step from;
        final List<Step> all = new ArrayList<>();
        final List<Step> counted = new ArrayList<>();
        final boolean fromImage;
        final int knownTriggers;
        StepState state = StepState.QUEUED;
        Duration elapsed = Duration.ZERO;

        StageSteps(Stage stage, int knownTriggers) {
            this.stage = stage;
            this.from = new Step(stage.index(), stage.from());
            this.fromImage = stage.baseStage() == null && !stage.scratch();
            this.knownTriggers = knownTriggers;
            all.add(from);
            for (Instruction i : stage.instructions()) {
                Step step = new Step(stage.index(), i);
                all.add(step);
                if (makesVertex(i)) {
                    counted.add(step);
                }
            }
        }
    }

    private final Analysis sent;
    private final int target;
    private final BitSet needed;
    private final List<StageSteps> stages = new ArrayList<>();
    private final int[] observedTriggers;
    private final Map<String, StatusResponse.Vertex> vertices = new LinkedHashMap<>();
    private final Map<String, List<Step>> stepsOfVertex = new HashMap<>();
    private final Set<String> named = new HashSet<>();
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
        this.target = targetStage;
        this.needed = NeededStages.of(sent, targetStage);
        for (Stage s : sent.stages()) {
            int triggers = 0;
            if (s.baseStage() != null) {
                // Only the base's own ONBUILDs: BuildKit clears the triggers it ran from the image it builds.
                for (Instruction i : sent.stages().get(s.baseStage()).instructions()) {
                    if (i instanceof OnbuildInstruction) {
                        triggers++;
                    }
                }
            }
            stages.add(new StageSteps(s, triggers));
        }
        this.observedTriggers = new int[stages.size()];
    }

    /** Whether BuildKit's Dockerfile frontend makes a vertex (and counts a step) for the instruction. */
    static boolean makesVertex(Instruction i) {
        return i instanceof RunInstruction || i instanceof CopyInstruction || i instanceof AddInstruction
                || i instanceof WorkdirInstruction;
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
        List<StatusResponse.Vertex> fresh = new ArrayList<>();
        for (StatusResponse.Vertex v : status.vertexes()) {
            noteTriggers(v);
            vertices.put(v.digest(), v);
            later(v.started());
            later(v.completed());
            if (named.add(v.digest())) {
                fresh.add(v);
            }
        }
        for (StatusResponse.Vertex v : fresh) {
            tie(v);
        }
        recompute();
        for (StatusResponse.Vertex v : status.vertexes()) {
            plumbingPhase(v);
        }
        for (StatusResponse.VertexLog log : status.logs()) {
            later(log.timestamp());
            Step step = firstStep(log.vertex());
            for (String line : lines.add(log.vertex() + "#" + log.stream(), log.message())) {
                log(step, line);
            }
        }
        for (StatusResponse.VertexWarning warning : status.warnings()) {
            log(firstStep(warning.vertex()), "WARNING: " + warning.shortText());
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
            log(hash < 0 ? null : firstStep(source.substring(0, hash)), rest);
        }
    }

    private void log(Step step, String text) {
        if (step == null) {
            ledger.log(-1, 0, text);
        } else {
            ledger.log(step.stage, step.line(), text);
        }
    }

    private Step firstStep(String digest) {
        List<Step> steps = stepsOfVertex.get(digest);
        return steps == null || steps.isEmpty() ? null : steps.get(0);
    }

    private void later(Instant time) {
        if (time != null && (latest == null || time.isAfter(latest))) {
            latest = time;
        }
    }

    /** A position past the total ({@code [stage-2 12/11]}) says how many ONBUILD triggers ran first. */
    private void noteTriggers(StatusResponse.Vertex v) {
        VertexName name = VertexName.parse(v.name());
        if (name != null && name.index() > name.total()) {
            int stage = stageNamed(name.stage());
            if (stage >= 0) {
                observedTriggers[stage] = Math.max(observedTriggers[stage], name.index() - name.total());
            }
        }
    }

    private int triggers(int stage) {
        return Math.max(stages.get(stage).knownTriggers, observedTriggers[stage]);
    }

    /** How many positions BuildKit numbers in the stage: its image's FROM, the triggers, the counted steps. */
    private int positions(int stage) {
        StageSteps st = stages.get(stage);
        return (st.fromImage ? 1 : 0) + triggers(stage) + st.counted.size();
    }

    /** The step at BuildKit's position {@code k} of the stage (the FROM for triggers), or null past the end. */
    private Step stepAt(int stage, int k) {
        StageSteps st = stages.get(stage);
        int pos = k;
        if (st.fromImage) {
            if (pos == 1) {
                return st.from;
            }
            pos--;
        }
        if (pos <= triggers(stage)) {
            return st.from;
        }
        pos -= triggers(stage);
        return pos >= 1 && pos <= st.counted.size() ? st.counted.get(pos - 1) : null;
    }

    /** Whether the vertex's command is the step's instruction (a trigger of an unknown base is not). */
    private static boolean fits(Step step, VertexName name, StageSteps st) {
        return step == st.from || step.instruction.kind().name().equals(name.keyword());
    }

    /** The stage BuildKit calls {@code name}: a stage name, {@code stage-N}, or none in a one-stage file. */
    private int stageNamed(String name) {
        if (name == null) {
            return stages.size() == 1 ? 0 : target;
        }
        for (StageSteps st : stages) {
            if (name.equalsIgnoreCase(st.stage.name())) {
                return st.stage.index();
            }
        }
        if (name.startsWith("stage-")) {
            try {
                int index = Integer.parseInt(name.substring("stage-".length()));
                if (index >= 0 && index < stages.size() && stages.get(index).stage.name() == null) {
                    return index;
                }
            } catch (NumberFormatException notAnIndex) {
                return -1;
            }
        }
        return -1;
    }

    /** Ties a vertex seen for the first time to the step its name says, and its shared parents to theirs. */
    private void tie(StatusResponse.Vertex v) {
        List<Step> steps = stepsOfVertex.computeIfAbsent(v.digest(), d -> new ArrayList<>());
        VertexName name = VertexName.parse(v.name());
        if (name == null) {
            return;
        }
        int stage = stageNamed(name.stage());
        if (stage < 0) {
            return;
        }
        StageSteps st = stages.get(stage);
        Step step = stepAt(stage, name.index());
        if (step != null && !fits(step, name, st)) {
            step = st.from;
        }
        if (step != null && step.vertices.add(v.digest())) {
            steps.add(0, step);
        }
        tieSharedParents(v, stage, name.index());
    }

    /**
     * Walks up the first inputs of a vertex at position {@code k} of {@code stage}: the parent is the
     * step before it in the same stage (or the last step of its base stage), and when BuildKit named
     * that parent after another stage (the same vertex serves both), it is tied here too.
     */
    private void tieSharedParents(StatusResponse.Vertex v, int stage, int k) {
        StatusResponse.Vertex child = v;
        int s = stage;
        int pos = k;
        while (!child.inputs().isEmpty()) {
            int parentStage = s;
            int parentPos = pos - 1;
            while (parentPos < 1) {
                Integer base = stages.get(parentStage).stage.baseStage();
                if (base == null) {
                    return;
                }
                parentStage = base;
                parentPos = positions(base);
            }
            String parentDigest = child.inputs().get(0);
            StatusResponse.Vertex parent = vertices.get(parentDigest);
            VertexName parentName = parent == null ? null : VertexName.parse(parent.name());
            Step step = stepAt(parentStage, parentPos);
            if (parentName == null || step == null || !fits(step, parentName, stages.get(parentStage))
                    || !step.vertices.add(parentDigest)) {
                return;
            }
            stepsOfVertex.computeIfAbsent(parentDigest, d -> new ArrayList<>()).add(step);
            child = parent;
            s = parentStage;
            pos = parentPos;
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
                if (runsVertex(step, st)) {
                    vertexStep(step, ran);
                }
            }
            stageState(st, ran);
            for (int i = 0; i < st.all.size(); i++) {
                Step step = st.all.get(i);
                if (!runsVertex(step, st)) {
                    settle(step, st, i);
                }
                ledger.step(index, step.line(), step.state, step.elapsed, step.error);
            }
            ledger.stage(index, st.state, st.elapsed);
            if (st.state != StepState.QUEUED && st.state != StepState.SKIPPED && !stagesStarted.get(index)) {
                stagesStarted.set(index);
                ledger.phase("Building stage " + NeededStages.label(sent, index) + " (" + stagesStarted.cardinality()
                        + " of " + needed.cardinality() + ")");
            }
        }
    }

    private boolean runsVertex(Step step, StageSteps st) {
        return step == st.from ? st.fromImage || triggers(st.stage.index()) > 0 || !step.vertices.isEmpty()
                : makesVertex(step.instruction);
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
            StatusResponse.Vertex v = vertices.get(digest);
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
            if (runsVertex(step, st)) {
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
                StatusResponse.Vertex v = vertices.get(digest);
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
            if (runsVertex(st.all.get(j), st)) {
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
