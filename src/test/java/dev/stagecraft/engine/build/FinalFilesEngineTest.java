package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineEndpoints;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.measure.LandedFile;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The final image's files against the engine's own answer: a container created from the final image
 * and exported ({@code docker create} + {@code docker export}) holds what a container sees, which is
 * what {@link BuildReport#finalFiles()} claims to list.
 */
class FinalFilesEngineTest {
    /** Whiteouts (a file and a folder deleted), an opaque folder, a replaced file, symbolic and hard links. */
    private static final String LAYERED = """
            FROM %s AS build
            RUN mkdir -p /app/lib /app/cache && echo one > /app/lib/a.js && echo two > /app/cache/tmp \\
                && head -c 3000 /dev/zero > /app/tool && echo old > /app/replaced
            RUN rm -rf /app/cache /etc/group && rm -rf /app/lib && mkdir /app/lib && echo three > /app/lib/b.js
            RUN printf 'the new content\\n' > /app/replaced && ln -s /app/tool /app/tool-link && ln /app/tool /app/tool-hard
            FROM build
            RUN echo last > /app/last
            """.formatted(RealEngine.BASE_IMAGE);

    /**
     * What the engine's init layer (moby's daemon/initlayer) puts into every container and the image
     * does not hold: the marker {@code /.dockerenv}, the files the engine mounts over at start
     * ({@code /etc/hosts}, {@code /etc/hostname}, {@code /etc/resolv.conf}), the {@code /etc/mtab} link to
     * {@code /proc/mounts}, and {@code /dev/console}; {@code /dev}, {@code /proc} and {@code /sys} are
     * the kernel's, so nothing under them is the image's either.
     */
    private static final Set<String> INIT_LAYER = Set.of("/.dockerenv", "/etc/hosts", "/etc/hostname", "/etc/resolv.conf",
            "/etc/mtab", "/dev/console");

    private static BuildEngine engine;
    private static Workbench bench;
    private static DockerClient docker;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() throws Exception {
        engine = RealEngine.connect();
        bench = Workbench.create();
        EngineEndpoint endpoint = EngineEndpoints.resolve().endpoint();
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host()).withDockerTlsVerify(endpoint.tlsVerify()).build();
        docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig()).build());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (docker != null) {
            docker.close();
        }
        if (engine != null) {
            RealEngine.removeTestImages(engine);
            engine.close();
        }
        if (bench != null) {
            bench.close();
        }
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void finalFiles_areExactlyWhatAnExportedContainerOfTheFinalImageHolds(BuilderKind builder) throws Exception {
        BuildReport report = build(LAYERED, builder);

        assertNull(report.finalFilesProblem());
        assertEquals(exported(report.finalImageId()), listed(report));
        Set<String> paths = new TreeSet<>();
        report.finalFiles().forEach(f -> paths.add(f.path()));
        assertTrue(paths.containsAll(Set.of("/app/lib/b.js", "/app/tool-link", "/app/tool-hard", "/app/last", "/bin/busybox")),
                paths.toString());
        assertFalse(paths.contains("/app/lib/a.js") || paths.contains("/app/cache/tmp") || paths.contains("/etc/group"),
                "deleted files are gone: " + paths);
        assertTrue(report.finalFiles().contains(new LandedFile("/app/replaced", 16, 0644,
                dev.stagecraft.engine.measure.LayerEntry.Kind.FILE, "")), "the upper layer's version counts");
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void rebuildWithUnchangedLayers_listsTheSameFiles_withoutSavingTheImageAgain(BuilderKind builder) throws Exception {
        try (Workbench fresh = Workbench.create()) {
            AtomicInteger saves = new AtomicInteger();
            BuildEngine counting = (BuildEngine) Proxy.newProxyInstance(BuildEngine.class.getClassLoader(),
                    new Class<?>[] {BuildEngine.class}, (proxy, method, args) -> {
                        if (method.getName().equals("saveImage")) {
                            saves.incrementAndGet();
                        }
                        try {
                            return method.invoke(engine, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            BuildReport first = build(LAYERED, builder, fresh, counting);
            assertEquals(1, saves.get(), "the first build saves the final image once");
            BuildReport again = build(LAYERED, builder, fresh, counting);

            assertEquals(1, saves.get(), "the rebuild found every layer's listing in the cache");
            assertEquals(first.finalImageId(), again.finalImageId());
            assertEquals(first.finalFiles(), again.finalFiles());
        }
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void copyingTheWholeContext_carriesTheDockerfileWithTheTextBuilt_andNothingOfStagecraft(BuilderKind builder)
            throws Exception {
        Path context = Files.createDirectories(dir.resolve("whole"));
        Files.writeString(context.resolve("a.txt"), "one\n");
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        // A named stage: the text sent names every unnamed stage, so it can be built as a target.
        String text = "FROM scratch AS final\n# an edit not saved yet\nCOPY . /ctx/\n";
        BuildSettings settings = new BuildSettings(context, null, Map.of(), false, builder, false);
        BuildReport report = bench.runner(engine, Map.of(RealEngine.TEST_LABEL, "true"))
                .run(new BuildRunner.Input(text, dockerfile, settings, false), e -> { }, new Cancellation());

        assertEquals(Set.of("/ctx/Dockerfile " + text.length(), "/ctx/a.txt 4"), listed(report),
                "what docker build would copy, the Dockerfile holding the text built");
    }

    private BuildReport build(String text, BuilderKind builder) throws Exception {
        return build(text, builder, bench, engine);
    }

    private BuildReport build(String text, BuilderKind builder, Workbench on, BuildEngine through) throws Exception {
        Path context = Files.createDirectories(dir.resolve("context"));
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), text);
        BuildSettings settings = new BuildSettings(context, null, Map.of(), false, builder, false);
        return on.runner(through, Map.of(RealEngine.TEST_LABEL, "true"))
                .run(new BuildRunner.Input(text, dockerfile, settings, false), e -> { }, new Cancellation());
    }

    /** "path size" of every file the report lists. */
    private static Set<String> listed(BuildReport report) {
        Set<String> listed = new TreeSet<>();
        for (LandedFile f : report.finalFiles()) {
            listed.add(f.path() + " " + f.sizeBytes());
        }
        return listed;
    }

    /** "path size" of every non-folder entry of an exported container of {@code image}, the init layer's left out. */
    private static Set<String> exported(String image) throws Exception {
        // The command is never run: a container of a scratch image needs one to be created at all.
        String container = docker.createContainerCmd(image).withCmd("/none").withLabels(Map.of(RealEngine.TEST_LABEL, "true"))
                .exec().getId();
        Set<String> files = new TreeSet<>();
        try (InputStream export = docker.exportContainerCmd(container).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(export)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String path = "/" + e.getName().replaceAll("/+$", "");
                boolean kernels = path.startsWith("/dev/") || path.startsWith("/proc/") || path.startsWith("/sys/");
                if (!e.isDirectory() && !INIT_LAYER.contains(path) && !kernels) {
                    files.add(path + " " + e.getSize());
                }
            }
        } finally {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
        return files;
    }
}
