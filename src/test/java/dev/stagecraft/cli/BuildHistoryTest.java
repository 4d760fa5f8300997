package dev.stagecraft.cli;

import static dev.stagecraft.cli.JsonValues.map;
import static dev.stagecraft.cli.JsonValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.JsonReader;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.ImageCleanup;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.history.BuildSummary;
import dev.stagecraft.history.HistoryFolders;
import dev.stagecraft.history.HistoryStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagecraft build} and {@code compare} against the real engine record each build in the history; {@code --no-history} none. */
class BuildHistoryTest {
    @TempDir
    Path dir;
    private Path data;
    private BuildEngine engine;

    @BeforeEach
    void connect() {
        engine = RealEngine.connect();
        data = dir.resolve("data");
    }

    @AfterEach
    void cleanUp() {
        for (String name : List.of("Dockerfile", "Dockerfile.multi")) {
            ImageCleanup.removeLabelled(engine, BuildRunner.FILE_LABEL, ImageCleanup.fileLabel(dir.resolve(name)));
        }
        engine.close();
    }

    /** Runs the command with this test's data folder; returns its standard output. */
    private String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String before = System.getProperty("stagecraft.data");
        System.setProperty("stagecraft.data", data.toString());
        try {
            int exit = StagecraftCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
            assertEquals(expectedExit, exit, err.toString());
            assertFalse(err.toString().contains("history"), "no history problem: " + err);
        } finally {
            if (before == null) {
                System.clearProperty("stagecraft.data");
            } else {
                System.setProperty("stagecraft.data", before);
            }
        }
        return out.toString();
    }

    private List<BuildRecord> recorded(Path dockerfile) {
        if (!Files.exists(HistoryFolders.databaseFile(data, dockerfile))) {
            return List.of();
        }
        try (HistoryStore store = HistoryStore.open(data, dockerfile)) {
            return store.list().stream().map(BuildSummary::id).map(id -> store.load(id).orElseThrow()).toList();
        }
    }

    @Test
    void build_addsOneEntryWithTheReportsFinalSize_andNoHistoryAddsNone() throws Exception {
        Files.writeString(dir.resolve("payload.txt"), "twelve bytes");
        String text = "FROM " + RealEngine.BASE_IMAGE + " AS build\nCOPY payload.txt /out\nFROM scratch\nCOPY --from=build /out /out\n";
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), text);
        Map<String, Object> json = map(JsonReader.parse(run(0, "build", "--format", "json", "--build-arg", "V=1",
                dockerfile.toString())));
        List<BuildRecord> builds = recorded(dockerfile);
        assertEquals(1, builds.size());
        BuildRecord record = builds.get(0);
        assertTrue(record.succeeded());
        assertEquals(number(json.get("finalSizeBytes")), record.finalSizeBytes());
        assertEquals(12L, record.finalSizeBytes());
        assertEquals(engine.inspectImage(record.report().finalImageId()).orElseThrow().sizeBytes(), record.finalSizeBytes());
        assertEquals(text, record.dockerfileText());
        assertEquals(Map.of("V", "1"), record.buildArgs());
        assertEquals(BuilderKind.BUILDKIT, record.builder());
        assertTrue(record.engine().startsWith("Docker "), record.engine());
        assertEquals(dockerfile.toAbsolutePath(), record.dockerfile());

        run(0, "build", "--no-history", dockerfile.toString());
        assertEquals(1, recorded(dockerfile).size(), "--no-history records nothing");
    }

    @Test
    void failedBuild_isRecordedWithItsLine() throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM " + RealEngine.BASE_IMAGE + "\n\nRUN false\n");
        run(1, "build", "--builder", "classic", dockerfile.toString());
        List<BuildRecord> builds = recorded(dockerfile);
        assertEquals(1, builds.size());
        assertFalse(builds.get(0).succeeded());
        assertEquals(3, builds.get(0).failedLine());
        assertEquals(BuilderKind.CLASSIC, builds.get(0).builder());
        assertNull(builds.get(0).report());
        assertTrue(builds.get(0).failure().contains("Line 3"), builds.get(0).failure());
    }

    @Test
    void compare_recordsEachSideInItsOwnFilesHistory_withTheSizesItPrints() throws Exception {
        Files.writeString(dir.resolve("payload.txt"), "twelve bytes");
        Path single = Files.writeString(dir.resolve("Dockerfile"), "FROM " + RealEngine.BASE_IMAGE + "\nCOPY payload.txt /out\n");
        Path multi = Files.writeString(dir.resolve("Dockerfile.multi"), "FROM " + RealEngine.BASE_IMAGE
                + " AS build\nCOPY payload.txt /out\nFROM scratch\nCOPY --from=build /out /out\n");
        String out = run(0, "compare", "--format", "json", single.toString(), multi.toString());
        Map<String, Object> json = map(JsonReader.parse(out));
        List<BuildRecord> a = recorded(single);
        List<BuildRecord> b = recorded(multi);
        assertEquals(1, a.size());
        assertEquals(1, b.size());
        assertEquals(number(map(json.get("a")).get("finalSizeBytes")), a.get(0).finalSizeBytes());
        assertEquals(number(map(json.get("b")).get("finalSizeBytes")), b.get(0).finalSizeBytes());
    }
}
