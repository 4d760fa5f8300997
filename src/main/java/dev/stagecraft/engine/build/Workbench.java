package dev.stagecraft.engine.build;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.measure.LandedFiles;
import dev.stagecraft.engine.measure.LayerListingCache;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * What successive builds share while a window (or one CLI run) lives: a private work folder for
 * context tars and saved images, deleted at the end, and the cache of layer listings, so a rebuild
 * whose COPY layers did not change lists their files without saving images again; and what is known
 * of the images earlier builds made (kept by key, and whether the engine still has them).
 */
public final class Workbench implements AutoCloseable {
    /**
     * Layer entries kept, all listings together. The final image's files need every layer's listing,
     * base layers included (a Debian base has about 9,000 entries, a Node one 30,000 more), so the
     * bound is set by memory: an entry is about 150 bytes, 200,000 of them about 30 MB.
     */
    private static final int CACHED_LAYER_ENTRIES = 200_000;

    private final Path folder;
    private final LandedFiles landed = new LandedFiles(LayerListingCache.inMemory(CACHED_LAYER_ENTRIES));
    private final ImageLookup images = new ImageLookup();
    private final StageMemo memo = new StageMemo();
    private final ContextTars tars;
    private BuildEngine versionOf;
    private String version;
    private BuildEngine watchedOf;
    private WatchedImages watched;

    private Workbench(Path folder) {
        this.folder = folder;
        this.tars = new ContextTars(folder);
    }

    /** A workbench in a new temporary folder. */
    public static Workbench create() throws IOException {
        return new Workbench(Files.createTempDirectory("stagecraft-work-"));
    }

    /** A runner on {@code engine}; {@code extraLabels} go on every image besides Stagecraft's own. */
    public BuildRunner runner(BuildEngine engine, Map<String, String> extraLabels) {
        return new BuildRunner(engine, () -> engineVersion(engine), new BuildMeasurer(engine, landed, images, folder), memo,
                watchedImages(engine), tars, extraLabels);
    }

    /** What is known of the images earlier builds made, one engine at a time. */
    private synchronized WatchedImages watchedImages(BuildEngine engine) {
        if (engine != watchedOf) {
            if (watched != null) {
                watched.close();
            }
            watched = new WatchedImages(engine);
            watchedOf = engine;
        }
        return watched;
    }

    /** The engine's version, asked once per engine (the syntax checks depend on it). */
    private synchronized String engineVersion(BuildEngine engine) {
        if (engine != versionOf) {
            version = engine.info().engineVersion();
            versionOf = engine;
        }
        return version;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (watched != null) {
                watched.close();
            }
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // The folder is under the system's temporary folder, which is cleaned anyway.
        }
    }
}
