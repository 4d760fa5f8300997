package dev.stagecraft.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuilderKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordDocumentTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:15:30.123456789Z");

    @Test
    void newRecordsAreWrittenInTheBinaryLayoutAndReadBackEqual() {
        BuildRecord record = SampleBuilds.succeeded(T0, 7_000_000).withId(4);
        assertEquals(RecordBinary.FORMAT, RecordDocument.FORMAT);
        assertEquals(record, RecordDocument.decode(4, RecordDocument.FORMAT, RecordDocument.encode(record)));
        BuildRecord failed = SampleBuilds.failed(T0).withId(5);
        assertEquals(failed, RecordDocument.decode(5, RecordDocument.FORMAT, RecordDocument.encode(failed)));
    }

    @Test
    void textsBeyondLatinOneAndLoneSurrogatesSurviveTheBinaryLayout() {
        String text = "FROM a\tb\u0000\u0001 \\ \" \uD83D\uDC33 lone \uD800 end\r\n\u00e9";
        BuildRecord record = BuildRecord.failed(SampleBuilds.DOCKERFILE, text, Map.of("K\u00ff", "\u001b[31m\u4e2d"), "t\uDC00",
                BuilderKind.BUILDKIT, "engine", T0, "line \u2192 failed", 3).withId(1);
        assertEquals(record, RecordDocument.decode(1, RecordDocument.FORMAT, RecordDocument.encode(record)));
    }

    @Test
    void aRecordWrittenInTheFirstLayoutByAnEarlierStagecraftStillReads() {
        BuildRecord record = SampleBuilds.succeeded(T0, 9_000).withId(2);
        assertEquals(record, RecordDocument.decode(2, RecordJson.FORMAT, RecordJson.encode(record)));
    }

    @Test
    void aDocumentCutShortIsASentenceNotACrash() {
        byte[] whole = RecordBinary.encode(SampleBuilds.succeeded(T0, 7_000_000));
        byte[] plain = RecordBinaryBytes.gunzip(whole);
        byte[] cut = RecordBinaryBytes.gzip(Arrays.copyOf(plain, plain.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordDocument.decode(1, RecordDocument.FORMAT, cut));
        assertTrue(e.getMessage().startsWith("the document ends before the record does")
                || e.getMessage().contains("bytes are left"), e.getMessage());
        IllegalArgumentException notGzip = assertThrows(IllegalArgumentException.class,
                () -> RecordDocument.decode(1, RecordDocument.FORMAT, new byte[] {1, 2, 3}));
        assertTrue(notGzip.getMessage().startsWith("the document is not gzip"), notGzip.getMessage());
    }

    @Test
    void aLayoutFromANewerStagecraftIsRefusedWithItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordDocument.decode(1, 3, new byte[0]));
        assertEquals("stored in layout 3, which this version cannot read", e.getMessage());
    }
}
