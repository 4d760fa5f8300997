package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build settings refuse what could not reach a build and find their target stage. */
class BuildSettingsTest {
    private static final Path HERE = Path.of(".");

    @Test
    void buildArgs_keepTheirOrder_andCannotBeChangedAfterwards() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("Z", "1");
        args.put("A", "");
        BuildSettings s = new BuildSettings(HERE, "build", args, true, BuilderKind.CLASSIC, false);
        args.put("B", "2");
        assertEquals(List.of("Z", "A"), List.copyOf(s.buildArgs().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> s.buildArgs().put("C", "3"));
    }

    @Test
    void badBuildArgNamesAndMissingValues_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("A=B", "1")));
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("", "1")));
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("A B", "1")));
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("A", null);
        assertThrows(NullPointerException.class, () -> settings(nullValue));
        assertThrows(IllegalArgumentException.class, () -> new BuildSettings(HERE, " ", Map.of(), false, BuilderKind.BUILDKIT, false));
        assertThrows(NullPointerException.class, () -> new BuildSettings(null, null, Map.of(), false, BuilderKind.BUILDKIT, false));
        assertThrows(NullPointerException.class, () -> new BuildSettings(HERE, null, Map.of(), false, null, false));
    }

    @Test
    void target_isFoundByNameOrIndexLabel_andNullIsTheLastStage() {
        Analysis a = DockerfileAnalyzer.analyze("FROM alpine AS Build\nFROM alpine\nFROM scratch\n");
        assertEquals(OptionalInt.of(0), withTarget("build").targetIndex(a));
        assertEquals(OptionalInt.of(1), withTarget("#1").targetIndex(a));
        assertEquals(OptionalInt.of(2), withTarget(null).targetIndex(a));
        assertEquals(OptionalInt.empty(), withTarget("gone").targetIndex(a));
        assertEquals(OptionalInt.empty(), withTarget(null).targetIndex(DockerfileAnalyzer.analyze("")));
    }

    @Test
    void defaults_buildTheLastStageWithBuildKitAndTheCache() {
        BuildSettings s = BuildSettings.defaults(HERE);
        assertNull(s.target());
        assertEquals(BuilderKind.BUILDKIT, s.builder());
        assertTrue(!s.noCache() && !s.rebuildWhileTyping() && s.buildArgs().isEmpty());
    }

    @Test
    void contextProblem_saysWhyAFolderCannotBeAContext(@TempDir Path dir) throws Exception {
        assertNull(BuildSettings.contextProblem(dir));
        assertTrue(BuildSettings.contextProblem(dir.resolve("missing")).contains("does not exist"));
        Path file = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine\n");
        assertTrue(BuildSettings.contextProblem(file).contains("not a folder"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.writeString(locked.resolve("a"), "x");
        if (locked.toFile().setReadable(false) && !Files.isReadable(locked)) {
            // Skipped under root, who reads every folder.
            try {
                assertTrue(BuildSettings.contextProblem(locked).contains("cannot be read"));
            } finally {
                locked.toFile().setReadable(true);
            }
        }
    }

    private static BuildSettings settings(Map<String, String> args) {
        return new BuildSettings(HERE, null, args, false, BuilderKind.BUILDKIT, false);
    }

    private static BuildSettings withTarget(String target) {
        return new BuildSettings(HERE, target, Map.of(), false, BuilderKind.BUILDKIT, false);
    }
}
