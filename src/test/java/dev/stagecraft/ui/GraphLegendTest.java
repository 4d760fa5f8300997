package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The graph's legend at the window's first size: every kind of edge named in full, none cut to "...". */
@ExtendWith(ApplicationExtension.class)
class GraphLegendTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow("FROM alpine:3.20 AS build\nRUN echo hi > /hi\nFROM scratch\nCOPY --from=build /hi /\n");
        // The size the app opens at when no placement is remembered (StagecraftApp).
        TestWindows.show(stage, window, 1280, 800);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void everyLegendEntryReadsInFull_atTheFirstWindowSize(FxRobot robot) throws TimeoutException {
        waitUntil(() -> !robot.lookup(".graph-legend .label").queryAll().isEmpty());
        List<Label> labels = robot.lookup(".graph-legend .label").queryAllAs(Label.class).stream().toList();
        assertEquals(4, labels.size());
        for (Label label : labels) {
            Text shown = (Text) label.lookup(".text");
            assertEquals(label.getText(), shown.getText(), "the legend entry is shown whole");
            assertTrue(label.localToScene(label.getBoundsInLocal()).getMaxX() <= label.getScene().getWidth(),
                    label.getText() + " lies inside the window");
        }
    }
}
