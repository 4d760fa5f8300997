package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.compare.ComparisonPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code stagecraft compare --format json} of the hand-made pair, against src/test/resources/compare/pair.json. */
class ComparisonJsonTest {

    @Test
    void singleAgainstMultiStage_matchesTheGoldenJson() throws IOException {
        String json = Json.pretty(ComparisonJson.of(ComparisonPair.comparison())) + "\n";
        Path golden = Path.of("src/test/resources/compare/pair.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, json, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), json);
    }

    @Test
    void eachSidesStages_areExactlyWhatBuildFormatJsonPrints() {
        BuildComparison c = ComparisonPair.comparison();
        Map<String, Object> json = ComparisonJson.of(c);

        assertEquals(BuildJson.of("Dockerfile.single", c.a().report()).get("stages"), side(json, "a").get("stages"));
        assertEquals(BuildJson.of("Dockerfile.multi", c.b().report()).get("stages"), side(json, "b").get("stages"));
        assertEquals("Dockerfile.multi", side(json, "b").get("file"));
        assertEquals(c.b().report().finalSizeBytes(), side(json, "b").get("finalSizeBytes"));
        assertEquals(c.deltaBytes(), json.get("deltaBytes"));
        assertEquals(List.of(Map.of("path", "/src/build/artifact.bin", "sizeBytes", ComparisonPair.ARTIFACT),
                Map.of("path", "/src/app", "sizeBytes", ComparisonPair.APP),
                Map.of("path", "/src/main.c", "sizeBytes", ComparisonPair.SOURCES)), json.get("leftBehind"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> side(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }
}
