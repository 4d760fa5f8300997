package dev.stagecraft.io;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Notices when a file changes on disk by comparing its {@link FileStamp} every interval.
 *
 * <p>Why a poll and not a {@link java.nio.file.WatchService}: the watch service watches folders, not
 * files, misses changes on network and container-mounted file systems, and on macOS is itself a slow
 * poll; editors and {@code git checkout} replace files by renaming, which a stat sees as a new stamp
 * just as well. One stat a second of one file costs nothing. Callers also call {@link #checkNow()}
 * when the window regains focus, so a change made in another program shows at once.
 */
public final class FileChangePoller implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stagecraft-file-poll");
        t.setDaemon(true);
        return t;
    });
    private final BiConsumer<Path, FileStamp> onChange;
    private Path file;
    private FileStamp last;

    /** {@code onChange} runs on the poller's thread with the file and its new stamp. */
    public FileChangePoller(Duration interval, BiConsumer<Path, FileStamp> onChange) {
        this.onChange = onChange;
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code path} (null: nothing), taking {@code known} as its current state. */
    public synchronized void watch(Path path, FileStamp known) {
        file = path;
        last = known;
    }

    /** Compares now, off the caller's thread. */
    public void checkNow() {
        if (!timer.isShutdown()) {
            timer.execute(this::poll);
        }
    }

    private void poll() {
        Path path;
        FileStamp before;
        synchronized (this) {
            path = file;
            before = last;
        }
        if (path == null) {
            return;
        }
        FileStamp now = FileStamp.of(path);
        synchronized (this) {
            if (!path.equals(file) || !before.equals(last) || now.equals(last)) {
                return;
            }
            last = now;
        }
        onChange.accept(path, now);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
