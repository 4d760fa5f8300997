package dev.stagecraft.history;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerEntry;
import dev.stagecraft.engine.measure.LayerSize;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Build records for the tests: every field set, nulls where the report allows them. */
final class SampleBuilds {
    static final Path DOCKERFILE = Path.of("/work/app/Dockerfile").toAbsolutePath();
    static final String TEXT = "FROM busybox AS build\nRUN make\nFROM busybox\nCOPY --from=build /out /app\n";

    private SampleBuilds() {
    }

    static BuildRecord succeeded(Instant at, long finalSize) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("VERSION", "1.2");
        args.put("ALPHA", "first \"quoted\"\n");
        return BuildRecord.succeeded(DOCKERFILE, TEXT, args, "runtime", "Docker 20.10.24 (API 1.41)", at, report(finalSize, 3));
    }

    static BuildRecord failed(Instant at) {
        return BuildRecord.failed(DOCKERFILE, TEXT + "RUN false\n", Map.of(), null, BuilderKind.CLASSIC, "Docker 20.10.24 (API 1.41)",
                at, "RUN false exited with code 1.", 5);
    }

    static BuildReport report(long finalSize, int filesPerEdge) {
        List<StageReport> stages = List.of(
                new StageReport(0, "build", true, true, false, "sha256:aaa", 5_000_000, 1_200_000,
                        List.of(new LayerSize(1, 0), new LayerSize(2, 3_800_000)), null),
                new StageReport(1, null, false, false, false, null, 0, 0, List.of(), "the stage was not built"),
                new StageReport(2, "runtime", true, true, true, "sha256:bbb", finalSize, 1_200_000,
                        List.of(new LayerSize(3, 0), new LayerSize(4, 123)), null));
        List<LandedFile> files = new ArrayList<>();
        for (int i = 0; i < filesPerEdge; i++) {
            files.add(new LandedFile("/app/lib/file-" + i + ".so", 1000L + i, 0755, LayerEntry.Kind.FILE, ""));
        }
        files.add(new LandedFile("/app/current", 0, 0777, LayerEntry.Kind.SYMLINK, "lib/file-0.so"));
        List<EdgeReport> edges = List.of(
                new EdgeReport("copy", 0, null, 2, 4, files, 3_003, null),
                new EdgeReport("copy", null, "docker.io/library/alpine:3", 2, 5, List.of(), 0, "the layer could not be read"));
        List<LandedFile> finalFiles = List.of(
                new LandedFile("/bin/sh", 900_000, 0755, LayerEntry.Kind.FILE, ""),
                new LandedFile("/tmp", 0, 01777, LayerEntry.Kind.DIRECTORY, ""),
                new LandedFile("/bin/ls", 0, 0755, LayerEntry.Kind.HARDLINK, "/bin/sh"));
        return new BuildReport(BuilderKind.BUILDKIT, 2, "sha256:bbb", finalSize, 3_800_000, stages, edges, finalFiles, null,
                Duration.ofMillis(12_345).plusNanos(678));
    }
}
