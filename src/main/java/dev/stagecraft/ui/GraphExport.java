package dev.stagecraft.ui;

import dev.stagecraft.io.AtomicFiles;
import dev.stagecraft.layout.GraphSvg;
import dev.stagecraft.stage.Analysis;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * Exports the stage graph: PNG at twice the drawing's size (the whole graph, not just what is
 * visible), or SVG drawn by {@link GraphSvg} from the boxes on screen. The picture is taken on the
 * FX thread; encoding and the atomic write run on a background thread, and the status line says
 * how it went.
 */
final class GraphExport {
    /** Pixels per unit of the drawing: sharp on high-density screens and in documents. */
    static final double PNG_SCALE = 2;

    private final GraphView graph;
    private final Supplier<Analysis> analysis;
    private final Consumer<String> status;

    GraphExport(GraphView graph, Supplier<Analysis> analysis, Consumer<String> status) {
        this.graph = graph;
        this.analysis = analysis;
        this.status = status;
    }

    /** Asks where, then writes the PNG. */
    void choosePng() {
        Path target = choose("PNG image", "*.png", "stage-graph.png");
        if (target != null) {
            png(target);
        }
    }

    /** Asks where, then writes the SVG. */
    void chooseSvg() {
        Path target = choose("SVG drawing", "*.svg", "stage-graph.svg");
        if (target != null) {
            svg(target);
        }
    }

    private Path choose(String description, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export graph");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        chooser.setInitialFileName(name);
        File file = chooser.showSaveDialog(graph.getScene() == null ? null : graph.getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    /** Writes the PNG (call on the FX thread); the future completes when the file is in place. */
    CompletableFuture<Path> png(Path target) {
        if (analysis.get() == null) {
            return nothingYet();
        }
        WritableImage image = graph.snapshot(PNG_SCALE);
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        return write(target, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(pixels, "png", out)) {
                throw new IOException("no PNG encoder available");
            }
            return out.toByteArray();
        });
    }

    /** Writes the SVG (call on the FX thread); the future completes when the file is in place. */
    CompletableFuture<Path> svg(Path target) {
        Analysis a = analysis.get();
        if (a == null) {
            return nothingYet();
        }
        String svg = GraphSvg.write(a, graph.boxes(), graph.drawing());
        return write(target, () -> svg.getBytes(StandardCharsets.UTF_8));
    }

    private CompletableFuture<Path> nothingYet() {
        status.accept("Nothing to export yet: the graph appears once the Dockerfile is analysed.");
        return CompletableFuture.failedFuture(new IllegalStateException("no analysis yet"));
    }

    /** Bytes made from what the FX thread captured; may fail with an I/O error. */
    private interface Content {
        byte[] bytes() throws IOException;
    }

    private CompletableFuture<Path> write(Path target, Content content) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                AtomicFiles.write(target, content.bytes());
                Platform.runLater(() -> status.accept("Exported the graph to " + target));
                done.complete(target);
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.accept("Could not export the graph to " + target + ": " + e.getMessage()));
                done.completeExceptionally(e);
            }
        }, "stagecraft-export");
        writer.setDaemon(true);
        writer.start();
        return done;
    }
}
