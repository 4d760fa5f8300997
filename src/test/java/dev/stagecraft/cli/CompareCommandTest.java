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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagecraft compare} against the real engine: a single-stage and a multi-stage file of the same little app. */
class CompareCommandTest {
    private static final long ARTIFACT = 5L * 1024 * 1024;
    private static final String BUILD_STEPS = """
            WORKDIR /app
            COPY main.sh .
            RUN mkdir build && head -c 5242880 /dev/zero > build/artifact.bin && cp main.sh build/app && chmod 755 build/app
            """;
    private static final String SINGLE = "FROM " + RealEngine.BASE_IMAGE + "\n" + BUILD_STEPS + "CMD [\"/app/build/app\"]\n";
    private static final String MULTI = "FROM " + RealEngine.BASE_IMAGE + " AS build\n" + BUILD_STEPS
            + "FROM " + RealEngine.BASE_IMAGE + "\nCOPY --from=build /app/build/app /usr/local/bin/app\nCMD [\"app\"]\n";

    private BuildEngine engine;

    @TempDir
    Path dir;

    @BeforeEach
    void connect() {
        engine = RealEngine.connect();
    }

    @AfterEach
    void cleanUp() {
        for (String name : List.of("Dockerfile.single", "Dockerfile.multi", "Dockerfile.broken")) {
            String label = ImageCleanup.fileLabel(dir.resolve(name));
            ImageCleanup.removeLabelled(engine, BuildRunner.FILE_LABEL, label);
            assertEquals(List.of(), engine.imagesLabelled(BuildRunner.FILE_LABEL, label));
        }
        engine.close();
    }

    @Test
    void singleAgainstMultiStage_sizesAreTheEnginesAndTheArtifactIsLeftBehind() throws Exception {
        Files.writeString(dir.resolve("main.sh"), "#!/bin/sh\necho hello\n");
        Path single = Files.writeString(dir.resolve("Dockerfile.single"), SINGLE);
        Path multi = Files.writeString(dir.resolve("Dockerfile.multi"), MULTI);

        CliRun r = run("compare", "--format", "json", single.toString(), multi.toString());

        assertEquals(0, r.exit(), r.err());
        Map<String, Object> json = map(JsonReader.parse(r.out()));
        long sizeA = number(map(json.get("a")).get("finalSizeBytes"));
        long sizeB = number(map(json.get("b")).get("finalSizeBytes"));
        assertEquals(engine.inspectImage((String) map(json.get("a")).get("finalImageId")).orElseThrow().sizeBytes(), sizeA);
        assertEquals(engine.inspectImage((String) map(json.get("b")).get("finalImageId")).orElseThrow().sizeBytes(), sizeB);
        assertEquals(sizeB - sizeA, number(json.get("deltaBytes")));
        assertEquals(single.toString(), map(json.get("a")).get("file"));
        assertEquals(2, list(map(json.get("b")).get("stages")).size());
        Map<String, Object> biggest = map(list(json.get("leftBehind")).get(0));
        assertEquals("/app/build/artifact.bin", biggest.get("path"));
        assertEquals(ARTIFACT, number(biggest.get("sizeBytes")));
        assertTrue(sizeA - sizeB >= ARTIFACT, "A ships the artifact: " + sizeA + " against " + sizeB);
    }

    @Test
    void markdown_startsWithTheSummaryLine() throws Exception {
        Files.writeString(dir.resolve("main.sh"), "#!/bin/sh\necho hello\n");
        Path single = Files.writeString(dir.resolve("Dockerfile.single"), SINGLE);
        Path multi = Files.writeString(dir.resolve("Dockerfile.multi"), MULTI);

        CliRun r = run("compare", "--format", "markdown", single.toString(), multi.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s)### Final image: A: [0-9.]+ MB -> B: [0-9.]+ MB \\(-[0-9.]+%\\)\n.*"), r.out());
        assertTrue(r.out().contains("| `/app/build/artifact.bin` | 5.0 MB |"), r.out());
    }

    @Test
    void failingBuildOfB_exitsOneAndSaysWhichFile() throws Exception {
        Path single = Files.writeString(dir.resolve("Dockerfile.single"), "FROM " + RealEngine.BASE_IMAGE + "\nRUN true\n");
        Path broken = Files.writeString(dir.resolve("Dockerfile.broken"), "FROM " + RealEngine.BASE_IMAGE + "\n\nRUN false\n");

        CliRun r = run("compare", single.toString(), broken.toString());

        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("B (" + broken + "): Line 3 failed"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingFile_exitsTwo() {
        CliRun r = run("compare", dir.resolve("nope").toString(), dir.resolve("nope2").toString());

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("cannot read"), r.err());
    }
}
