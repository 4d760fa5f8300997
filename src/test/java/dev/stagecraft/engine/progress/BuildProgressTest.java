package dev.stagecraft.engine.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import org.junit.jupiter.api.Test;

class BuildProgressTest {
    private static final Analysis THREE_STAGES =
            DockerfileAnalyzer.analyze("FROM img AS Base\nRUN a\nFROM base AS app\nRUN b\nFROM img\nRUN c\n");

    @Test
    void targetIndex_noTarget_isTheLastStage() {
        assertEquals(2, BuildProgress.targetIndex(THREE_STAGES, null));
        assertEquals(2, BuildProgress.targetIndex(THREE_STAGES, " "));
    }

    @Test
    void targetIndex_byNameInAnyCase() {
        assertEquals(0, BuildProgress.targetIndex(THREE_STAGES, "BASE"));
        assertEquals(1, BuildProgress.targetIndex(THREE_STAGES, "app"));
    }

    @Test
    void targetIndex_unknownName_saysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuildProgress.targetIndex(THREE_STAGES, "nope"));
        assertEquals("no stage is named 'nope'", e.getMessage());
    }

    @Test
    void forBuilder_givesTheProgressOfThatBuilder() {
        assertInstanceOf(BuildKitProgress.class, BuildProgress.forBuilder(BuilderKind.BUILDKIT, THREE_STAGES, 1));
        assertInstanceOf(ClassicProgress.class, BuildProgress.forBuilder(BuilderKind.CLASSIC, THREE_STAGES, 1));
    }

    @Test
    void targetOutOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BuildKitProgress(THREE_STAGES, 3));
        assertThrows(IllegalArgumentException.class, () -> new ClassicProgress(THREE_STAGES, -1));
    }
}
