package dev.stagecraft.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A cancel switch shared between whoever starts a build and the code running it. Cancelling runs
 * the registered actions once (closing the build's connection, for instance); an action registered
 * after the cancel runs at once.
 */
public final class Cancellation {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** Cancels; runs every registered action once. Safe to call again, from any thread. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} when cancelled (at once if already cancelled). */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }
}
