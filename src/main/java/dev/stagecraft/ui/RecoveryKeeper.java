package dev.stagecraft.ui;

import dev.stagecraft.userdata.RecoveryStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Keeps a recovery copy of a dirty document: every interval, if the text changed since the last
 * copy, it is written to the {@link RecoveryStore} on a background thread. Writes and deletions go
 * through one thread, in order, so a late write can never bring back a copy that a save deleted.
 */
final class RecoveryKeeper implements AutoCloseable {
    /** What to keep now: the document's file (null when it has none) and text; null when clean. */
    record Unsaved(Path file, String text) {
    }

    static final Duration INTERVAL = Duration.seconds(2);

    private final RecoveryStore store;
    private final Supplier<Unsaved> unsaved;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stagecraft-recovery");
        t.setDaemon(true);
        return t;
    });
    private final Timeline timer;
    private final StatusSink status;
    private Unsaved lastWritten;

    /** Where a failed write is reported (the window's file status). */
    interface StatusSink {
        void show(String message);
    }

    /** Runs on the FX thread: {@code unsaved} is asked there, the copy written elsewhere. */
    RecoveryKeeper(RecoveryStore store, Supplier<Unsaved> unsaved, StatusSink status) {
        this.store = store;
        this.unsaved = unsaved;
        this.status = status;
        timer = new Timeline(new KeyFrame(INTERVAL, e -> keep()));
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
    }

    private void keep() {
        Unsaved now = unsaved.get();
        if (now == null || now.equals(lastWritten)) {
            return;
        }
        lastWritten = now;
        execute(() -> {
            try {
                store.write(now.file(), now.text());
            } catch (IOException e) {
                Platform.runLater(() -> status.show("Could not keep a recovery copy: " + e.getMessage()));
            }
        });
    }

    /** The document was saved or let go: its copy is no longer needed. */
    void forget(Path file) {
        lastWritten = null;
        execute(() -> {
            try {
                store.delete(file);
            } catch (IOException e) {
                // A stale copy is offered once more at the next start; nothing is lost.
            }
        });
    }

    private void execute(Runnable task) {
        if (!writer.isShutdown()) {
            writer.execute(task);
        }
    }

    /** Stops; pending writes and deletions finish first (briefly: closing must not hang). */
    @Override
    public void close() {
        timer.stop();
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
