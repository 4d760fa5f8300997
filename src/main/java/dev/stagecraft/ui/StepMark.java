package dev.stagecraft.ui;

import dev.stagecraft.engine.StepState;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one instruction stands in the build on screen: its state, the time it had taken when the
 * engine last said so, the engine's error when it failed (else null), and when that news arrived
 * ({@link System#nanoTime()}), so a running step's time keeps counting between events.
 */
record StepMark(StepState state, Duration elapsed, String error, long receivedNanos) {

    StepMark {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The style class of a mark in this state: {@code step-queued}, {@code step-running} ... */
    static String styleClass(StepState state) {
        return "step-" + state.name().toLowerCase(Locale.ROOT);
    }

    /** What the mark's tooltip says at {@code nowNanos}: the state, the time, and the error of a failed step. */
    String describe(long nowNanos) {
        switch (state) {
            case QUEUED:
                return "Queued";
            case RUNNING:
                return "Running, " + duration(elapsed.plusNanos(Math.max(0, nowNanos - receivedNanos))) + " so far";
            case CACHED:
                return "Cached, " + duration(elapsed);
            case DONE:
                return "Done in " + duration(elapsed);
            case FAILED:
                return "Failed after " + duration(elapsed) + (error == null || error.isBlank() ? "" : "\n" + error.strip());
            case SKIPPED:
                return "Skipped: the target does not need this stage";
            default:
                throw new IllegalStateException(state.name());
        }
    }

    /** "0.4 s", "12.3 s", "2 min 05 s". */
    static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
