package dev.stagecraft.engine.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.BuildRequest;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.ContextTar;
import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.RealEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine dies mid-build, for real: a private dockerd ({@link PrivateEngine}, never the shared
 * engine) is killed with SIGKILL while a step runs, and the build ends as CONNECTION_LOST naming
 * that endpoint instead of hanging on a stream nobody writes to any more.
 */
class EngineDeathTest {
    /** Printed by the step once it runs; the instruction's own text never holds it, so a name in a trace cannot match. */
    private static final String RUNNING = "42-running";

    @TempDir
    Path dir;

    @BeforeEach
    void needsAPrivateEngine() {
        String reason = PrivateEngine.unavailableReason();
        assumeTrue(reason == null, reason);
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void engineKilledWhileAStepRuns_isConnectionLostNamingTheEndpoint(BuilderKind builder) throws Exception {
        Path context = Files.createDirectories(dir.resolve("context"));
        Path tar = dir.resolve("context.tar");
        ContextTar.write(context, null, "FROM " + RealEngine.BASE_IMAGE + "\nRUN echo $((6*7))-running && sleep 120\n",
                tar);
        BuildRequest request = new BuildRequest(builder, tar, ContextTar.DOCKERFILE_NAME, null, Map.of(), true, Map.of(),
                null);
        try (PrivateEngine dying = PrivateEngine.start()) {
            EngineEndpoint endpoint = new EngineEndpoint(dying.host(), false, null, "DOCKER_HOST");
            AtomicLong killedAt = new AtomicLong();
            Consumer<BuildMessage> killWhenRunning = message -> {
                if (killedAt.get() == 0 && says(message, RUNNING)) {
                    try {
                        dying.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    killedAt.set(System.nanoTime());
                }
            };
            try (DockerBuildEngine engine = new DockerBuildEngine(endpoint)) {
                EngineException e = assertThrows(EngineException.class,
                        () -> engine.build(request, killWhenRunning, new Cancellation()));
                long afterKill = System.nanoTime() - killedAt.get();
                assertTrue(killedAt.get() != 0, "the step never said it ran: " + e.getMessage());
                assertEquals(EngineException.Kind.CONNECTION_LOST, e.kind(), e.getMessage());
                assertTrue(e.getMessage().contains(dying.host()), e.getMessage());
                System.out.println(builder + ": the build ended " + TimeUnit.NANOSECONDS.toMillis(afterKill)
                        + " ms after the engine was killed: " + e.getMessage());
            }
        }
    }

    /** Whether the step's output carries {@code text}: a classic output line, or a BuildKit trace's log bytes. */
    private static boolean says(BuildMessage message, String text) {
        if (message instanceof BuildMessage.Output output) {
            return output.text().contains(text);
        }
        return message instanceof BuildMessage.Trace trace
                && new String(trace.statusResponse(), StandardCharsets.ISO_8859_1).contains(text);
    }
}
