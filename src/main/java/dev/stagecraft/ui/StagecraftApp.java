package dev.stagecraft.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop application: opens the Dockerfile named on the command line, or the bundled
 * example when none is given.
 */
public final class StagecraftApp extends Application {
    static final String EXAMPLE = "/examples/node-multi-stage/Dockerfile";

    private MainWindow window;

    @Override
    public void start(Stage stage) throws IOException {
        List<String> args = getParameters().getRaw();
        if (args.isEmpty()) {
            window = new MainWindow(bundledExample());
        } else {
            Path file = Path.of(args.get(0));
            window = new MainWindow(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file);
        }
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(stylesheet());
        if (Boolean.getBoolean("stagecraft.dark")) {
            scene.getStylesheets().add(darkStylesheet());
        }
        stage.titleProperty().bind(window.titleProperty());
        stage.setOnCloseRequest(event -> {
            if (window.dirtyProperty().get()
                    && !MainWindow.confirm("The Dockerfile has unsaved changes. Close and discard them?")) {
                event.consume();
            }
        });
        stage.setScene(scene);
        stage.show();
        if (Boolean.getBoolean("stagecraft.timing")) {
            // Start-up as a user feels it: from JVM start to the first analysis on screen.
            window.shownProperty().addListener((obs, old, now) -> {
                if (old == null && now != null) {
                    long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("stagecraft: usable window in " + ms + " ms");
                }
            });
        }
    }

    static String stylesheet() {
        return resource("stagecraft.css");
    }

    /** The dark theme, applied on top of {@link #stylesheet()}. */
    static String darkStylesheet() {
        return resource("stagecraft-dark.css");
    }

    private static String resource(String name) {
        var url = StagecraftApp.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing from the jar");
        }
        return url.toExternalForm();
    }

    static String bundledExample() throws IOException {
        try (InputStream in = StagecraftApp.class.getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IOException("bundled example " + EXAMPLE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
