package dev.stagecraft.engine.progress;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads the protobuf wire format over a byte range: tags, varints, length-delimited fields, and
 * skips what it does not know. Every read is bounds-checked, so bad bytes end in a
 * {@link MalformedTraceException} naming the offset, never in an index error or a huge allocation.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] bytes;
    private final int end;
    private int pos;

    ProtoReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private ProtoReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
    }

    boolean hasMore() {
        return pos < end;
    }

    /** The next field's tag: {@code number << 3 | wireType}. */
    int tag() {
        long tag = varint();
        int wireType = (int) (tag & 7);
        if (tag >>> 3 == 0 || tag >>> 3 > 0x1FFF_FFFF) {
            throw malformed("field number " + (tag >>> 3));
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            // 3 and 4 are the groups of proto2, which BuildKit's messages never use.
            throw malformed("wire type " + wireType);
        }
        return (int) tag;
    }

    static int wireType(int tag) {
        return tag & 7;
    }

    long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw malformed("a varint runs past the end");
            }
            byte b = bytes[pos++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw malformed("a varint longer than ten bytes");
    }

    boolean bool() {
        return varint() != 0;
    }

    String string() {
        int length = length();
        String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    byte[] bytes() {
        int length = length();
        byte[] out = Arrays.copyOfRange(bytes, pos, pos + length);
        pos += length;
        return out;
    }

    /** A reader over the embedded message that comes next; this reader moves past it. */
    ProtoReader message() {
        int length = length();
        ProtoReader inner = new ProtoReader(bytes, pos, pos + length);
        pos += length;
        return inner;
    }

    /** A {@code google.protobuf.Timestamp}: seconds (1) and nanos (2) since the epoch. */
    Instant timestamp() {
        ProtoReader m = message();
        long seconds = 0;
        long nanos = 0;
        while (m.hasMore()) {
            int tag = m.tag();
            if (tag == (1 << 3 | VARINT)) {
                seconds = m.varint();
            } else if (tag == (2 << 3 | VARINT)) {
                nanos = (int) m.varint();
            } else {
                m.skip(tag);
            }
        }
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException | ArithmeticException e) {
            throw malformed("a timestamp out of range");
        }
    }

    /** Moves past the value of a field this reader does not know. */
    void skip(int tag) {
        switch (wireType(tag)) {
            case VARINT -> varint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(length());
            case FIXED32 -> advance(4);
            default -> throw malformed("wire type " + wireType(tag));
        }
    }

    private int length() {
        long length = varint();
        if (length < 0 || length > end - pos) {
            throw malformed("a field of " + length + " bytes where " + (end - pos) + " remain");
        }
        return (int) length;
    }

    private void advance(int n) {
        if (n > end - pos) {
            throw malformed("a fixed-size field runs past the end");
        }
        pos += n;
    }

    private MalformedTraceException malformed(String what) {
        return new MalformedTraceException("not a BuildKit status: " + what + " at byte " + pos);
    }
}
