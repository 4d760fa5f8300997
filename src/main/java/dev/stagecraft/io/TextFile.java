package dev.stagecraft.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A Dockerfile's text as the editor holds it (LF lines, no byte-order mark) together with what is
 * needed to write it back the way it was read: its line ending and whether it had a UTF-8 BOM.
 * Bytes that are not UTF-8 are decoded as U+FFFD so that any file opens; {@link #malformed()}
 * says so, because saving then replaces those bytes.
 */
public record TextFile(String text, LineEnding lineEnding, boolean byteOrderMark, boolean malformed) {
    /** Dockerfiles are small; a bigger file is almost surely not one, and would stall the editor. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public TextFile {
        if (text == null || lineEnding == null) {
            throw new IllegalArgumentException("text and line ending are required");
        }
        if (text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("editor text has LF line breaks only");
        }
    }

    /** Text typed or bundled (not read from a file): its own line ending is kept, no BOM. */
    public static TextFile of(String text) {
        return new TextFile(LineEnding.toLf(text), LineEnding.detect(text), false, false);
    }

    /** The same file format with other text (what the editor holds now). */
    public TextFile withText(String newText) {
        return new TextFile(LineEnding.toLf(newText), lineEnding, byteOrderMark, malformed);
    }

    /** The bytes to write for this text: its line ending, and the BOM when the file had one. */
    public byte[] encode() {
        byte[] body = lineEnding.fromLf(text).getBytes(StandardCharsets.UTF_8);
        if (!byteOrderMark) {
            return body;
        }
        byte[] bytes = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(body, 0, bytes, BOM.length, body.length);
        return bytes;
    }

    /** Decodes any bytes; never fails. */
    public static TextFile decode(byte[] bytes) {
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        ByteBuffer body = ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0));
        boolean malformed = false;
        String raw;
        try {
            raw = strictUtf8().decode(body.duplicate()).toString();
        } catch (CharacterCodingException e) {
            malformed = true;
            raw = StandardCharsets.UTF_8.decode(body).toString();
        }
        return new TextFile(LineEnding.toLf(raw), LineEnding.detect(raw), bom, malformed);
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Reads a file for the editor. Everything that can go wrong becomes an
     * {@link UnreadableFileException} whose message a user can act on.
     */
    public static TextFile read(Path file) throws UnreadableFileException {
        return read(file, MAX_BYTES);
    }

    static TextFile read(Path file, long maxBytes) throws UnreadableFileException {
        if (Files.isDirectory(file)) {
            throw new UnreadableFileException(file, "it is a folder, not a file");
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new UnreadableFileException(file, "it is " + size / 1024 + " KB; files over "
                        + maxBytes / 1024 + " KB are not opened (a Dockerfile is much smaller)");
            }
            return decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(file, "it does not exist");
        } catch (AccessDeniedException e) {
            throw new UnreadableFileException(file, "permission denied");
        } catch (OutOfMemoryError e) {
            throw new UnreadableFileException(file, "it does not fit in memory");
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadableFileException(file, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
