package dev.stagecraft.cli;

import static dev.stagecraft.cli.CliRun.run;
import static dev.stagecraft.cli.JsonValues.map;
import static dev.stagecraft.cli.JsonValues.list;
import static dev.stagecraft.cli.JsonValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.JsonReader;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.ImageCleanup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code stagecraft build} against the real engine: the JSON contract of docs/cli.md, and failures. */
class BuildCommandTest {
    private BuildEngine engine;

    @TempDir
    Path dir;

    @BeforeEach
    void connect() {
        engine = RealEngine.connect();
    }

    @AfterEach
    void cleanUp() {
        ImageCleanup.removeLabelled(engine, BuildRunner.FILE_LABEL, ImageCleanup.fileLabel(dir.resolve("Dockerfile")));
        assertEquals(List.of(), engine.imagesLabelled(BuildRunner.FILE_LABEL, ImageCleanup.fileLabel(dir.resolve("Dockerfile"))));
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildkit", "classic"})
    void json_hasSizesPerStageAndLayerAndTheFilesOnEachEdge(String builder) throws Exception {
        Files.writeString(dir.resolve("payload.txt"), "twelve bytes");
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), """
                FROM %s AS build
                COPY payload.txt /src/payload.txt
                RUN cp /src/payload.txt /out && head -c 100000 /dev/zero > /junk
                FROM scratch
                COPY --from=build /out /out
                """.formatted(RealEngine.BASE_IMAGE));
        CliRun r = run("build", "--format", "json", "--builder", builder, dockerfile.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> json = map(JsonReader.parse(r.out()));
        assertEquals(12L, number(json.get("finalSizeBytes")));
        String finalId = (String) json.get("finalImageId");
        assertEquals(12L, engine.inspectImage(finalId).orElseThrow().sizeBytes());
        List<Object> stages = list(json.get("stages"));
        Map<String, Object> build = map(stages.get(0));
        assertEquals("build", build.get("name"));
        assertEquals(Boolean.TRUE, build.get("built"));
        assertEquals(engine.inspectImage((String) build.get("imageId")).orElseThrow().sizeBytes(), number(build.get("sizeBytes")));
        assertEquals(engine.inspectImage(RealEngine.BASE_IMAGE).orElseThrow().sizeBytes(), number(build.get("baseSizeBytes")));
        List<Object> layers = list(build.get("layers"));
        assertEquals(List.of(2L, 3L), layers.stream().map(l -> number(map(l).get("line"))).toList());
        assertEquals(12L, number(map(layers.get(0)).get("sizeBytes")));
        assertEquals(100012L, number(map(layers.get(1)).get("sizeBytes")));
        Map<String, Object> edge = map(list(json.get("edges")).get(0));
        assertEquals("copy", edge.get("kind"));
        assertEquals(0L, number(edge.get("from")));
        assertEquals(null, edge.get("image"));
        assertEquals(1L, number(edge.get("to")));
        assertEquals(5L, number(edge.get("line")));
        Map<String, Object> file = map(list(edge.get("files")).get(0));
        assertEquals("/out", file.get("path"));
        assertEquals(12L, number(file.get("sizeBytes")));
        assertEquals(12L, number(edge.get("bytes")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildkit", "classic"})
    void failingStep_exitsOneAndNamesTheLine(String builder) throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"),
                "FROM " + RealEngine.BASE_IMAGE + "\n\nRUN false\n");
        CliRun r = run("build", "--builder", builder, dockerfile.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("Line 3 failed"), r.err());
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildkit", "classic"})
    void textWithErrors_isRefusedBeforeBuildingWithLineAndColumn(String builder) throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM " + RealEngine.BASE_IMAGE + "\nRUNN make\n");
        CliRun r = run("build", "--builder", builder, dockerfile.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("Line 2:1"), r.err());
    }
}
