package dev.stagecraft.engine.progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.EngineException;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildStreamLinesTest {

    @Test
    void streamLine_isOutput_withJsonEscapesDecoded() {
        Optional<BuildMessage> m = BuildStreamLines.toMessage("{\"stream\":\"Step 4/17 : RUN echo built \\u003e out.txt\"}");

        assertEquals(Optional.of(new BuildMessage.Output("Step 4/17 : RUN echo built > out.txt")), m);
    }

    @Test
    void traceLine_isTrace_withTheBase64Decoded() {
        byte[] bytes = {0x0A, 0x02, 0x0A, 0x00, (byte) 0xFF};
        String line = "{\"id\":\"moby.buildkit.trace\",\"aux\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}";

        BuildMessage m = BuildStreamLines.toMessage(line).orElseThrow();

        assertArrayEquals(bytes, ((BuildMessage.Trace) m).statusResponse());
    }

    @Test
    void imageIdLine_isImageBuilt_fromEitherBuilder() {
        String id = "sha256:6857c7f5f26262b17776e5f6f892f4612f627f4b92fe6764f6b2012eebb7ad13";

        assertEquals(Optional.of(new BuildMessage.ImageBuilt(id)),
                BuildStreamLines.toMessage("{\"id\":\"moby.image.id\",\"aux\":{\"ID\":\"" + id + "\"}}"));
        assertEquals(Optional.of(new BuildMessage.ImageBuilt(id)),
                BuildStreamLines.toMessage("{\"aux\":{\"ID\":\"" + id + "\"}}"));
    }

    @Test
    void errorLine_throwsBuildFailed_withTheDetailText() {
        String line = Replay.resource("fail-classic.jsonl").strip().lines().reduce((a, b) -> b).orElseThrow();

        EngineException e = assertThrows(EngineException.class, () -> BuildStreamLines.toMessage(line));

        assertEquals(EngineException.Kind.BUILD_FAILED, e.kind());
        assertEquals("The command '/bin/sh -c echo \"about to fail\" &&     exit 3' returned a non-zero code: 3", e.getMessage());
    }

    @Test
    void errorLineWithoutDetail_usesTheErrorText() {
        EngineException e = assertThrows(EngineException.class,
                () -> BuildStreamLines.toMessage("{\"error\":\"failed to solve: boom\"}"));

        assertEquals("failed to solve: boom", e.getMessage());
    }

    @Test
    void errorLineWithEmptyTexts_stillFails() {
        EngineException e = assertThrows(EngineException.class,
                () -> BuildStreamLines.toMessage("{\"error\":\"\",\"errorDetail\":{}}"));

        assertTrue(e.getMessage().contains("failed build"), e.getMessage());
    }

    @Test
    void otherLines_areNoMessage() {
        String[] lines = {"", "   ", "not json", "{\"status\":\"Pulling fs layer\",\"id\":\"abc\"}",
            "{\"aux\":{\"Digest\":\"sha256:1\"}}", "{\"id\":\"moby.buildkit.trace\",\"aux\":\"***\"}",
            "{\"id\":\"moby.buildkit.trace\",\"aux\":{\"x\":1}}", "[1,2]", "{\"stream\":42}", "{\"aux\":{\"ID\":\"abc\"}}",
            "{\"stream\":\"unclosed"};
        for (String line : lines) {
            assertEquals(Optional.empty(), BuildStreamLines.toMessage(line), line);
        }
    }

    @Test
    void everyRecordedLine_isReadWithoutSurprise() {
        for (String fixture : new String[] {"multi-buildkit.jsonl", "multi-classic.jsonl", "onbuild-buildkit.jsonl"}) {
            for (String line : Replay.resource(fixture).split("\n")) {
                assertTrue(BuildStreamLines.toMessage(line).isPresent(), line);
            }
        }
    }
}
