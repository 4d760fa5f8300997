package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Zooming the graph with keys and buttons, fitting it back, and exporting it as PNG and SVG. */
@ExtendWith(ApplicationExtension.class)
class GraphZoomExportTest {
    private static final String THREE_STAGES = "FROM golang:1.22 AS build\nRUN go build -o /app\n\n"
            + "FROM build AS test\nRUN go test ./...\n\n"
            + "FROM scratch AS release\nCOPY --from=build /app /app\n";

    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(THREE_STAGES);
        TestWindows.show(stage, window, 1400, 800);
    }

    @AfterEach
    void close() {
        window.close();
    }

    private double scale() {
        return window.graph().scaleProperty().get();
    }

    private void ready(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup(".stage-card").queryAll().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlEqualsZoomsInFromTheEditorAndFitRestores(FxRobot robot) throws TimeoutException {
        ready(robot);
        double fitted = scale();
        robot.interact(() -> window.editor().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        waitUntil(() -> scale() > fitted * 1.2);
        assertEquals(THREE_STAGES, window.editor().getText(), "the shortcut typed nothing");
        double zoomed = scale();
        robot.interact(() -> stage.setWidth(stage.getWidth() - 300));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(zoomed, scale(), 1e-9, "a resize doesn't undo the user's zoom");
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        waitUntil(() -> Math.abs(scale() - zoomed / GraphView.ZOOM_STEP) < 1e-9);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        waitUntil(() -> !window.graph().userZoomed());
        AtomicReference<Double> refit = new AtomicReference<>();
        robot.interact(() -> {
            Bounds content = window.graph().drawingBounds();
            Bounds view = window.graph().getViewportBounds();
            refit.set(Math.max(0.5, Math.min(1, Math.min(view.getWidth() / content.getWidth(),
                    view.getHeight() / content.getHeight()))));
        });
        assertEquals(refit.get(), scale(), 1e-9, "Ctrl+0 fits the narrower window again");
    }

    @Test
    void zoomButtonsKeepTheCentreInPlaceAndFitButtonRestores(FxRobot robot) throws TimeoutException {
        ready(robot);
        double fitted = scale();
        robot.clickOn("#zoom-in");
        robot.clickOn("#zoom-in");
        waitUntil(() -> Math.abs(scale() - fitted * GraphView.ZOOM_STEP * GraphView.ZOOM_STEP) < 1e-9);
        Point2D before = centreOnDrawing(robot);
        robot.clickOn("#zoom-in");
        waitUntil(() -> Math.abs(scale() - fitted * Math.pow(GraphView.ZOOM_STEP, 3)) < 1e-9);
        Point2D after = centreOnDrawing(robot);
        assertEquals(before.getX(), after.getX(), 2, "the drawing's point at the centre stays there: " + before + " " + after);
        robot.clickOn("#zoom-actual");
        waitUntil(() -> Math.abs(scale() - 1) < 1e-9);
        robot.clickOn("#zoom-fit");
        waitUntil(() -> Math.abs(scale() - fitted) < 1e-9);
        assertTrue(!window.graph().userZoomed());
    }

    @Test
    void ctrlWheelZoomsAboutThePointUnderTheMouse(FxRobot robot) throws TimeoutException {
        ready(robot);
        robot.clickOn("#zoom-in");
        robot.clickOn("#zoom-in");
        Node card = robot.lookup("#stage-1").query();
        AtomicReference<Point2D> mouse = new AtomicReference<>();
        robot.interact(() -> {
            Bounds b = card.localToScene(card.getLayoutBounds());
            mouse.set(new Point2D(b.getMinX() + 20, b.getMinY() + 10));
        });
        Point2D before = underMouse(robot, card, mouse.get());
        double start = scale();
        // Monocle's robot delivers no wheel events, so the wheel notch is fired as the platform would send it.
        robot.interact(() -> Event.fireEvent(card, new ScrollEvent(ScrollEvent.SCROLL, mouse.get().getX(), mouse.get().getY(),
                0, 0, false, true, false, false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        waitUntil(() -> Math.abs(scale() - start * 1.1) < 1e-9);
        assertTrue(window.graph().userZoomed());
        Point2D after = underMouse(robot, card, mouse.get());
        assertEquals(before.getX(), after.getX(), 2, "the card's point under the mouse stays: " + before + " " + after);
        robot.interact(() -> Event.fireEvent(card, new ScrollEvent(ScrollEvent.SCROLL, mouse.get().getX(), mouse.get().getY(),
                0, 0, false, false, false, false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start * 1.1, scale(), 1e-9, "without Ctrl the wheel scrolls, it doesn't zoom");
    }

    /** The point of {@code card} under scene point {@code p}. */
    private static Point2D underMouse(FxRobot robot, Node card, Point2D p) {
        AtomicReference<Point2D> local = new AtomicReference<>();
        robot.interact(() -> local.set(card.sceneToLocal(p)));
        return local.get();
    }

    /** The point of the unzoomed drawing at the centre of the graph view. */
    private Point2D centreOnDrawing(FxRobot robot) {
        AtomicReference<Point2D> p = new AtomicReference<>();
        robot.interact(() -> {
            GraphView g = window.graph();
            Node canvas = g.lookup(".graph-canvas");
            p.set(canvas.sceneToLocal(g.localToScene(g.getWidth() / 2, g.getHeight() / 2)));
        });
        return p.get();
    }

    @Test
    void exportPngWritesTheWholeGraphAtTwiceItsSize(FxRobot robot) throws Exception {
        ready(robot);
        robot.clickOn("#zoom-in");
        Path png = dir.resolve("graph.png");
        AtomicReference<CompletableFuture<Path>> done = new AtomicReference<>();
        AtomicReference<Bounds> size = new AtomicReference<>();
        robot.interact(() -> {
            size.set(window.graph().drawingBounds());
            done.set(window.graphExport().png(png));
        });
        done.get().get(10, TimeUnit.SECONDS);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(Math.ceil(size.get().getWidth() * 2), image.getWidth(), 2, "width x2, zoom ignored");
        assertEquals(Math.ceil(size.get().getHeight() * 2), image.getHeight(), 2);
        waitUntil(() -> robot.lookup("#status").queryLabeled().getText().startsWith("Exported the graph to"));
    }

    @Test
    void exportSvgWritesWellFormedXmlNamingEveryStage(FxRobot robot) throws Exception {
        ready(robot);
        Path svg = dir.resolve("graph.svg");
        AtomicReference<CompletableFuture<Path>> done = new AtomicReference<>();
        robot.interact(() -> done.set(window.graphExport().svg(svg)));
        done.get().get(10, TimeUnit.SECONDS);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(svg.toFile());
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        for (String name : List.of("build", "test", "release", "golang:1.22")) {
            assertTrue(texts.contains(name), name + " in " + texts);
        }
        assertTrue(Files.readString(svg).contains("stroke=\"#1f6feb\""), "the copy edge in the CSS's blue");
    }
}
