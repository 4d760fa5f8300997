package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Snapshots of the main window on two bundled examples, light and dark. They go to
 * target/screenshots; to refresh the README's pictures run
 * {@code mvn -B -q test -Dtest=ScreenshotTest -Dstagecraft.screenshots.dir=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void mainWindowOnTwoExamplesInBothThemes(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("stagecraft.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        // The caret goes on a line the Explain panel then explains, and lights that line's edge.
        shoot(robot, "go-scratch", false, "COPY --from=build /out/server", dir.resolve("main-go-scratch-light.png"));
        shoot(robot, "deps-builder-tester-production", true, "COPY --from=builder", dir.resolve("main-pipeline-dark.png"));
        shoot(robot, "classic-mistakes", false, "COPY --from=builder / /", dir.resolve("main-classic-mistakes-light.png"));
    }

    /** The window after a real build of bench/build5 (busybox based, so it builds offline): bars, marks, landed files. */
    @Test
    void mainWindowAfterARealBuild(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("stagecraft.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path dockerfile = Path.of("bench/build5/Dockerfile").toAbsolutePath();
        try (dev.stagecraft.engine.BuildEngine engine = dev.stagecraft.engine.RealEngine.connect()) {
            try {
                String text = Files.readString(dockerfile, StandardCharsets.UTF_8);
                MainWindow[] window = new MainWindow[1];
                robot.interact(() -> {
                    window[0] = new MainWindow(text, dockerfile);
                    Scene scene = new Scene(window[0], 1600, 900);
                    scene.getStylesheets().add(StagecraftApp.stylesheet());
                    stage.setScene(scene);
                    stage.show();
                });
                waitUntil(10, () -> robot.lookup("#engine-status")
                        .queryAs(javafx.scene.control.Label.class).getText().startsWith("Docker "));
                robot.clickOn("#build-start");
                waitUntil(120, () -> robot.lookup("#build-status")
                        .queryAs(javafx.scene.control.Label.class).getText().startsWith("Built with"));
                robot.interact(() -> {
                    window[0].editor().moveTo(text.indexOf("COPY --from=builder") + "COPY --from=".length() + 1);
                    window[0].editor().requestFollowCaret();
                });
                WaitForAsyncUtils.waitForFxEvents();
                Path file = dir.resolve("main-build-light.png");
                WritableImage[] image = new WritableImage[1];
                robot.interact(() -> image[0] = stage.getScene().snapshot(null));
                ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
                assertTrue(Files.size(file) > 20_000, file + " looks empty");
                // The same results in the dark theme: marks, bars and landed files must stay readable.
                Path dark = dir.resolve("main-build-dark.png");
                robot.interact(() -> stage.getScene().getStylesheets().add(StagecraftApp.darkStylesheet()));
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> image[0] = stage.getScene().snapshot(null));
                ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dark.toFile());
                window[0].close();
                assertTrue(Files.size(dark) > 20_000, dark + " looks empty");
            } finally {
                dev.stagecraft.engine.build.ImageCleanup.removeLabelled(engine, dev.stagecraft.engine.build.BuildRunner.FILE_LABEL,
                        dev.stagecraft.engine.build.ImageCleanup.fileLabel(dockerfile));
            }
        }
    }

    private void shoot(FxRobot robot, String example, boolean dark, String caretAt, Path file) throws IOException, TimeoutException {
        // Opened from its folder, so the build context edges count the example's real files.
        Path dockerfile = Path.of("assets/examples", example, "Dockerfile");
        String text = Files.readString(dockerfile, StandardCharsets.UTF_8);
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(text, dockerfile);
            Scene scene = new Scene(window[0], 1600, 900);
            scene.getStylesheets().add(StagecraftApp.stylesheet());
            if (dark) {
                scene.getStylesheets().add(StagecraftApp.darkStylesheet());
            }
            stage.setScene(scene);
            stage.show();
        });
        waitUntil(10, () -> !robot.lookup(".stage-card").queryAll().isEmpty());
        robot.interact(() -> {
            window[0].editor().moveTo(text.indexOf(caretAt) + "COPY --from=".length() + 1);
            window[0].editor().requestFollowCaret();
        });
        waitUntil(10, () -> robot.lookup(".edge-label-context").queryAll().stream()
                .allMatch(n -> !((javafx.scene.control.Label) n).getText().endsWith("\u2026")));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        BufferedImage png = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(png, "png", file.toFile());
        window[0].close();
        assertTrue(Files.size(file) > 20_000, file + " looks empty");
    }
}
