package dev.stagecraft.cli;

import static dev.stagecraft.cli.CliRun.run;
import static dev.stagecraft.cli.JsonValues.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.JsonReader;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.history.HistoryFolders;
import dev.stagecraft.history.HistoryStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagecraft history}: a history filled by hand, listed newest first as text and as JSON. */
class HistoryCommandTest {
    private static final String TEXT = "FROM busybox AS build\nRUN make\nFROM busybox\nCOPY --from=build /out /app\n";

    @TempDir
    Path dir;
    private String before;
    private Path dockerfile;

    @BeforeEach
    void ownDataFolder() throws Exception {
        before = System.getProperty("stagecraft.data");
        System.setProperty("stagecraft.data", dir.resolve("data").toString());
        dockerfile = Files.writeString(dir.resolve("Dockerfile"), TEXT);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("stagecraft.data");
        } else {
            System.setProperty("stagecraft.data", before);
        }
    }

    private static BuildReport report(long finalSize) {
        return new BuildReport(BuilderKind.BUILDKIT, 1, "sha256:f" + finalSize, finalSize, 0, List.of(), List.of(), List.of(), null,
                Duration.ofSeconds(2));
    }

    /** Three builds: 1,000 bytes, then one failing at line 2, then 1,500 bytes with target "runtime" on the classic builder. */
    private long[] fill() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        try (HistoryStore store = HistoryStore.open(dir.resolve("data"), dockerfile)) {
            long first = store.record(BuildRecord.succeeded(dockerfile, TEXT, Map.of(), null, "Docker 20.10.24 (API 1.41)", at,
                    report(1000)));
            long failed = store.record(BuildRecord.failed(dockerfile, TEXT + "RUN false\n", Map.of(), null, BuilderKind.BUILDKIT,
                    "Docker 20.10.24 (API 1.41)", at.plusSeconds(60), "Line 2 failed: exit code 1", 2));
            BuildReport classic = new BuildReport(BuilderKind.CLASSIC, 1, "sha256:f1500", 1500, 0, List.of(), List.of(), List.of(),
                    null, Duration.ofSeconds(2));
            long last = store.record(BuildRecord.succeeded(dockerfile, TEXT, Map.of("V", "2"), "runtime", "Docker 20.10.24 (API 1.41)",
                    at.plusSeconds(120), classic));
            assertFalse(store.problem().isPresent(), store.problem().toString());
            return new long[] {first, failed, last};
        }
    }

    private static Long number(Object o) {
        return o == null ? null : ((BigDecimal) o).longValueExact();
    }

    @Test
    void json_isTheBuildsNewestFirst_withTheirChangeTargetBuilderAndOutcome() {
        long[] ids = fill();
        CliRun r = run("history", "--format", "json", dockerfile.toString());
        assertEquals(0, r.exit(), r.err());
        @SuppressWarnings("unchecked")
        List<Object> builds = (List<Object>) JsonReader.parse(r.out());
        assertEquals(3, builds.size());
        Map<String, Object> newest = map(builds.get(0));
        assertEquals(ids[2], number(newest.get("id")));
        assertEquals("2026-03-01T10:02:00Z", newest.get("time"));
        assertEquals(1500L, number(newest.get("finalSizeBytes")));
        assertEquals(500L, number(newest.get("changeBytes")), "against the build before that succeeded");
        assertEquals("runtime", newest.get("target"));
        assertEquals("classic", newest.get("builder"));
        assertEquals("built", newest.get("outcome"));
        Map<String, Object> failed = map(builds.get(1));
        assertEquals(ids[1], number(failed.get("id")));
        assertEquals("failed", failed.get("outcome"));
        assertEquals(2L, number(failed.get("failedLine")));
        assertNull(failed.get("finalSizeBytes"));
        assertNull(failed.get("changeBytes"));
        Map<String, Object> first = map(builds.get(2));
        assertEquals(ids[0], number(first.get("id")));
        assertNull(first.get("changeBytes"), "the first build has nothing to compare with");
        assertNull(first.get("target"));
        assertEquals("buildkit", first.get("builder"));
    }

    @Test
    void text_listsOneLinePerBuildNewestFirst() {
        fill();
        CliRun r = run("history", dockerfile.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("3 builds of " + dockerfile.toAbsolutePath()), lines.get(0));
        assertTrue(lines.get(2).contains("2026-03-01 10:02:00 UTC") && lines.get(2).contains("+500 B")
                && lines.get(2).contains("runtime") && lines.get(2).endsWith("built"), lines.get(2));
        assertTrue(lines.get(3).endsWith("failed at line 2"), lines.get(3));
        assertTrue(lines.get(4).contains(Sizes.human(1000)) && lines.get(4).endsWith("built"), lines.get(4));
    }

    @Test
    void aFileNeverBuilt_hasNoBuilds_andNoHistoryFileIsMade() {
        CliRun text = run("history", dockerfile.toString());
        assertEquals(0, text.exit(), text.err());
        assertEquals("No builds of " + dockerfile.toAbsolutePath() + " are recorded.\n", text.out());
        CliRun json = run("history", "--format", "json", dockerfile.toString());
        assertEquals(List.of(), JsonReader.parse(json.out()));
        assertFalse(Files.exists(HistoryFolders.databaseFile(dir.resolve("data"), dockerfile)));
    }
}
