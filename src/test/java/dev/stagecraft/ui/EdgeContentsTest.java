package dev.stagecraft.ui;

import static dev.stagecraft.ui.TestWindows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What edges carry, on the real window opened on a Dockerfile whose folder holds a small build context. */
@ExtendWith(ApplicationExtension.class)
class EdgeContentsTest {
    private static final String DOCKERFILE = "FROM alpine AS build\n"
            + "COPY app/ /src/\n"
            + "RUN make\n"
            + "FROM alpine\n"
            + "COPY --from=build /src/a.txt /a\n"
            + "COPY --from=build /src/b.txt /b\n";
    private static final AtomicInteger CASES = new AtomicInteger();

    @TempDir
    static Path temp;

    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        Path context = Files.createDirectories(temp.resolve("case" + CASES.incrementAndGet()));
        write(context.resolve("app/a.txt"), 100);
        write(context.resolve("app/b.txt"), 2048);
        write(context.resolve("app/debug.log"), 5000);
        write(context.resolve("app/node_modules/dep/index.js"), 9000);
        Files.writeString(context.resolve(".dockerignore"), "# build junk\n**/*.log\napp/node_modules\n");
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
        window = new MainWindow(DOCKERFILE, dockerfile);
        TestWindows.show(stage, window, 1700, 800);
    }

    private static void write(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }

    @AfterEach
    void close() {
        window.close();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static boolean lit(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n.getStyleClass().contains("selected")).orElse(false);
    }

    @Test
    void contextEdgeLabelCountsTheFilesAndBytesTheDockerignoreLetsThrough(FxRobot robot) throws TimeoutException {
        waitUntil(() -> text(robot, "#context-edge-0-0").contains("files"));
        assertTrue(robot.lookup("#build-context").tryQuery().isPresent(), "a build context node is drawn");
        // a.txt (100 B) + b.txt (2048 B); debug.log and node_modules are ignored.
        assertEquals("app/ \u2192 /src/\n2 files, 2.1 KB", text(robot, "#context-edge-0-0"));
    }

    @Test
    void clickingAContextEdgeListsEveryFileWithItsSize(FxRobot robot) throws TimeoutException {
        waitUntil(() -> text(robot, "#context-edge-0-0").contains("files"));
        robot.clickOn("#context-edge-0-0");
        waitUntil(() -> robot.lookup("#edge-files").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<String> files = robot.lookup("#edge-files").queryAs(ListView.class);
        assertEquals(List.of("app/a.txt    100 B", "app/b.txt    2.0 KB"), files.getItems());
        assertEquals("Total: 2 files, 2.1 KB", text(robot, "#edge-files-total"));
        assertEquals("line 2:  COPY app/ /src/", text(robot, "#edge-details-instruction"));
        robot.clickOn("#edge-details-close");
        waitUntil(() -> robot.lookup("#edge-details").tryQuery().isEmpty());
    }

    @Test
    void clickingACopyFromEdgeShowsItsInstructionSourcesAndDestination(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#edge-label-0-1-1").tryQuery().isPresent());
        robot.clickOn("#edge-label-0-1-1");
        waitUntil(() -> robot.lookup("#edge-details").tryQuery().isPresent());
        assertEquals("line 6:  COPY --from=build /src/b.txt /b", text(robot, "#edge-details-instruction"));
        assertTrue(robot.lookup("#edge-files").tryQuery().isEmpty(), "a stage-to-stage edge has no context file list");
        robot.clickOn("#edge-details-close");
    }

    @Test
    void caretOnAFromReferenceLightsThatEdgeOnly(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#edge-label-0-1-1").tryQuery().isPresent());
        int onSecondFrom = DOCKERFILE.lastIndexOf("--from=build") + "--from=bu".length();
        robot.interact(() -> window.editor().moveTo(onSecondFrom));
        waitUntil(() -> lit(robot, "#edge-label-0-1-1"));
        assertFalse(lit(robot, "#edge-label-0-1-0"), "the parallel edge stays unlit");
        assertEquals(1, robot.lookup(".edge.selected").queryAll().stream().filter(n -> !(n instanceof Label)).count(),
                "exactly one curve is lit");
        int onContextCopy = DOCKERFILE.indexOf("COPY app/") + 2;
        robot.interact(() -> window.editor().moveTo(onContextCopy));
        waitUntil(() -> lit(robot, "#context-edge-0-0"));
        assertFalse(lit(robot, "#edge-label-0-1-1"));
    }

    @Test
    void parallelCopyEdgesLabelsDoNotOverlap(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#edge-label-0-1-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node first = robot.lookup("#edge-label-0-1-0").query();
        Node second = robot.lookup("#edge-label-0-1-1").query();
        Bounds a = first.localToScene(first.getBoundsInLocal());
        Bounds b = second.localToScene(second.getBoundsInLocal());
        assertTrue(a.getHeight() > 0 && b.getHeight() > 0);
        assertFalse(a.intersects(b), a + " overlaps " + b);
    }

    @Test
    void theContextNodeMovesNoCard(FxRobot robot) throws TimeoutException {
        waitUntil(() -> text(robot, "#context-edge-0-0").contains("files"));
        Node build = robot.lookup("#stage-0").query();
        Node last = robot.lookup("#stage-1").query();
        List<Double> before = List.of(build.getLayoutX(), build.getLayoutY(), last.getLayoutX(), last.getLayoutY());
        String withoutContext = DOCKERFILE.replace("COPY app/ /src/", "RUN mkdir /src");
        robot.interact(() -> window.editor().replaceText(withoutContext));
        waitUntil(() -> robot.lookup("#build-context").tryQuery().isEmpty() && robot.lookup("#stage-1").tryQuery().isPresent());
        Node build2 = robot.lookup("#stage-0").query();
        Node last2 = robot.lookup("#stage-1").query();
        assertEquals(before, List.of(build2.getLayoutX(), build2.getLayoutY(), last2.getLayoutX(), last2.getLayoutY()));
    }

    @Test
    void anExampleFromTheGalleryCountsItsOwnFiles(FxRobot robot) throws TimeoutException {
        robot.interact(() -> window.openExample(new ExampleGallery.Example("node-nginx", "Node build, nginx serves", "")));
        // node-nginx line 7, the first COPY from the context into stage 0: COPY package.json package-lock.json ./
        waitUntil(() -> text(robot, "#context-edge-0-0").contains("files"));
        assertEquals("package.json package-lock.json \u2192 ./\n2 files, 327 B", text(robot, "#context-edge-0-0"));
    }

    @Test
    void theSvgExportDrawsWhatTheWindowShows(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#context-edge-0-0").contains("files"));
        Path svg = temp.resolve("graph-" + CASES.get() + ".svg");
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Path>> done =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> done.set(window.graphExport().svg(svg)));
        done.get().get(10, java.util.concurrent.TimeUnit.SECONDS);
        String drawn = Files.readString(svg);
        // Two bases, two parallel COPY --from edges, one context edge: five curves, as on screen.
        assertEquals(5, drawn.split("<path ", -1).length - 1, drawn);
        assertTrue(drawn.contains(">build context</text>"), "the build context node is drawn");
        assertTrue(drawn.contains(">2 files, 2.1 KB</text>"), "the context edge's label carries its count and bytes");
        assertTrue(drawn.contains("stroke=\"#b58900\""), "the context edge in its own colour");
    }

    @Test
    void aWideBundleDrawsItsFirstEdgesAndOneForTheRest(FxRobot robot) throws TimeoutException {
        StringBuilder many = new StringBuilder("FROM alpine\n");
        for (int i = 0; i < 20; i++) {
            many.append("COPY app/a.txt /a").append(i).append('\n');
        }
        robot.interact(() -> window.editor().replaceText(many.toString()));
        waitUntil(() -> robot.lookup("#more-edges-context-stage-0").tryQuery().isPresent());
        assertEquals("+15 more", text(robot, "#more-edges-context-stage-0"));
        assertEquals(GraphView.MAX_PARALLEL + 1, robot.lookup(".edge-context").queryAll().size(),
                "five context edges, the +15 edge, and the legend's sample");
    }
}
