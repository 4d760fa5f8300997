package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleGalleryTest {
    @Test
    void everyBundledExampleIsInTheGalleryWithATitleAndSummary() throws Exception {
        List<String> folders;
        try (Stream<Path> s = Files.list(Path.of("assets/examples"))) {
            folders = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<ExampleGallery.Example> examples = ExampleGallery.examples();
        assertEquals(folders, examples.stream().map(ExampleGallery.Example::slug).sorted().toList());
        for (ExampleGallery.Example e : examples) {
            assertFalse(e.title().isBlank(), e.slug());
            assertFalse(e.summary().isBlank(), e.slug());
            assertFalse(e.dockerfile().isBlank(), e.slug());
        }
    }

    @Test
    void anExampleInAJarIsCopiedOutWholeWithItsSubfoldersAndNothingElse(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "examples/demo/", null);
            put(out, "examples/demo/Dockerfile", "FROM scratch\nCOPY src/ /src/\n");
            put(out, "examples/demo/.dockerignore", "*.log\n");
            put(out, "examples/demo/src/", null);
            put(out, "examples/demo/src/main.c", "int main(void) { return 0; }\n");
            put(out, "examples/demo-two/Dockerfile", "FROM scratch\n");
            put(out, "examples/other/Dockerfile", "FROM scratch\n");
        }
        Path folder = ExampleGallery.extract(new URL("jar:" + jar.toUri() + "!/examples/demo/Dockerfile"), "demo");
        List<String> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertEquals(List.of(".dockerignore", "Dockerfile", "src/main.c"), files, "demo-two and other are other examples");
        assertEquals("FROM scratch\nCOPY src/ /src/\n", Files.readString(folder.resolve("Dockerfile")));
    }

    private static void put(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        if (text != null) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
