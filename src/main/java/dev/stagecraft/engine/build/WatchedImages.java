package dev.stagecraft.engine.build;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.ImageEvents;
import dev.stagecraft.engine.ImageFacts;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What is known of the engine's images without asking again, while the engine tells of everything it
 * does to images ({@link BuildEngine#watchImageEvents}): an image seen since the watch began is
 * there until its removal is told, and what a tag named stays true until any image event other than
 * a save. Without a watch, or after it ended, nothing is vouched for and the engine is asked.
 * Asking took about 2 ms an image right after a build here: 10 ms for the four other stages of a
 * five-stage file, and 2 to 7 ms for its base, which is asked before the build can be sent.
 * Thread-safe.
 */
final class WatchedImages implements AutoCloseable {
    private final BuildEngine engine;
    private final Set<String> seen = new HashSet<>();
    /** When each image was last removed, counted in events told: an image seen before that is not vouched for. */
    private final Map<String, Long> removedAt = new HashMap<>();
    private final Map<String, ImageFacts> tagged = new HashMap<>();
    private long events;
    private Watch watch;
    private AutoCloseable handle;
    /** Counts watches begun and ended: nothing is vouched for across one. */
    private long era;

    WatchedImages(BuildEngine engine) {
        this.engine = engine;
    }

    /** A moment of the watch: an image made or found after it can be vouched for ({@link #seen}). */
    record Moment(long era, long events) {
    }

    /** Starts watching the engine's image events unless a watch runs; returns at once. */
    void watch() {
        Watch started;
        synchronized (this) {
            if (watch != null) {
                return;
            }
            started = new Watch();
            watch = started;
        }
        AutoCloseable opened = engine.watchImageEvents(started);
        synchronized (this) {
            if (watch == started) {
                handle = opened;
                return;
            }
        }
        closeQuietly(opened);
    }

    /** Which of {@code images} (ids) the engine has: those vouched for at once, the others asked side by side. */
    Set<String> present(Collection<String> images) {
        Moment asked = now();
        Set<String> present = new HashSet<>();
        Map<String, CompletableFuture<Boolean>> questions = new HashMap<>();
        for (String image : new HashSet<>(images)) {
            if (vouched(image)) {
                present.add(image);
            } else {
                questions.put(image, EngineQuestions.ask(() -> engine.inspectImage(image).isPresent()));
            }
        }
        questions.forEach((image, answer) -> {
            try {
                if (answer.join()) {
                    present.add(image);
                    seen(image, asked);
                }
            } catch (CompletionException e) {
                // Not known to be there: the stage is built again, and that reports an engine gone.
            }
        });
        return present;
    }

    /** The facts of {@code reference} (a tag or an id): vouched for at once, else asked. */
    CompletableFuture<Optional<ImageFacts>> facts(String reference) {
        synchronized (this) {
            ImageFacts known = live() ? tagged.get(reference) : null;
            if (known != null) {
                return CompletableFuture.completedFuture(Optional.of(known));
            }
        }
        Moment asked = now();
        return EngineQuestions.ask(() -> {
            Optional<ImageFacts> facts = engine.inspectImage(reference);
            facts.ifPresent(f -> factsSeen(reference, f, asked));
            return facts;
        });
    }

    /** Now, for {@link #seen} of an image made or found from now on. */
    synchronized Moment now() {
        return new Moment(live() ? era : -1, events);
    }

    /**
     * The engine had {@code image} after {@code since}: vouched for from now on when the same watch
     * lasted all along and told no removal of it since.
     */
    synchronized void seen(String image, Moment since) {
        String id = normal(image);
        if (sameWatch(since) && removedAt.getOrDefault(id, -1L) < since.events()) {
            seen.add(id);
        }
    }

    synchronized boolean vouched(String image) {
        return live() && seen.contains(normal(image));
    }

    private synchronized void factsSeen(String reference, ImageFacts facts, Moment since) {
        if (sameWatch(since) && events == since.events()) {
            tagged.put(reference, facts);
        }
    }

    private boolean sameWatch(Moment since) {
        return since.era() >= 0 && since.era() == era && live();
    }

    private boolean live() {
        return watch != null && watch.live;
    }

    @Override
    public void close() {
        AutoCloseable open;
        synchronized (this) {
            open = handle;
            end(watch);
        }
        closeQuietly(open);
    }

    private synchronized void end(Watch ended) {
        if (ended == null || ended != watch) {
            return;
        }
        era++;
        watch = null;
        handle = null;
        seen.clear();
        removedAt.clear();
        tagged.clear();
    }

    private static void closeQuietly(AutoCloseable open) {
        if (open != null) {
            try {
                open.close();
            } catch (Exception ignored) {
                // Its connection goes with the engine's.
            }
        }
    }

    private static String normal(String image) {
        return image.startsWith("sha256:") ? image : "sha256:" + image;
    }

    /** One watch; once ended, what it says no longer counts. */
    private final class Watch implements ImageEvents {
        private boolean live;

        @Override
        public void watching() {
            synchronized (WatchedImages.this) {
                if (watch == this && !live) {
                    live = true;
                    era++;
                }
            }
        }

        @Override
        public void happened(String action, String imageId) {
            synchronized (WatchedImages.this) {
                if (watch != this || "save".equals(action)) {
                    return;
                }
                long at = events++;
                tagged.clear();
                if ("delete".equals(action)) {
                    seen.remove(normal(imageId));
                    removedAt.put(normal(imageId), at);
                }
            }
        }

        @Override
        public void ended() {
            end(this);
        }
    }
}
