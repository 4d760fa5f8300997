package dev.stagecraft.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The bundled examples, read from the jar: each with its title, one-line summary and Dockerfile. */
public final class ExampleGallery {
    /** One example. */
    public record Example(String slug, String title, String summary) {
        public String dockerfile() throws IOException {
            return read("/examples/" + slug + "/Dockerfile");
        }
    }

    private ExampleGallery() {
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
