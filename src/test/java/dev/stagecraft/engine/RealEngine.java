package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.fail;

import dev.stagecraft.engine.docker.DockerBuildEngine;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The engine the integration tests build against: found as the app finds it. With {@code CI=true}
 * a missing engine or base image fails the test (CI's .ci/engine-up must have started them);
 * elsewhere the test is skipped and says why.
 */
public final class RealEngine {
    /** The base image .ci/engine-up imports: a static busybox, since nothing can be pulled. */
    public static final String BASE_IMAGE = "stagecraft-test/busybox:1";
    /** The label every image a test builds carries, so the suite can check it left none behind. */
    public static final String TEST_LABEL = "dev.stagecraft.test";

    private RealEngine() {
    }

    /** A connected engine that has the base image; the caller closes it. */
    public static BuildEngine connect() {
        EngineEndpoints.Resolution resolution = EngineEndpoints.resolve();
        if (resolution.endpoint() == null) {
            unavailable(resolution.problem());
        }
        BuildEngine engine = new DockerBuildEngine(resolution.endpoint());
        try {
            engine.info();
            if (engine.inspectImage(BASE_IMAGE).isEmpty()) {
                unavailable("the engine has no image " + BASE_IMAGE + "; run .ci/engine-up to import it");
            }
        } catch (EngineException e) {
            engine.close();
            unavailable(e.getMessage());
        }
        return engine;
    }

    /** Removes every image carrying {@link #TEST_LABEL} (children first, as the engine requires). */
    public static void removeTestImages(BuildEngine engine) {
        for (int round = 0; round < 5; round++) {
            List<String> left = engine.imagesLabelled(TEST_LABEL, "true");
            if (left.isEmpty()) {
                return;
            }
            for (String id : left) {
                try {
                    engine.removeImage(id);
                } catch (EngineException stillUsed) {
                    // A child image still uses it: the next round removes it.
                }
            }
        }
    }

    /** Waits (at most 10 s) until no container runs that was not running {@code before}; fails if one still does. */
    public static void assertNoNewContainerWithin10s(BuildEngine engine, List<String> before) throws InterruptedException {
        List<String> left = List.of();
        for (int i = 0; i < 40; i++) {
            left = new java.util.ArrayList<>(engine.runningContainers());
            left.removeAll(before);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        fail("containers still running 10 s after the build ended: " + left);
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, so the engine tests must run, but: " + why);
        }
        Assumptions.abort("no usable Docker engine, engine test skipped: " + why);
    }
}
