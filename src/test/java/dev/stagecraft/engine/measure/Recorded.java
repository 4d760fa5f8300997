package dev.stagecraft.engine.measure;

import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.engine.ImageFacts;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A case recorded from the engine by {@code engine/measure/record.sh}: its Dockerfile and, per builder,
 * the facts and history of the external base ({@code "external"}) and of each stage image
 * ({@code "0"}, {@code "1"}, built as its own target with two labels).
 */
final class Recorded {
    private static final String ROOT = "/engine/measure/";
    private final String name;
    private final Map<?, ?> images;

    private Recorded(String name, String builder) {
        this.name = name;
        this.images = ArchiveJson.object(ArchiveJson.object(ArchiveJson.parse(text(name + "/" + builder + ".json"))).get("images"));
    }

    static Recorded of(String name, String builder) {
        return new Recorded(name, builder);
    }

    Analysis analysis() {
        return DockerfileAnalyzer.analyze(text(name + "/Dockerfile"));
    }

    /** The image's history oldest first, as {@code BuildEngine.history} gives it. */
    List<HistoryEntry> history(String image) {
        List<HistoryEntry> list = new ArrayList<>();
        for (Object o : ArchiveJson.array(image(image).get("history"))) {
            Map<?, ?> h = ArchiveJson.object(o);
            list.add(new HistoryEntry((String) h.get("CreatedBy"), ((Number) h.get("Size")).longValue(), (String) h.get("Comment")));
        }
        Collections.reverse(list);
        return list;
    }

    ImageFacts facts(String image) {
        Map<?, ?> m = image(image);
        List<String> layers = new ArrayList<>();
        for (Object o : ArchiveJson.array(m.get("layers"))) {
            layers.add((String) o);
        }
        return new ImageFacts((String) m.get("id"), ((Number) m.get("sizeBytes")).longValue(), Map.of(), layers);
    }

    private Map<?, ?> image(String image) {
        Map<?, ?> m = ArchiveJson.object(images.get(image));
        if (m.isEmpty()) {
            throw new IllegalArgumentException("no image " + image + " recorded in " + name);
        }
        return m;
    }

    static String text(String resource) {
        try (InputStream in = stream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gzipped archive {@code resource}, unpacked into {@code dir}. */
    static Path gunzipped(String resource, Path dir) {
        try (InputStream in = new GZIPInputStream(stream(resource))) {
            Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1).replace(".gz", ""));
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = Recorded.class.getResourceAsStream(ROOT + resource);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + ROOT + resource);
        }
        return in;
    }
}
