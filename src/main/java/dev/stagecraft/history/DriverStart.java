package dev.stagecraft.history;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.SQLiteConfig;

/**
 * The slowest step of sqlite-jdbc's start in a new process, begun on a second thread so that it runs
 * while the store names and checks its file and loads the native library: a connection's settings
 * ({@link SQLiteConfig}) build date formats, which read the JDK's locale and calendar data for the
 * first time in the process, 50 to 110 ms of class loading and interpreted code that needs nothing the
 * store has (decision 0012). The store's thread has as much to do meanwhile (naming and checking the
 * file, sqlite-jdbc's loader and library, 40 to 60 ms), so the two finish about together. It runs
 * once per process; a window that opened a history before finds it done.
 */
final class DriverStart {
    private static final AtomicBoolean BEGUN = new AtomicBoolean();
    private static final FutureTask<Void> WORK = new FutureTask<>(() -> {
        new SQLiteConfig();
        return null;
    });

    private DriverStart() {
    }

    /** Starts the work on a daemon thread, the first time only. */
    static void begin() {
        if (BEGUN.compareAndSet(false, true)) {
            Thread thread = new Thread(WORK, "stagecraft-history-start");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Waits for the work begun, so the caller's connection finds it done instead of doing it a second
     * time beside it. Failing or interrupted, it returns: the caller's connection then does the same
     * work itself and reports what fails, in sqlite-jdbc's words.
     */
    static void await() {
        if (!BEGUN.get()) {
            return;
        }
        try {
            WORK.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // The caller's own connection meets the same fault and says what it is.
        }
    }
}
