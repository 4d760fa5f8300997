package dev.stagecraft.ui;

import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.history.HistoryStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;

/**
 * The window's way to the build history: every call on a {@link HistoryStore} runs on one background
 * thread of its own (a store may wait up to 5 s for another window's write, and its first open loads
 * sqlite-jdbc's native library), and answers come back on the FX thread. Stores stay open, one per
 * Dockerfile, until the window closes. A store's {@link HistoryStore#problem()} is said once, as a
 * sentence, through {@code notices}; nothing here throws at the window.
 *
 * <p>A window made without a data folder (tests, screenshots) keeps no history until
 * {@link #useDataFolder(Path)}.
 */
final class HistoryRecorder implements AutoCloseable {
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stagecraft-history");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<String> notices;
    private final Consumer<Path> recorded;
    // Touched on the history thread only.
    private final Map<Path, HistoryStore> stores = new HashMap<>();
    private final Map<Path, String> said = new HashMap<>();
    private volatile Path dataFolder;

    /**
     * @param notices where a history problem is said (FX thread)
     * @param recorded told the Dockerfile whose history just gained a build (FX thread)
     */
    HistoryRecorder(Consumer<String> notices, Consumer<Path> recorded) {
        this.notices = notices;
        this.recorded = recorded;
    }

    /** Keeps the history under {@code folder} from now on (null: keep none). */
    void useDataFolder(Path folder) {
        dataFolder = folder;
        submit(this::closeStores);
    }

    /** Whether builds are kept at all. */
    boolean enabled() {
        return dataFolder != null;
    }

    /**
     * Opens the history of {@code dockerfile} now, in the background, so that the first list the
     * panel asks for finds sqlite-jdbc loaded and the file open.
     */
    void prepare(Path dockerfile) {
        if (dockerfile != null && enabled()) {
            submit(() -> store(dockerfile));
        }
    }

    /** Stores {@code record} in the history of its Dockerfile, then tells {@code recorded}. */
    void record(BuildRecord record) {
        if (!enabled()) {
            return;
        }
        submit(() -> {
            HistoryStore store = store(record.dockerfile());
            if (store != null) {
                store.record(record);
                sayProblems(record.dockerfile(), store);
                Platform.runLater(() -> recorded.accept(record.dockerfile()));
            }
        });
    }

    /**
     * Runs {@code query} on the history of {@code dockerfile} on the history thread, and hands its
     * answer to {@code then} on the FX thread. Nothing happens when no history is kept.
     */
    <T> void query(Path dockerfile, Function<HistoryStore, T> query, Consumer<T> then) {
        if (dockerfile == null || !enabled()) {
            return;
        }
        submit(() -> {
            HistoryStore store = store(dockerfile);
            if (store == null) {
                return;
            }
            T answer;
            try {
                answer = query.apply(store);
            } catch (RuntimeException e) {
                // A query's own mistake (a record that cannot be compared) must not stop the thread.
                Platform.runLater(() -> notices.accept("The history could not answer: " + e.getMessage()));
                return;
            } finally {
                sayProblems(dockerfile, store);
            }
            Platform.runLater(() -> then.accept(answer));
        });
    }

    private HistoryStore store(Path dockerfile) {
        Path folder = dataFolder;
        if (folder == null) {
            return null;
        }
        Path key = dockerfile.toAbsolutePath().normalize();
        HistoryStore store = stores.get(key);
        if (store == null) {
            store = HistoryStore.open(folder, key);
            stores.put(key, store);
            sayProblems(key, store);
        }
        return store;
    }

    /** Says what is new in the store's problems since they were last said. */
    private void sayProblems(Path dockerfile, HistoryStore store) {
        store.problem().ifPresent(all -> {
            String before = said.getOrDefault(dockerfile, "");
            if (!all.equals(before)) {
                said.put(dockerfile, all);
                String news = all.startsWith(before) ? all.substring(before.length()).strip() : all;
                Platform.runLater(() -> notices.accept(news));
            }
        });
    }

    private void closeStores() {
        stores.values().forEach(HistoryStore::close);
        stores.clear();
        said.clear();
    }

    private void submit(Runnable task) {
        try {
            work.execute(task);
        } catch (RejectedExecutionException e) {
            // The window is closing.
        }
    }

    /** Closes the stores once what is queued (a build being recorded) is done. */
    @Override
    public void close() {
        submit(this::closeStores);
        work.shutdown();
    }
}
