package dev.stagecraft.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * A look at a database file's first 100 bytes before SQLite opens it, so that a file that is not a
 * database, or was cut short, is found at once and not halfway through a listing. SQLite itself only
 * notices a missing page when it reads it; reading every page ({@code PRAGMA quick_check}) at each
 * open would cost more than the whole listing.
 */
final class FileDamage {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 100;

    private FileDamage() {
    }

    /** Why {@code file} cannot be a sound SQLite database, or empty when it may be (or is absent or empty: a new one). */
    static Optional<String> of(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long length = Files.size(file);
        if (length == 0) {
            return Optional.empty();
        }
        if (length < HEADER) {
            return Optional.of("it is " + length + " bytes long, shorter than a database's header");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // read until the header is full
            }
        }
        header.flip();
        byte[] magic = new byte[MAGIC.length];
        header.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            return Optional.of("it is not a SQLite database");
        }
        int pageSize = Short.toUnsignedInt(header.getShort(16));
        long pageBytes = pageSize == 1 ? 65536 : pageSize;
        long pages = Integer.toUnsignedLong(header.getInt(28));
        // The page count in the header is only valid when the change counter matches "version valid for".
        boolean countValid = pages > 0 && header.getInt(24) == header.getInt(92);
        if (countValid && length < pages * pageBytes) {
            return Optional.of("it is cut short: " + length + " of " + pages * pageBytes + " bytes");
        }
        return Optional.empty();
    }
}
