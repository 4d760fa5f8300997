package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineEndpoints;
import dev.stagecraft.engine.EngineInfo;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.docker.DockerBuildEngine;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The status bar says which engine Stagecraft builds with, or why none answers and what to do. */
@ExtendWith(ApplicationExtension.class)
class EngineStatusTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private EngineStatus status;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        if (status != null) {
            status.close();
        }
        executor.shutdownNow();
    }

    @Test
    void realEngine_showsItsVersionApiAndEndpoint(FxRobot robot) throws TimeoutException {
        EngineInfo expected;
        try (BuildEngine engine = RealEngine.connect()) {
            expected = engine.info();
        }
        status = new EngineStatus(EngineEndpoints::resolve, DockerBuildEngine::new, executor);
        robot.interact(status::check);
        Label label = status.view();
        waitUntil(() -> status.infoProperty().get() != null);
        String text = label.getText();
        assertTrue(text.contains("Docker " + expected.engineVersion()), text);
        assertTrue(text.contains("API " + expected.apiVersion()), text);
        assertTrue(text.contains(expected.endpoint().host()), text);
        assertTrue(status.engine() != null);
    }

    @Test
    void noEngineAtTheEndpoint_saysSoAndHowToFixIt(FxRobot robot) throws TimeoutException {
        EngineEndpoint nowhere = new EngineEndpoint("unix://" + dir.resolve("docker.sock"), false, null, "DOCKER_HOST");
        status = new EngineStatus(() -> new EngineEndpoints.Resolution(nowhere, null), DockerBuildEngine::new, executor);
        robot.interact(status::check);
        Label label = status.view();
        waitUntil(() -> label.getText().startsWith("No engine answers"));
        assertTrue(label.getText().contains(nowhere.host()), label.getText());
        assertTrue(label.getText().contains("Start the engine"), label.getText());
        assertTrue(label.getStyleClass().contains("engine-missing"));
        assertTrue(status.engine() == null);
    }
}
