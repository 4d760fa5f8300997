package dev.stagecraft.engine.progress;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.StageEdge;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

/**
 * The stages a target needs, worked out again for the target of this build: the analysis may have
 * been made for another target (or none), and its own reachability would then be wrong.
 */
final class NeededStages {
    private NeededStages() {
    }

    /** The stages building {@code target} needs, itself included: its base, what it copies or mounts, and so on. */
    static BitSet of(Analysis sent, int target) {
        if (target < 0 || target >= sent.stages().size()) {
            throw new IllegalArgumentException("no stage " + target + " in a file of " + sent.stages().size() + " stages");
        }
        BitSet needed = new BitSet();
        Deque<Integer> queue = new ArrayDeque<>();
        needed.set(target);
        queue.add(target);
        while (!queue.isEmpty()) {
            for (StageEdge edge : sent.graph().needs(queue.poll())) {
                Integer from = edge.fromStage();
                if (from != null && !needed.get(from)) {
                    needed.set(from);
                    queue.add(from);
                }
            }
        }
        return needed;
    }

    /** How a stage is named in the status bar: its name, or {@code #index} when unnamed or named by Stagecraft. */
    static String label(Analysis sent, int stage) {
        String name = sent.stages().get(stage).name();
        // Names DockerfileRewrites.withStageNames made up mean nothing to the user.
        return name == null || name.startsWith("stagecraft-stage-") ? "#" + stage : name;
    }
}
