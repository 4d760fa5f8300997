package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
}
