package dev.stagecraft.ui;

import dev.stagecraft.context.CarriedFiles;
import dev.stagecraft.context.ContextCopy;
import dev.stagecraft.context.ContextScan;
import dev.stagecraft.context.ContextScanner;
import dev.stagecraft.context.DockerIgnore;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.stage.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Matches each analysis's COPY/ADD sources against the build context (the Dockerfile's folder), on
 * its own thread. The folder is walked once and the walk reused while it is fresh, so typing only
 * re-matches; a request superseded by a newer one is skipped, and only the newest result reaches
 * the FX thread.
 */
final class BuildContextService implements AutoCloseable {
    /** A walk younger than this is reused: typing re-analyses every few hundred milliseconds. */
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "build-context");
        t.setDaemon(true);
        return t;
    });
    private final ContextScanner scanner = new ContextScanner();
    private final AtomicLong latest = new AtomicLong();

    // Touched on the build-context thread only.
    private Path scannedFolder;
    private DockerIgnore ignore;
    private ContextScan scan;
    private long scannedAt;
    private volatile boolean stale;

    /**
     * Reports on the FX thread what each of {@code copies}, the context COPY/ADDs of {@code analysis}
     * (the graph lists them when it draws), carries.
     */
    void request(Path dockerfile, Analysis analysis, List<ContextCopy> copies, Consumer<ContextReport> onResult) {
        long id = latest.incrementAndGet();
        if (copies.isEmpty()) {
            onResult.accept(new ContextReport(analysis, null, Map.of(), null));
            return;
        }
        if (dockerfile == null || dockerfile.toAbsolutePath().getParent() == null) {
            onResult.accept(ContextReport.unavailable(analysis, "no context folder"));
            return;
        }
        Path dockerfilePath = dockerfile.toAbsolutePath();
        Path folder = dockerfilePath.getParent();
        try {
            executor.execute(() -> {
                if (id != latest.get()) {
                    return;
                }
                ContextReport report;
                try {
                    report = match(folder, dockerfilePath, analysis, copies);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (IOException | RuntimeException e) {
                    report = ContextReport.unavailable(analysis, "cannot read the context folder: " + e.getMessage());
                }
                ContextReport done = report;
                Platform.runLater(() -> {
                    if (id == latest.get()) {
                        onResult.accept(done);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // The window closed while this analysis was on its way to the screen: nobody waits for its files.
        }
    }

    /** The next request walks the folder again (files may have changed on disk). */
    void rescan() {
        stale = true;
    }

    private ContextReport match(Path folder, Path dockerfile, Analysis analysis, List<ContextCopy> copies)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(folder)) {
            return ContextReport.unavailable(analysis, "the context folder " + folder + " does not exist");
        }
        if (stale || scan == null || !folder.equals(scannedFolder) || System.nanoTime() - scannedAt > FRESH_NANOS) {
            stale = false;
            ignore = DockerIgnore.load(folder, dockerfile);
            scan = scanner.scan(folder, ignore);
            scannedFolder = folder;
            scannedAt = System.nanoTime();
        }
        Map<Instruction, CarriedFiles> carried = new IdentityHashMap<>();
        for (ContextCopy copy : copies) {
            carried.put(copy.instruction(), copy.match(scan, ignore));
        }
        return new ContextReport(analysis, folder, carried, null);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
