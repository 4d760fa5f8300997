package dev.stagecraft.compare;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerEntry.Kind;
import dev.stagecraft.engine.measure.LayerSize;
import java.time.Duration;
import java.util.List;

/**
 * A hand-made pair of builds of the same little app: A single-stage (its 5 MiB build artifact ships),
 * B multi-stage (only the app is copied into the final stage). Used by the comparison's tests and by
 * the CLI's JSON golden test.
 */
public final class ComparisonPair {
    public static final long BASE = 7_800_000;
    public static final long SOURCES = 1_000;
    public static final long APP = 40_000;
    public static final long ARTIFACT = 5 * 1024 * 1024;
    public static final long BUSYBOX = 1_000_000;

    public static final String SINGLE = """
            FROM alpine:3.20
            WORKDIR /src
            COPY . .
            RUN make app
            CMD ["/src/app"]
            """;

    public static final String MULTI = """
            FROM alpine:3.20 AS build
            WORKDIR   /src
            COPY . .
            RUN make \\
                app

            FROM alpine:3.20
            COPY --from=build /src/app /usr/local/bin/app
            CMD ["app"]
            """;

    private ComparisonPair() {
    }

    static LandedFile file(String path, long size) {
        return new LandedFile(path, size, 0644, Kind.FILE, "");
    }

    private static List<LayerSize> buildLayers() {
        return List.of(new LayerSize(2, 0), new LayerSize(3, SOURCES), new LayerSize(4, ARTIFACT + APP));
    }

    public static BuildReport single() {
        long size = BASE + SOURCES + ARTIFACT + APP;
        StageReport only = new StageReport(0, null, true, true, true, "sha256:a0", size, BASE, buildLayers(), null);
        List<LandedFile> files = List.of(file("/bin/busybox", BUSYBOX), file("/src/app", APP),
                file("/src/build/artifact.bin", ARTIFACT), file("/src/main.c", SOURCES),
                new LandedFile("/bin/sh", 0, 0777, Kind.SYMLINK, "busybox"));
        return new BuildReport(BuilderKind.BUILDKIT, 0, "sha256:a0", size, 0, List.of(only), List.of(), sorted(files), null,
                Duration.ofSeconds(2));
    }

    public static BuildReport multi() {
        long buildSize = BASE + SOURCES + ARTIFACT + APP;
        StageReport build = new StageReport(0, "build", true, true, false, "sha256:b0", buildSize, BASE, buildLayers(), null);
        StageReport last = new StageReport(1, null, true, true, true, "sha256:b1", BASE + APP, BASE,
                List.of(new LayerSize(8, APP)), null);
        EdgeReport edge = new EdgeReport("copy", 0, null, 1, 8, List.of(file("/usr/local/bin/app", APP)), APP, null);
        List<LandedFile> files = List.of(file("/bin/busybox", BUSYBOX), file("/usr/local/bin/app", APP),
                new LandedFile("/bin/sh", 0, 0777, Kind.SYMLINK, "busybox"));
        return new BuildReport(BuilderKind.BUILDKIT, 1, "sha256:b1", BASE + APP, SOURCES + ARTIFACT + APP,
                List.of(build, last), List.of(edge), sorted(files), null, Duration.ofSeconds(3));
    }

    private static List<LandedFile> sorted(List<LandedFile> files) {
        return files.stream().sorted(java.util.Comparator.comparing(LandedFile::path)).toList();
    }

    /** A = the single-stage build, B = the multi-stage one. */
    public static BuildComparison comparison() {
        return BuildComparison.of(new ComparedBuild("Dockerfile.single", SINGLE, single()),
                new ComparedBuild("Dockerfile.multi", MULTI, multi()));
    }
}
