package dev.stagecraft.engine.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.BuildRequest;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.ContextTar;
import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.EngineInfo;
import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.engine.ImageFacts;
import dev.stagecraft.engine.RealEngine;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The adapter against the real engine (see {@link RealEngine} for when these run). */
class DockerBuildEngineTest {
    private static final Map<String, String> LABELS = Map.of(RealEngine.TEST_LABEL, "true");
    private static BuildEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        engine = RealEngine.connect();
    }

    @AfterAll
    static void cleanUp() {
        if (engine != null) {
            RealEngine.removeTestImages(engine);
            engine.close();
        }
    }

    private BuildRequest request(BuilderKind builder, String dockerfile, String target) throws Exception {
        Path context = Files.createDirectories(dir.resolve("context"));
        Path tar = dir.resolve("context.tar");
        ContextTar.write(context, null, dockerfile, tar);
        return new BuildRequest(builder, tar, ContextTar.DOCKERFILE_NAME, target, Map.of(), false, LABELS, null);
    }

    @Test
    void info_saysVersionsAndThatBuildKitIsOffered() {
        EngineInfo info = engine.info();
        assertTrue(info.engineVersion().matches("\\d+\\.\\d+.*"), info.engineVersion());
        assertTrue(info.apiVersion().matches("1\\.\\d+"), info.apiVersion());
        assertTrue(info.buildKitOffered(), "a Linux engine with API " + info.apiVersion() + " offers BuildKit");
        assertTrue(info.summary().contains(engine.endpoint().host()));
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void build_returnsTheFullIdOfAnImageWithOurLabelAndOneSmallFile(BuilderKind builder) throws Exception {
        List<BuildMessage> messages = new CopyOnWriteArrayList<>();
        String id = engine.build(request(builder, """
                FROM %s AS maker
                RUN printf 'hello\\n' > /greeting && head -c 5242880 /dev/zero > /big
                FROM scratch
                COPY --from=maker /greeting /greeting
                """.formatted(RealEngine.BASE_IMAGE), null), messages::add, new Cancellation());
        assertTrue(id.matches("sha256:[0-9a-f]{64}"), id);
        ImageFacts facts = engine.inspectImage(id).orElseThrow();
        assertEquals(id, facts.id());
        assertEquals(6, facts.sizeBytes(), "only the 6-byte greeting ships");
        assertEquals("true", facts.labels().get(RealEngine.TEST_LABEL));
        assertEquals(1, facts.layerDigests().size());
        List<HistoryEntry> history = engine.history(id);
        // The classic builder records the labels parameter as one more history entry; BuildKit does not.
        int copyEntry = builder == BuilderKind.CLASSIC ? history.size() - 2 : history.size() - 1;
        assertTrue(history.get(copyEntry).createdBy().contains("COPY"), history.toString());
        assertEquals(6, history.get(copyEntry).sizeBytes());
        if (builder == BuilderKind.CLASSIC) {
            assertTrue(history.get(history.size() - 1).createdBy().contains("LABEL " + RealEngine.TEST_LABEL + "=true"));
        }
        assertTrue(messages.stream().anyMatch(m -> m instanceof BuildMessage.ImageBuilt b && b.imageId().equals(id)));
        if (builder == BuilderKind.BUILDKIT) {
            assertTrue(messages.stream().anyMatch(m -> m instanceof BuildMessage.Trace), "BuildKit reports a trace");
        } else {
            assertTrue(messages.stream().anyMatch(m -> m instanceof BuildMessage.Output o && o.text().startsWith("Step 4/")),
                    "the classic builder prints its steps");
        }
        Path saved = dir.resolve("saved.tar");
        engine.saveImage(id, saved);
        assertTrue(Files.size(saved) > 1024);
    }

    @Test
    void imageEvents_tellARemovalOfAnImageMadeAfterTheWatchBegan_untilClosed() throws Exception {
        java.util.concurrent.BlockingQueue<String> told = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch watching = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        AutoCloseable watch = engine.watchImageEvents(new dev.stagecraft.engine.ImageEvents() {
            @Override
            public void watching() {
                watching.countDown();
            }

            @Override
            public void happened(String action, String imageId) {
                told.add(action + " " + imageId);
            }

            @Override
            public void ended() {
                ended.countDown();
            }
        });
        assertTrue(watching.await(10, TimeUnit.SECONDS), "the watch began");
        String id = engine.build(request(BuilderKind.BUILDKIT, "FROM %s\nLABEL made.at=\"%d\"\n".formatted(
                RealEngine.BASE_IMAGE, System.nanoTime()), null), m -> { }, new Cancellation());
        engine.removeImage(id);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String removal = null;
        while (removal == null && System.nanoTime() < deadline) {
            String event = told.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.equals("delete " + id)) {
                removal = event;
            }
        }
        assertEquals("delete " + id, removal, "told: " + told);
        watch.close();
        assertTrue(ended.await(10, TimeUnit.SECONDS), "closing ends the watch");
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void failingRun_endsInBuildFailedWithTheEnginesText(BuilderKind builder) throws Exception {
        EngineException e = assertThrows(EngineException.class, () -> engine.build(request(builder, """
                FROM %s
                RUN echo about to fail && exit 3
                """.formatted(RealEngine.BASE_IMAGE), null), m -> { }, new Cancellation()));
        assertEquals(EngineException.Kind.BUILD_FAILED, e.kind());
        assertTrue(e.getMessage().contains("exit") || e.getMessage().contains("returned a non-zero code: 3"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void cancelMidBuild_endsPromptlyAndLeavesNoContainerRunning(BuilderKind builder) throws Exception {
        List<String> before = engine.runningContainers();
        Cancellation cancellation = new Cancellation();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        BuildRequest request = request(builder, """
                FROM %s
                RUN echo started && sleep 60
                """.formatted(RealEngine.BASE_IMAGE), null);
        try {
            List<BuildMessage> seen = new CopyOnWriteArrayList<>();
            timer.schedule(cancellation::cancel, 3, TimeUnit.SECONDS);
            long start = System.nanoTime();
            EngineException e = assertThrows(EngineException.class, () -> engine.build(request, seen::add, cancellation));
            assertEquals(EngineException.Kind.CANCELLED, e.kind());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "cancel ends the build, not the sleep");
        } finally {
            timer.shutdownNow();
        }
        RealEngine.assertNoNewContainerWithin10s(engine, before);
    }

    @Test
    void closedSocket_isUnreachableWithAFix() {
        EngineEndpoint nowhere = new EngineEndpoint("unix://" + dir.resolve("no-engine.sock"), false, null, "DOCKER_HOST");
        try (DockerBuildEngine absent = new DockerBuildEngine(nowhere)) {
            long start = System.nanoTime();
            EngineException e = assertThrows(EngineException.class, absent::info);
            assertEquals(EngineException.Kind.UNREACHABLE, e.kind());
            assertTrue(e.getMessage().contains("No engine answers at unix://"), e.getMessage());
            assertTrue(e.getMessage().contains("DOCKER_HOST"), e.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        }
    }

    @Test
    void socketThatNeverAnswers_isUnreachableAfterTwoSeconds() throws Exception {
        Path socket = dir.resolve("silent.sock");
        List<SocketChannel> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept());
                    }
                } catch (java.io.IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            EngineEndpoint silent = new EngineEndpoint("unix://" + socket, false, null, "DOCKER_HOST");
            try (DockerBuildEngine mute = new DockerBuildEngine(silent)) {
                long start = System.nanoTime();
                EngineException e = assertThrows(EngineException.class, mute::info);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(EngineException.Kind.UNREACHABLE, e.kind());
                assertTrue(millis < 4000, "answered after " + millis + " ms");
            }
        } finally {
            for (SocketChannel c : accepted) {
                c.close();
            }
        }
    }

    /**
     * The engine "dies" mid-build: a proxy in front of the real socket forwards the request and the
     * first bytes of the answer, then drops both connections.
     */
    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void engineGoneMidBuild_isAConnectionLostMessage(BuilderKind builder) throws Exception {
        Path real = Path.of(engine.endpoint().host().replaceFirst("^unix://", ""));
        Path proxy = dir.resolve("dying.sock");
        List<java.nio.channels.Channel> open = new CopyOnWriteArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(proxy));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        SocketChannel client = server.accept();
                        SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(real));
                        open.add(client);
                        open.add(upstream);
                        pump(client, upstream, Long.MAX_VALUE);
                        pump(upstream, client, 700);
                    }
                } catch (java.io.IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            EngineEndpoint dying = new EngineEndpoint("unix://" + proxy, false, null, "DOCKER_HOST");
            try (DockerBuildEngine gone = new DockerBuildEngine(dying)) {
                BuildRequest request = request(builder, "FROM " + RealEngine.BASE_IMAGE
                        + "\nRUN for i in $(seq 1 40); do echo line $i; sleep 0.1; done\n", null);
                EngineException e = assertThrows(EngineException.class,
                        () -> gone.build(request, m -> { }, new Cancellation()));
                assertEquals(EngineException.Kind.CONNECTION_LOST, e.kind(), e.getMessage());
                assertTrue(e.getMessage().contains(dying.host()), e.getMessage());
            }
        } finally {
            for (java.nio.channels.Channel c : open) {
                c.close();
            }
        }
    }

    /** Copies from one channel to the other until {@code limit} bytes, then closes both. */
    private static void pump(SocketChannel from, SocketChannel to, long limit) {
        Thread t = new Thread(() -> {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1024);
            long copied = 0;
            try {
                while (copied < limit && from.read(buffer) >= 0) {
                    buffer.flip();
                    copied += buffer.remaining();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (java.io.IOException gone) {
                // One side closed: close the other below.
            }
            try {
                from.close();
                to.close();
            } catch (java.io.IOException ignored) {
                // Already closed.
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Test
    void offersBuildKit_needsApi139OnLinux() {
        assertTrue(DockerBuildEngine.offersBuildKit("1.41", "linux"));
        assertFalse(DockerBuildEngine.offersBuildKit("1.38", "linux"));
        assertFalse(DockerBuildEngine.offersBuildKit("1.44", "windows"));
        assertFalse(DockerBuildEngine.offersBuildKit("", "linux"));
    }
}
