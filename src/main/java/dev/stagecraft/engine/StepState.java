package dev.stagecraft.engine;

/**
 * Where one instruction (or one stage) stands in a build. {@link #SKIPPED} is for stages the target
 * does not need: BuildKit never runs them; with the classic builder they run anyway, and the
 * window says BuildKit would have skipped them.
 */
public enum StepState {
    QUEUED, RUNNING, CACHED, DONE, FAILED, SKIPPED;

    /** Whether the step has ended, well or not. */
    public boolean finished() {
        return this == CACHED || this == DONE || this == FAILED || this == SKIPPED;
    }
}
