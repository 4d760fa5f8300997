package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.ImageEvents;
import dev.stagecraft.engine.ImageFacts;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What is vouched for while the engine tells of its image events, and what is asked again. */
class WatchedImagesTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);

    /** An engine that has some images, counts the questions, and lets the test tell image events. */
    private static final class Engine {
        final Map<String, ImageFacts> images = new ConcurrentHashMap<>();
        final AtomicInteger asked = new AtomicInteger();
        volatile ImageEvents listener;
        volatile boolean watchClosed;
        /** Runs inside each question, before the answer: an event told while a question is in flight. */
        volatile Runnable duringQuestion = () -> { };

        final BuildEngine proxy = (BuildEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BuildEngine.class}, (self, method, args) -> switch (method.getName()) {
                    case "inspectImage" -> {
                        asked.incrementAndGet();
                        duringQuestion.run();
                        yield Optional.ofNullable(images.get((String) args[0]));
                    }
                    case "watchImageEvents" -> {
                        listener = (ImageEvents) args[0];
                        yield (AutoCloseable) () -> watchClosed = true;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        void has(String reference, String id) {
            images.put(reference, new ImageFacts(id, 100, Map.of(), List.of()));
        }
    }

    private final Engine engine = new Engine();
    private final WatchedImages watched = new WatchedImages(engine.proxy);

    @Test
    void withoutAWatch_everyQuestionGoesToTheEngine() {
        engine.has(A, A);
        assertEquals(Set.of(A), watched.present(List.of(A, B)));
        assertEquals(Set.of(A), watched.present(List.of(A, B)));
        assertEquals(4, engine.asked.get());
    }

    @Test
    void whileWatching_anImageFoundIsVouchedFor_untilItsRemovalIsTold() {
        engine.has(A, A);
        watched.watch();
        engine.listener.watching();
        assertEquals(Set.of(A), watched.present(List.of(A)));
        assertEquals(Set.of(A), watched.present(List.of(A)));
        assertEquals(1, engine.asked.get(), "the second time from what the watch vouches for");

        engine.listener.happened("save", A);
        assertEquals(Set.of(A), watched.present(List.of(A)));
        assertEquals(1, engine.asked.get(), "a save changes nothing");

        engine.images.remove(A);
        engine.listener.happened("delete", A);
        assertEquals(Set.of(), watched.present(List.of(A)));
        assertEquals(2, engine.asked.get(), "after its removal the engine is asked, and says it is gone");
    }

    @Test
    void anImageRemovedWhileTheQuestionWasInFlight_isNotVouchedFor() {
        engine.has(A, A);
        watched.watch();
        engine.listener.watching();
        engine.duringQuestion = () -> engine.listener.happened("delete", A);
        assertEquals(Set.of(A), watched.present(List.of(A)), "the engine answered before the removal");
        engine.duringQuestion = () -> { };
        assertFalse(watched.vouched(A));
    }

    @Test
    void anImageMadeAfterAMoment_isVouchedFor_unlessTheWatchEndedBetween() {
        watched.watch();
        engine.listener.watching();
        WatchedImages.Moment sent = watched.now();
        watched.seen(A, sent);
        assertTrue(watched.vouched(A));

        WatchedImages.Moment before = watched.now();
        engine.listener.ended();
        watched.seen(B, before);
        assertFalse(watched.vouched(A), "an ended watch vouches for nothing");
        assertFalse(watched.vouched(B));

        watched.watch();
        engine.listener.watching();
        watched.seen(B, before);
        assertFalse(watched.vouched(B), "a moment of the old watch does not count in the new one");
    }

    @Test
    void aTagsFacts_areKeptUntilAnyImageEventOtherThanASave() throws Exception {
        engine.has("base:1", A);
        watched.watch();
        engine.listener.watching();
        assertEquals(A, watched.facts("base:1").get().orElseThrow().id());
        assertEquals(A, watched.facts("base:1").get().orElseThrow().id());
        assertEquals(1, engine.asked.get());

        engine.listener.happened("save", A);
        watched.facts("base:1").get();
        assertEquals(1, engine.asked.get());

        engine.has("base:1", B);
        engine.listener.happened("tag", B);
        assertEquals(B, watched.facts("base:1").get().orElseThrow().id(), "the tag moved: asked again");
        assertEquals(2, engine.asked.get());
    }

    @Test
    void closing_endsTheWatchAndForgetsEverything() {
        engine.has(A, A);
        watched.watch();
        engine.listener.watching();
        watched.present(List.of(A));
        watched.close();
        assertTrue(engine.watchClosed);
        assertFalse(watched.vouched(A));
        engine.listener.watching();
        assertFalse(watched.vouched(A), "the closed watch's late calls count for nothing");
    }
}
