package dev.stagecraft.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What a running build tells the front ends, already mapped back to the Dockerfile: stages by their
 * index in the analysis, instructions by the 1-based line where they start in the user's file
 * (rewrites sent to the engine never move a line). Line 0 and stage -1 mean "not tied to one".
 */
public sealed interface BuildEvent {

    /** An instruction changed state; {@code error} is the engine's text when it failed, else null. */
    record StepChanged(int stageIndex, int line, StepState state, Duration elapsed, String error)
            implements BuildEvent {
        public StepChanged {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** A stage changed state, with the time it has taken so far. */
    record StageChanged(int stageIndex, StepState state, Duration elapsed) implements BuildEvent {
        public StageChanged {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** One line of output (ANSI escapes kept; the log view strips or renders them). */
    record LogLine(int stageIndex, int line, String text) implements BuildEvent {
        public LogLine {
            Objects.requireNonNull(text, "text");
        }
    }

    /** What the build is doing now, for the status bar: "Building stage builder (2 of 4)". */
    record PhaseChanged(String description) implements BuildEvent {
        public PhaseChanged {
            Objects.requireNonNull(description, "description");
        }
    }
}
