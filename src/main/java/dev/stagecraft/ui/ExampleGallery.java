package dev.stagecraft.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The bundled examples, read from the jar: each with its title, one-line summary and Dockerfile. */
public final class ExampleGallery {
    /** One example. */
    public record Example(String slug, String title, String summary) {
        public String dockerfile() throws IOException {
            return read("/examples/" + slug + "/Dockerfile");
        }

        /**
         * A folder on disk holding the example's files, so its build context can be read: the
         * example's own folder when the app runs from classes on disk, else a copy taken out of the
         * jar once (into a temporary folder removed when the app exits).
         */
        public Path folder() throws IOException {
            return ExampleGallery.folder(slug);
        }
    }

    /** The example the app opens when no file is named. */
    static final String DEFAULT_SLUG = "node-multi-stage";
    /** The gallery's one-click comparison: the naive single-stage file (A) against its multi-stage split (B). */
    static final String COMPARE_BEFORE = "node-single-stage";
    static final String COMPARE_AFTER = "node-multi-stage";

    private static final Map<String, Path> EXTRACTED = new HashMap<>();

    private ExampleGallery() {
    }

    /** The example with this slug. */
    static Example example(String slug) throws IOException {
        for (Example e : examples()) {
            if (e.slug().equals(slug)) {
                return e;
            }
        }
        throw new IOException("no bundled example " + slug);
    }

    /**
     * Starts taking an example's folder out of the jar on a background thread, so that a later
     * {@link Example#folder()} finds it ready (it waits for the copy in progress, or makes its own
     * after a failure).
     */
    static void prepareFolder(String slug) {
        Thread copy = new Thread(() -> {
            try {
                folder(slug);
            } catch (IOException | RuntimeException e) {
                // Example.folder() tries again and reports the problem where the user sees it.
            }
        }, "stagecraft-example-copy");
        copy.setDaemon(true);
        copy.start();
    }

    private static synchronized Path folder(String slug) throws IOException {
        Path known = EXTRACTED.get(slug);
        if (known != null && Files.isDirectory(known)) {
            return known;
        }
        URL url = ExampleGallery.class.getResource("/examples/" + slug + "/Dockerfile");
        if (url == null) {
            throw new IOException("bundled example " + slug + " is missing from the jar");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bundled example " + slug + " has an unusable location: " + url, e);
        }
        Path folder;
        if ("file".equals(uri.getScheme())) {
            folder = Path.of(uri).getParent();
        } else {
            folder = extract(url, slug);
        }
        EXTRACTED.put(slug, folder);
        return folder;
    }

    /**
     * Copies the example's folder out of the jar into a new temporary folder. Reads the jar as a
     * {@link JarFile}, which shares the class loader's index of its entries (a zip file system
     * would index the jar's 20,000 entries again: about 120 ms at start-up).
     */
    static Path extract(URL dockerfile, String slug) throws IOException {
        String prefix = "examples/" + slug + "/";
        Path jarPath;
        try {
            jarPath = Path.of(((JarURLConnection) dockerfile.openConnection()).getJarFileURL().toURI());
        } catch (URISyntaxException | ClassCastException | IllegalArgumentException e) {
            throw new IOException("bundled example " + slug + " has an unusable location: " + dockerfile, e);
        }
        Path target = Files.createTempDirectory("stagecraft-example-" + slug + "-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target), "stagecraft-example-cleanup"));
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith(prefix) || name.length() == prefix.length()) {
                    continue;
                }
                Path copy = target.resolve(name.substring(prefix.length())).normalize();
                if (!copy.startsWith(target)) {
                    throw new IOException("bundled example " + slug + " has an entry outside its folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(copy);
                } else {
                    Files.createDirectories(copy.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, copy);
                    }
                }
            }
        }
        return target;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temporary copy left behind is harmless; the system's temp cleaning takes it.
        }
    }

    /** The examples in gallery order (examples/index.txt). */
    public static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        for (String line : read("/examples/index.txt").split("\n")) {
            String slug = line.strip();
            if (slug.isEmpty() || slug.startsWith("#")) {
                continue;
            }
            String[] about = read("/examples/" + slug + "/ABOUT").split("\n", 3);
            out.add(new Example(slug, about[0].strip(), about.length > 1 ? about[1].strip() : ""));
        }
        return out;
    }

    static String read(String resource) throws IOException {
        try (InputStream in = ExampleGallery.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
