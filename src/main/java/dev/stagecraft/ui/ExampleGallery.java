package dev.stagecraft.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            folder = extract(uri, slug);
        }
        EXTRACTED.put(slug, folder);
        return folder;
    }

    /** Copies the example's folder out of the jar into a new temporary folder. */
    private static Path extract(URI dockerfile, String slug) throws IOException {
        FileSystem jar;
        try {
            jar = FileSystems.getFileSystem(dockerfile);
        } catch (FileSystemNotFoundException e) {
            jar = FileSystems.newFileSystem(dockerfile, Map.of());
        }
        Path source = jar.provider().getPath(dockerfile).getParent();
        Path target = Files.createTempDirectory("stagecraft-example-" + slug + "-");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target), "stagecraft-example-cleanup"));
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
