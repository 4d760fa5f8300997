package dev.stagecraft.engine.progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StatusResponseTest {

    private static byte[] fullResponse() {
        ProtoWriter vertex = new ProtoWriter()
                .string(1, "sha256:aaa")
                .string(2, "sha256:in1")
                .string(2, "sha256:in2")
                .string(3, "[builder 2/3] RUN make")
                .varint(4, 1)
                .timestamp(5, 1_700_000_000L, 250_000_000)
                .timestamp(6, 1_700_000_002L, 0)
                .string(7, "exit code: 2")
                .message(8, new ProtoWriter().string(1, "group"));
        ProtoWriter status = new ProtoWriter()
                .string(1, "exporting layers")
                .string(2, "sha256:exp")
                .string(3, "exporting layers")
                .varint(4, 512)
                .varint(5, 1024)
                .timestamp(6, 1_700_000_003L, 0)
                .timestamp(7, 1_700_000_003L, 1)
                .timestamp(8, 1_700_000_004L, 0);
        ProtoWriter log = new ProtoWriter()
                .string(1, "sha256:aaa")
                .timestamp(2, 1_700_000_001L, 0)
                .varint(3, 2)
                .bytes(4, new byte[] {'o', 'k', '\n', (byte) 0xC3});
        ProtoWriter warning = new ProtoWriter()
                .string(1, "sha256:aaa")
                .varint(2, 1)
                .string(3, "FromAsCasing")
                .string(4, "one")
                .string(4, "two")
                .string(5, "https://docs.docker.com/go/dockerfile/rule/from-as-casing/");
        return new ProtoWriter().message(1, vertex).message(2, status).message(3, log).message(4, warning).toByteArray();
    }

    @Test
    void decode_readsEveryFieldOfTheSchema() {
        StatusResponse r = StatusResponse.decode(fullResponse());

        StatusResponse.Vertex v = r.vertexes().get(0);
        assertEquals("sha256:aaa", v.digest());
        assertEquals(List.of("sha256:in1", "sha256:in2"), v.inputs());
        assertEquals("[builder 2/3] RUN make", v.name());
        assertTrue(v.cached());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 250_000_000), v.started());
        assertEquals(Instant.ofEpochSecond(1_700_000_002L), v.completed());
        assertEquals("exit code: 2", v.error());
        assertTrue(v.failed());

        StatusResponse.VertexStatus s = r.statuses().get(0);
        assertEquals("exporting layers", s.id());
        assertEquals("sha256:exp", s.vertex());
        assertEquals(512, s.current());
        assertEquals(1024, s.total());
        assertEquals(Instant.ofEpochSecond(1_700_000_003L), s.timestamp());
        assertEquals(Instant.ofEpochSecond(1_700_000_003L, 1), s.started());
        assertEquals(Instant.ofEpochSecond(1_700_000_004L), s.completed());

        StatusResponse.VertexLog l = r.logs().get(0);
        assertEquals("sha256:aaa", l.vertex());
        assertEquals(2, l.stream());
        assertArrayEquals(new byte[] {'o', 'k', '\n', (byte) 0xC3}, l.message());

        StatusResponse.VertexWarning w = r.warnings().get(0);
        assertEquals("FromAsCasing", w.shortText());
        assertEquals(List.of("one", "two"), w.details());
        assertEquals(1, w.level());
        assertTrue(w.url().startsWith("https://"));
    }

    @Test
    void decode_vertexWithoutTimesOrError_hasNullTimesAndNoError() {
        byte[] bytes = new ProtoWriter().message(1, new ProtoWriter().string(1, "sha256:x").string(3, "[a 1/1] RUN x"))
                .toByteArray();

        StatusResponse.Vertex v = StatusResponse.decode(bytes).vertexes().get(0);

        assertNull(v.started());
        assertNull(v.completed());
        assertFalse(v.cached());
        assertFalse(v.failed());
        assertEquals(List.of(), v.inputs());
    }

    @Test
    void decode_skipsFieldsItDoesNotKnow_ofEveryWireType() {
        ProtoWriter vertex = new ProtoWriter()
                .fixed64(20, 42)
                .string(1, "sha256:x")
                .fixed32(21, 7)
                .varint(22, 300)
                .string(3, "[a 1/1] RUN x")
                .message(23, new ProtoWriter().string(1, "nested"));
        byte[] bytes = new ProtoWriter().varint(9, 5).message(1, vertex).fixed64(10, -1).fixed32(11, -1).toByteArray();

        StatusResponse r = StatusResponse.decode(bytes);

        assertEquals(1, r.vertexes().size());
        assertEquals("[a 1/1] RUN x", r.vertexes().get(0).name());
    }

    @Test
    void decode_knownFieldOfAnotherWireType_isSkipped() {
        // A newer schema could change a field's type; the old meaning must not be read into it.
        byte[] bytes = new ProtoWriter().message(1, new ProtoWriter().varint(3, 5).string(1, "sha256:x")).toByteArray();

        assertEquals("", StatusResponse.decode(bytes).vertexes().get(0).name());
    }

    @Test
    void decode_emptyBytes_isAnEmptyResponse() {
        StatusResponse r = StatusResponse.decode(new byte[0]);

        assertTrue(r.vertexes().isEmpty() && r.statuses().isEmpty() && r.logs().isEmpty() && r.warnings().isEmpty());
    }

    @Test
    void decode_everyTruncationOfAValidResponse_decodesOrSaysItIsMalformed() {
        byte[] full = fullResponse();
        int malformed = 0;
        for (int length = 0; length < full.length; length++) {
            try {
                StatusResponse.decode(Arrays.copyOf(full, length));
            } catch (MalformedTraceException expected) {
                malformed++;
            }
        }
        // Only the cut at a top-level field boundary decodes; all the others are caught.
        assertEquals(full.length - 4, malformed);
    }

    @Test
    void decode_lengthPastTheEnd_isMalformedWithoutAllocatingIt() {
        byte[] bytes = new ProtoWriter().raw(0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 1, 2).toByteArray();

        MalformedTraceException e = assertThrows(MalformedTraceException.class, () -> StatusResponse.decode(bytes));

        assertTrue(e.getMessage().contains("bytes where 2 remain"), e.getMessage());
    }

    @Test
    void decode_varintOfElevenBytes_isMalformed() {
        byte[] bytes = new ProtoWriter().raw(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01)
                .toByteArray();

        assertThrows(MalformedTraceException.class, () -> StatusResponse.decode(bytes));
    }

    @Test
    void decode_groupWireType_isMalformed() {
        assertThrows(MalformedTraceException.class, () -> StatusResponse.decode(new byte[] {0x0B, 0x0C}));
    }

    @Test
    void decode_fieldNumberZero_isMalformed() {
        assertThrows(MalformedTraceException.class, () -> StatusResponse.decode(new byte[] {0x02, 0x00}));
    }

    @Test
    void decode_timestampBeyondInstantRange_isMalformed() {
        byte[] bytes = new ProtoWriter().message(1, new ProtoWriter().timestamp(5, Long.MAX_VALUE, 0)).toByteArray();

        assertThrows(MalformedTraceException.class, () -> StatusResponse.decode(bytes));
    }

    @Test
    void decode_aTraceRecordedFromTheEngine() {
        String line = Replay.resource("multi-buildkit.jsonl").split("\n")[0];
        BuildMessage.Trace trace = (BuildMessage.Trace) BuildStreamLines.toMessage(line).orElseThrow();

        StatusResponse r = StatusResponse.decode(trace.statusResponse());

        assertEquals("[internal] load remote build context", r.vertexes().get(0).name());
        assertTrue(r.vertexes().get(0).digest().startsWith("sha256:"));
    }

    @Property(tries = 2000)
    void decode_anyBytes_returnsOrThrowsMalformedOnly(@ForAll @Size(max = 64) byte[] bytes) {
        try {
            StatusResponse.decode(bytes);
        } catch (MalformedTraceException expected) {
            // the one failure callers expect
        }
    }
}
