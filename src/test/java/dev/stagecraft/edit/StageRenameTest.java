package dev.stagecraft.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.stage.DockerfileAnalyzer;
import org.junit.jupiter.api.Test;

class StageRenameTest {
    private static final String TEXT = "FROM golang AS build\nRUN go build\nFROM build AS test\nFROM alpine\n"
            + "COPY --from=build /app /app\nCOPY --from=0 /x /x\nRUN --mount=type=bind,from=BUILD,target=/s ls\n"
            + "RUN <<EOF\ncp --from=build here is text\nFROM build\nEOF\n";
    private static final String RENAMED = "FROM golang AS compile\nRUN go build\nFROM compile AS test\nFROM alpine\n"
            + "COPY --from=compile /app /app\nCOPY --from=0 /x /x\nRUN --mount=type=bind,from=compile,target=/s ls\n"
            + "RUN <<EOF\ncp --from=build here is text\nFROM build\nEOF\n";

    private static StageRename.Outcome rename(String text, int offset, String name) {
        return StageRename.rename(DockerfileAnalyzer.analyze(text), offset, name);
    }

    @Test
    void fromTheAsName_renamesEveryReferenceButIndexesAndHeredocs() {
        StageRename.Outcome o = rename(TEXT, TEXT.indexOf("build"), "compile");
        assertFalse(o.refused(), o.refusal());
        assertEquals(RENAMED, TextEdit.apply(TEXT, o.edits()));
    }

    @Test
    void fromAnyReference_renamesTheSame() {
        for (String at : new String[] {"FROM build", "--from=build", "from=BUILD"}) {
            int offset = TEXT.indexOf(at) + at.length();
            StageRename.Outcome o = rename(TEXT, offset, "compile");
            assertFalse(o.refused(), at + ": " + o.refusal());
            assertEquals(RENAMED, TextEdit.apply(TEXT, o.edits()), at);
        }
        assertEquals("build", StageRename.stageAt(DockerfileAnalyzer.analyze(TEXT), TEXT.indexOf("from=BUILD") + 6).name());
    }

    @Test
    void continuationAndCrlf() {
        String text = "FROM golang AS build\r\nFROM alpine\r\nCOPY \\\r\n  --from=build /a /a\r\n";
        StageRename.Outcome o = rename(text, text.indexOf("build"), "b2");
        assertEquals("FROM golang AS b2\r\nFROM alpine\r\nCOPY \\\r\n  --from=b2 /a /a\r\n", TextEdit.apply(text, o.edits()));
    }

    @Test
    void refusals() {
        assertTrue(rename(TEXT, TEXT.indexOf("golang"), "compile").refusal().startsWith("Put the caret"), "on an image");
        assertTrue(rename(TEXT, TEXT.indexOf("=0") + 1, "compile").refused(), "an index is not a name");
        assertTrue(rename(TEXT, 17, "Compile").refusal().contains("not a valid stage name"), "upper case");
        assertTrue(rename(TEXT, 17, "1st").refusal().contains("not a valid stage name"));
        assertTrue(rename(TEXT, 17, "").refusal().contains("not a valid stage name"));
        assertTrue(rename(TEXT, 17, "scratch").refusal().contains("reserved"));
        assertTrue(rename(TEXT, 17, "test").refusal().contains("already named 'test'"), "taken");
        assertTrue(rename(TEXT, 17, "build").refusal().contains("already named 'build'"), "same name");
        assertTrue(rename(TEXT, 17, "alpine").refusal().contains("as an image"), "would capture FROM alpine");
        String split = "FROM golang AS build\nFROM alpine\nCOPY --from=bu\\\nild /a /a\n";
        assertTrue(rename(split, 17, "compile").refusal().contains("line 3"), "a name split by a continuation");
    }

    @Test
    void quotedReference_isRenamedInsideItsQuotes() {
        String quoted = "FROM golang AS build\nFROM alpine\nCOPY --from=\"build\" /a /a\n";
        assertEquals("FROM golang AS compile\nFROM alpine\nCOPY --from=\"compile\" /a /a\n",
                TextEdit.apply(quoted, rename(quoted, 17, "compile").edits()));
    }
}
