package dev.stagecraft.engine.progress;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.StepState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers what was last said about each step, stage and phase, and queues an event only when it
 * changed: a step or stage whose state (or error) is unchanged says nothing, however its time grew.
 * So callers can work out the whole picture after every message and publish only the difference.
 */
final class EventLedger {
    private record StepKey(int stage, int line) {
    }

    private final Map<StepKey, BuildEvent.StepChanged> steps = new HashMap<>();
    private final Map<Integer, BuildEvent.StageChanged> stages = new HashMap<>();
    private final List<BuildEvent> pending = new ArrayList<>();
    private String phase;

    /** Records the step's state; true when it changed (an event was queued). */
    boolean step(int stage, int line, StepState state, Duration elapsed, String error) {
        BuildEvent.StepChanged last = steps.get(new StepKey(stage, line));
        if (last == null || last.state() != state || !Objects.equals(last.error(), error)) {
            BuildEvent.StepChanged event = new BuildEvent.StepChanged(stage, line, state, elapsed, error);
            steps.put(new StepKey(stage, line), event);
            pending.add(event);
            return true;
        }
        return false;
    }

    void stage(int stage, StepState state, Duration elapsed) {
        BuildEvent.StageChanged last = stages.get(stage);
        if (last == null || last.state() != state) {
            BuildEvent.StageChanged event = new BuildEvent.StageChanged(stage, state, elapsed);
            stages.put(stage, event);
            pending.add(event);
        }
    }

    void phase(String description) {
        if (!description.equals(phase)) {
            phase = description;
            pending.add(new BuildEvent.PhaseChanged(description));
        }
    }

    void log(int stage, int line, String text) {
        pending.add(new BuildEvent.LogLine(stage, line, text));
    }

    /** The state last said for the stage, or null when nothing was said yet. */
    StepState stageState(int stage) {
        BuildEvent.StageChanged last = stages.get(stage);
        return last == null ? null : last.state();
    }

    /** The events queued since the last call. */
    List<BuildEvent> drain() {
        List<BuildEvent> out = List.copyOf(pending);
        pending.clear();
        return out;
    }
}
