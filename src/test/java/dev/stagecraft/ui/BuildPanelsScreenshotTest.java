package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEvent.LogLine;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.stage.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Snapshots of the build panels on a bundled multi-stage example, light and dark, to look at: they
 * go to target/screenshots, or to {@code -Dstagecraft.screenshots.dir}.
 */
@ExtendWith(ApplicationExtension.class)
class BuildPanelsScreenshotTest {
    private static final String ESC = "\u001b";
    private javafx.stage.Stage stage;

    @Start
    void start(javafx.stage.Stage stage) {
        this.stage = stage;
    }

    @Test
    void buildPanelsOnThePipelineExample_inBothThemes(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("stagecraft.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path dockerfile = Path.of("assets/examples/deps-builder-tester-production/Dockerfile");
        Analysis analysis = DockerfileAnalyzer.analyze(Files.readString(dockerfile, StandardCharsets.UTF_8));
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            BuildSettingsPanel[] settings = new BuildSettingsPanel[1];
            robot.interact(() -> {
                settings[0] = new BuildSettingsPanel(new BuildSettingsModel(Runnable::run, Runnable::run));
                settings[0].update(analysis, dockerfile.getParent().toAbsolutePath());
                settings[0].buildKitOfferedProperty().set(!dark);
                settings[0].buildingProperty().set(dark);
                settings[0].model().setArgValue(settings[0].model().args().get(0), "22");
            });
            shoot(robot, settings[0], 420, 520, dark, dir.resolve("build-settings-" + theme + ".png"));

            BuildLogPanel[] log = new BuildLogPanel[1];
            robot.interact(() -> {
                log[0] = new BuildLogPanel();
                log[0].setStageLabels(analysis.stages().stream().map(Stage::label).toList());
                log[0].append(pipelineOutput());
            });
            shoot(robot, log[0], 1000, 340, dark, dir.resolve("build-log-" + theme + ".png"));
            robot.interact(() -> ((javafx.scene.control.TextField) log[0].lookup("#build-log-search")).setText("npm"));
            shoot(robot, log[0], 1000, 340, dark, dir.resolve("build-log-search-" + theme + ".png"));
            robot.interact(() -> settings[0].model().contextTextProperty().set("/no/such/folder"));
            shoot(robot, settings[0], 420, 520, dark, dir.resolve("build-settings-warning-" + theme + ".png"));
            robot.interact(() -> settings[0].close());

            robot.interact(() -> {
                log[0] = new BuildLogPanel(30);
                log[0].setStageLabels(analysis.stages().stream().map(Stage::label).toList());
                log[0].append(pipelineOutput());
                ((javafx.scene.control.ComboBox<?>) log[0].lookup("#build-log-stage")).getSelectionModel().select(2);
            });
            shoot(robot, log[0], 1000, 340, dark, dir.resolve("build-log-filtered-capped-" + theme + ".png"));
        }
    }

    /** What a classic build of the example prints, as the engine streams it (colours and progress included). */
    static List<LogLine> pipelineOutput() {
        List<LogLine> lines = new ArrayList<>();
        lines.add(new LogLine(-1, 0, "Sending build context to Docker daemon  412.7kB\n"));
        lines.add(new LogLine(0, 9, "Step 1/21 : FROM node:20-alpine AS deps\n ---> 6dffd6b3749b\n"));
        lines.add(new LogLine(0, 10, "Step 2/21 : WORKDIR /app\n ---> Running in 1081560da033\n ---> c827ccddebd9\n"));
        lines.add(new LogLine(0, 11, "Step 3/21 : COPY package.json package-lock.json ./\n ---> 0c9f58732826\n"));
        lines.add(new LogLine(0, 12, "Step 4/21 : RUN npm ci --omit=dev\n ---> Running in d93caaf72811\n"));
        lines.add(new LogLine(0, 12, ESC + "[1G" + ESC + "[0K\u2819" + ESC + "[1G" + ESC + "[0K\u2839" + ESC + "[1G" + ESC + "[0K"
                + ESC + "[33mnpm warn" + ESC + "[39m deprecated inflight@1.0.6: This module is not supported\n"));
        lines.add(new LogLine(0, 12, "\nadded 64 packages, and audited 65 packages in 3s\n\n"
                + ESC + "[1m12" + ESC + "[22m packages are looking for funding\n  run `npm fund` for details\n"
                + "\nfound " + ESC + "[32m" + ESC + "[1m0" + ESC + "[22m" + ESC + "[39m vulnerabilities\n"));
        lines.add(new LogLine(1, 15, "Step 5/21 : FROM deps AS builder\n ---> 999e58b18773\n"));
        lines.add(new LogLine(1, 16, "Step 6/21 : RUN npm ci\n ---> Running in 5b37c70bb231\n"));
        lines.add(new LogLine(1, 16, "Reading package lists... 0%\r\rReading package lists... 100%\r\r"
                + "Reading package lists... Done\r\r\n"));
        lines.add(new LogLine(1, 18, "Step 8/21 : RUN npm run build\n\n> uptime-service@1.4.0 build\n> node scripts/build.mjs\n\n"));
        lines.add(new LogLine(1, 18, "built dist/server.js in 212ms " + ESC + "[90m(esbuild 0.21.5)" + ESC + "[39m\n"));
        lines.add(new LogLine(2, 22, "Step 9/21 : FROM builder AS tester\n"));
        lines.add(new LogLine(2, 23, "Step 10/21 : RUN npm test\n" + ESC + "[32m\u2714" + ESC + "[39m health answers 200 "
                + ESC + "[90m(4.1ms)" + ESC + "[39m\n" + ESC + "[31m\u2716 uptime is a number" + ESC + "[39m\n"
                + ESC + "[1;31mnpm error" + ESC + "[0m Test failed.  See above for more details.\n"));
        for (int i = 24; i <= 35; i++) {
            lines.add(new LogLine(3, i, "Step " + (i - 13) + "/21 : " + "line " + i + " of production\n ---> Using cache\n"));
        }
        lines.add(new LogLine(-1, 0, "Successfully built 0c9f58732826\nSuccessfully tagged uptime-service:latest\n"));
        return lines;
    }

    private void shoot(FxRobot robot, Parent root, double width, double height, boolean dark, Path file) throws IOException {
        robot.interact(() -> {
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().add(StagecraftApp.stylesheet());
            if (dark) {
                scene.getStylesheets().add(StagecraftApp.darkStylesheet());
            }
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
        robot.interact(() -> stage.getScene().setRoot(new javafx.scene.layout.Pane()));
        assertTrue(Files.size(file) > 5_000, file + " looks empty");
    }
}
