package dev.stagecraft.userdata;

import dev.stagecraft.io.AtomicFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Copies of unsaved text, so a crash or a kill loses at most the last few seconds of typing. One
 * file per document in {@code recovery/} of the data folder, named by a hash of the document's path
 * (or {@code untitled}), written atomically. The file starts with a header line holding the
 * original path as a URI (a path may contain any character, a URI is one line), then the text.
 * Blocking I/O: call it off the FX thread.
 */
public final class RecoveryStore {
    static final String HEADER = "stagecraft-recovery 1 ";
    private static final String SUFFIX = ".recovery";

    private final Path folder;

    public RecoveryStore(Path dataFolder) {
        this.folder = dataFolder.resolve("recovery");
    }

    /** Replaces the copy for {@code original} (null: the untitled document) with {@code text}. */
    public void write(Path original, String text) throws IOException {
        Files.createDirectories(folder);
        String header = HEADER + (original == null ? "" : original.toAbsolutePath().normalize().toUri()) + "\n";
        AtomicFiles.write(fileFor(original), header + text);
    }

    /** Forgets the copy for {@code original}: it was saved, or closed on purpose. */
    public void delete(Path original) throws IOException {
        Files.deleteIfExists(fileFor(original));
    }

    /** The copy for {@code original} in the store, if any. */
    public Path fileFor(Path original) {
        return folder.resolve(key(original) + SUFFIX);
    }

    /** Every copy that can be read, newest first. An unreadable or foreign file is skipped. */
    public List<RecoveryCopy> list() throws IOException {
        List<RecoveryCopy> copies = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return copies;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                RecoveryCopy copy = read(file);
                if (copy != null) {
                    copies.add(copy);
                }
            }
        }
        copies.sort(Comparator.comparing(RecoveryCopy::written).reversed());
        return copies;
    }

    private static RecoveryCopy read(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            if (!content.startsWith(HEADER) || newline < 0) {
                return null;
            }
            String uri = content.substring(HEADER.length(), newline);
            Path original = uri.isEmpty() ? null : Path.of(URI.create(uri));
            Instant written = Files.getLastModifiedTime(file).toInstant();
            return new RecoveryCopy(original, content.substring(newline + 1), written);
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    static String key(Path original) {
        if (original == null) {
            return "untitled";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(original.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
