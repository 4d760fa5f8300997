package dev.stagecraft.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library in the data folder, so a new process loads it from there instead
 * of copying it out of the jar again, which sqlite-jdbc does on every start (into the temp folder, read
 * back to compare, after probing the platform): 230 to 310 ms on this busy machine against about 55 ms
 * for reading our key and loading a kept copy (decision 0012). The copy's folder is named by
 * sqlite-jdbc's version, {@code os.name} and {@code os.arch} (read without sqlite-jdbc's slow platform
 * probe, which runs only when a copy is made), and a copy is written beside and moved into place, so a
 * half-written file is never loaded. When anything here fails nothing is set, and when a kept copy
 * does not load sqlite-jdbc falls back to its own copy from the jar.
 */
final class NativeLibraryCache {
    private static final AtomicBoolean PREPARED = new AtomicBoolean();

    private NativeLibraryCache() {
    }

    /** Points sqlite-jdbc at a kept copy under {@code dataFolder}, once per process, unless a library was chosen already. */
    static void prepare(Path dataFolder) {
        if (System.getProperty("org.sqlite.lib.path") != null || !PREPARED.compareAndSet(false, true)) {
            return;
        }
        try {
            Properties about = new Properties();
            try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream("/sqlite-jdbc.properties")) {
                about.load(in);
            }
            String version = about.getProperty("version");
            if (version == null) {
                return;
            }
            String name = System.mapLibraryName("sqlitejdbc");
            // String.join, not +: the first concatenation of this many parts in a process makes its method
            // handles at run time, 20 to 25 ms of a fresh open (decision 0012).
            Path folder = dataFolder.resolve("native").resolve(String.join("-", "sqlite-jdbc", version,
                    System.getProperty("os.name"), System.getProperty("os.arch")));
            Path kept = folder.resolve(name);
            if (!Files.isRegularFile(kept)) {
                String resource = String.join("/", LibraryLoaderUtil.getNativeLibResourcePath(), LibraryLoaderUtil.getNativeLibName());
                Files.createDirectories(folder);
                Path partial = Files.createTempFile(folder, name, ".partial");
                try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return;
                    }
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // No kept copy (a read-only data folder, no library for this platform): sqlite-jdbc finds its own.
        }
    }
}
