package dev.stagecraft.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a cheap stat says about a file: whether it exists, its size and its modification time.
 * Two different stamps mean the file changed (or was replaced, as an atomic save does).
 */
public record FileStamp(boolean exists, long size, long modifiedMillis) {
    public static final FileStamp MISSING = new FileStamp(false, -1, -1);

    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(true, attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return MISSING;
        }
    }
}
