package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineEndpoints;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.EngineInfo;
import dev.stagecraft.engine.RealEngine;
import dev.stagecraft.engine.docker.DockerBuildEngine;
import java.lang.reflect.Proxy;
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
    private static final EngineEndpoint SOCKET = new EngineEndpoint("unix:///var/run/docker.sock", false, null,
            "the default socket");
    private static final String SENTENCE = "Permission denied on unix:///var/run/docker.sock (the default socket): the"
            + " socket belongs to root:docker with mode rw-rw----. Add your user to the docker group (sudo usermod -aG"
            + " docker $USER, then log in again), or point DOCKER_HOST at an engine you may use.";

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

    /**
     * A socket the user may not open: the status bar shows the engine's own sentence, the one
     * {@code stagecraft build} prints (cli.BuildFaultsTest proves that sentence as an unprivileged user;
     * the tests run as root here, whom no socket refuses, so the engine's answer is stood in for).
     */
    @Test
    void socketPermissionDenied_showsTheEnginesSentenceAsIs_andNoEngine(FxRobot robot) throws TimeoutException {
        status = new EngineStatus(() -> new EngineEndpoints.Resolution(SOCKET, null), EngineStatusTest::refusing,
                executor);
        robot.interact(status::check);
        Label label = status.view();
        waitUntil(() -> label.getText().startsWith("Permission denied"));
        assertEquals(SENTENCE, label.getText());
        assertTrue(label.getTooltip().getText().startsWith(SENTENCE), label.getTooltip().getText());
        assertTrue(label.getStyleClass().contains("engine-missing"));
        assertNull(status.engine());
        assertNull(status.infoProperty().get());
    }

    /** An engine whose every call is refused as the socket refuses an unprivileged user. */
    private static BuildEngine refusing(EngineEndpoint endpoint) {
        return (BuildEngine) Proxy.newProxyInstance(BuildEngine.class.getClassLoader(), new Class<?>[] {BuildEngine.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "endpoint":
                            return endpoint;
                        case "close":
                            return null;
                        default:
                            throw new EngineException(EngineException.Kind.PERMISSION_DENIED, SENTENCE);
                    }
                });
    }
}
