package dev.stagecraft.engine.progress;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which instruction lines each BuildKit vertex runs. A vertex is tied to a step by its name:
 * {@code [builder 3/4] RUN ...} is the third of the steps BuildKit counts in stage {@code builder}
 * (unnamed stages are {@code stage-N}; a file of one stage has no name in brackets). BuildKit counts
 * the FROM of an image (not of a stage, not of scratch) and every RUN, COPY, ADD and WORKDIR; ONBUILD
 * triggers of the base take positions after the FROM without being in the total
 * ({@code [stage-2 12/11]}) and are tied to the FROM; other instructions make no vertex.
 *
 * <p>BuildKit runs a vertex once for all the stages that share it (two stages FROM the same image
 * share their FROM vertex, named after one of them only): a vertex is also tied to the step of each
 * stage whose next vertex reads from it (its first input).
 */
final class VertexTies {
    /** One instruction line and the vertices that run it (none for instructions that make none). */
    static final class Step {
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
    static final class StageSteps {
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

    private final int target;
    private final List<StageSteps> stages = new ArrayList<>();
    private final int[] observedTriggers;
    private final Map<String, StatusResponse.Vertex> vertices = new HashMap<>();
    private final Map<String, List<Step>> stepsOfVertex = new HashMap<>();

    VertexTies(Analysis sent, int target) {
        this.target = target;
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

    List<StageSteps> stages() {
        return stages;
    }

    /** The vertex as last sent. */
    StatusResponse.Vertex vertex(String digest) {
        return vertices.get(digest);
    }

    /**
     * Takes in the vertices of one status: the latest of each is kept, and those seen for the first
     * time are tied to their steps (after all are known, so a parent sent in the same status counts).
     */
    void update(List<StatusResponse.Vertex> status) {
        List<StatusResponse.Vertex> fresh = new ArrayList<>();
        for (StatusResponse.Vertex v : status) {
            noteTriggers(v);
            if (vertices.put(v.digest(), v) == null) {
                fresh.add(v);
            }
        }
        for (StatusResponse.Vertex v : fresh) {
            tie(v);
        }
    }

    /** Whether the step is run by vertices (else the frontend applied it without running anything). */
    boolean runsVertex(Step step, StageSteps st) {
        return step == st.from ? st.fromImage || triggers(st.stage.index()) > 0 || !step.vertices.isEmpty()
                : makesVertex(step.instruction);
    }

    /** Whether BuildKit's Dockerfile frontend makes a vertex (and counts a step) for the instruction. */
    static boolean makesVertex(Instruction i) {
        return i instanceof RunInstruction || i instanceof CopyInstruction || i instanceof AddInstruction
                || i instanceof WorkdirInstruction;
    }

    /** The step a vertex's output belongs to: the one its name says, else the first it was tied to; null if none. */
    Step firstStep(String digest) {
        List<Step> steps = stepsOfVertex.get(digest);
        return steps == null || steps.isEmpty() ? null : steps.get(0);
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
}
