package dev.stagecraft.ui;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.AnalysisOptions;
import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.syntax.TokenMemo;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The open Dockerfile's analysis, kept current: each edit schedules a re-analysis after a quiet
 * period, off the FX thread, from a snapshot of the text; a result older than the latest edit is
 * dropped. The view binds to {@link #analysisProperty()}; {@code extra} derives more from the same
 * analysis off the FX thread (the editor's highlighting) so the FX thread only applies it.
 */
public final class DocumentViewModel<X> implements AutoCloseable {
    /**
     * An analysis and what the view derived from it, for one snapshot of the text; the two
     * {@link System#nanoTime()} stamps (snapshot taken, analysis and derivation done) let the edit
     * latency benchmark split its time.
     */
    public record Result<X>(String text, Analysis analysis, X extra, long snapshotNanos, long analyzedNanos) {
    }

    private final ReadOnlyObjectWrapper<Result<X>> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "quiet-period"));
    private final ExecutorService analysis = Executors.newSingleThreadExecutor(r -> daemon(r, "analysis"));
    /** The last text's tokens, by instruction: an edit re-tokenizes the instructions it changed. Analysis thread only. */
    private final TokenMemo tokenMemo = new TokenMemo();
    private final AtomicLong generation = new AtomicLong();
    private final long quietMillis;
    private final Function<Analysis, X> derive;
    private ScheduledFuture<?> pending;
    private volatile AnalysisOptions options = AnalysisOptions.defaults();
    private volatile boolean closed;

    public DocumentViewModel(long quietMillis, Function<Analysis, X> derive) {
        this.quietMillis = quietMillis;
        this.derive = derive;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, "stagecraft-" + name);
        t.setDaemon(true);
        return t;
    }

    public ReadOnlyObjectProperty<Result<X>> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public void setTarget(String target) {
        options = options.withTarget(target);
    }

    /** Called on the FX thread with the editor's text after every change. */
    public synchronized void textChanged(String text) {
        if (closed) {
            return;
        }
        long gen = generation.incrementAndGet();
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(() -> submit(gen, text), quietMillis, TimeUnit.MILLISECONDS);
    }

    /** Analyses now (opening a file, changing the target): no quiet period. */
    public synchronized void analyzeNow(String text) {
        if (closed) {
            return;
        }
        submit(generation.incrementAndGet(), text);
    }

    private void submit(long gen, String text) {
        try {
            analysis.execute(() -> analyze(gen, text));
        } catch (RejectedExecutionException e) {
            // Closed while the quiet period ran: nobody is waiting for this result.
        }
    }

    private void analyze(long gen, String text) {
        if (gen != generation.get()) {
            return;
        }
        long snapshot = System.nanoTime();
        Analysis a = DockerfileAnalyzer.analyze(text, options);
        // Found now, with the memo, so the highlighting derived below finds them ready.
        a.parse().tokens(tokenMemo);
        X extra = derive.apply(a);
        long analyzed = System.nanoTime();
        Platform.runLater(() -> {
            if (gen == generation.get()) {
                result.set(new Result<>(text, a, extra, snapshot, analyzed));
            }
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        timer.shutdownNow();
        analysis.shutdownNow();
    }
}
