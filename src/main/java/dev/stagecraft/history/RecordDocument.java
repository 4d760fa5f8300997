package dev.stagecraft.history;

/**
 * A build record as the database keeps it: a document and, beside it, the number of its layout.
 * New records are written in {@link RecordBinary}'s layout; records written by an earlier Stagecraft
 * keep theirs ({@link RecordJson}) and are read in it, so no migration rewrites a history.
 */
final class RecordDocument {
    /** The layout written by {@link #encode}. */
    static final int FORMAT = RecordBinary.FORMAT;

    private RecordDocument() {
    }

    /** The document of {@code record}, in layout {@link #FORMAT}. */
    static byte[] encode(BuildRecord record) {
        return RecordBinary.encode(record);
    }

    /**
     * The record a document in layout {@code format} holds, under {@code id}. A layout this version does
     * not know, or a document that is not what its layout says, is an {@link IllegalArgumentException}
     * saying what is wrong.
     */
    static BuildRecord decode(long id, int format, byte[] document) {
        return switch (format) {
            case RecordJson.FORMAT -> RecordJson.decode(id, document);
            case RecordBinary.FORMAT -> RecordBinary.decode(id, document);
            default -> throw new IllegalArgumentException("stored in layout " + format + ", which this version cannot read");
        };
    }
}
