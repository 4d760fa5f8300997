package dev.stagecraft.engine.build;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Short calls to the engine made side by side (image facts, presence), on threads of their own: the
 * common pool has a single thread on a two-core machine, and would ask one question at a time.
 */
final class EngineQuestions {
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stagecraft-engine-question");
        t.setDaemon(true);
        return t;
    });

    private EngineQuestions() {
    }

    static <T> CompletableFuture<T> ask(Supplier<T> question) {
        return CompletableFuture.supplyAsync(question, THREADS);
    }
}
