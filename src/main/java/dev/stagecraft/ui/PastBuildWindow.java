package dev.stagecraft.ui;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.time.Duration;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * A build from the history whose text is not the editor's: shown in a window of its own, read-only,
 * with the text as it was built, its graph with the size bars and the files on each edge, and the
 * layer bars in the gutter. The main window's graph and gutter describe the editor's text; drawing a
 * past report of another text there would tie its stages and lines to the wrong instructions.
 */
final class PastBuildWindow {
    private PastBuildWindow() {
    }

    /** Opens the window beside {@code owner}, in the dark theme when {@code dark}. */
    static Stage show(Window owner, BuildRecord record, boolean dark) {
        Analysis analysis = DockerfileAnalyzer.analyze(record.dockerfileText());
        CodeArea text = new CodeArea(record.dockerfileText());
        text.setId("past-build-text");
        text.getStyleClass().add("dockerfile-editor");
        text.setEditable(false);
        DiagnosticGutter gutter = new DiagnosticGutter(text);
        BuildMarks marks = gutter.build();
        text.setParagraphGraphicFactory(gutter);
        text.setStyleSpans(0, Highlighting.of(analysis));
        GraphView graph = new GraphView(stage -> text.selectRange(stage.from().range().start(), stage.range().end()));
        graph.setId("past-build-graph");
        marks.startBuild(analysis);
        if (record.report() != null) {
            marks.showLayers(record.report());
        } else if (record.failedLine() != null) {
            // The gutter marks the failed step as the build did.
            int stage = 0;
            for (dev.stagecraft.stage.Stage s : analysis.stages()) {
                if (s.line() <= record.failedLine()) {
                    stage = s.index();
                }
            }
            marks.apply(new BuildEvent.StepChanged(stage, record.failedLine(), StepState.FAILED, Duration.ZERO, record.failure()));
        }
        Label title = new Label(describe(record));
        title.setId("past-build-title");
        title.setWrapText(true);
        title.getStyleClass().add("past-build-title");
        SplitPane sides = new SplitPane(new VirtualizedScrollPane<>(text), graph);
        sides.setOrientation(Orientation.HORIZONTAL);
        sides.setDividerPositions(0.4);
        BorderPane root = new BorderPane(sides);
        root.setTop(title);
        root.setId("past-build");
        root.getStyleClass().addAll("main-window", "past-build");
        Scene scene = new Scene(root, 1200, 720);
        scene.getStylesheets().add(StagecraftApp.stylesheet());
        if (dark) {
            scene.getStylesheets().add(StagecraftApp.darkStylesheet());
        }
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        graph.setOnEdgeClicked(details -> EdgeDetailsView.show(stage, details));
        stage.setTitle("Build of " + HistoryPanel.when(record.startedAt()) + " \u2014 " + record.dockerfile().getFileName()
                + " (read-only)");
        stage.setScene(scene);
        stage.show();
        // Drawn once the window has its styles, so that the cards are measured as they will look.
        graph.show(analysis);
        if (record.report() != null) {
            graph.showReport(record.report());
        }
        Platform.runLater(graph::fitToWindow);
        if (record.failedLine() != null && record.failedLine() <= text.getParagraphs().size()) {
            text.moveTo(record.failedLine() - 1, 0);
            text.showParagraphAtCenter(record.failedLine() - 1);
        }
        return stage;
    }

    /** One line over the text: when, what came out, and that this is not the editor's text. */
    static String describe(BuildRecord record) {
        String outcome = record.succeeded()
                ? "final image " + Sizes.human(record.finalSizeBytes())
                : "failed" + (record.failedLine() == null ? "" : " at line " + record.failedLine())
                        + (record.failure() == null ? "" : ": " + record.failure().lines().findFirst().orElse(""));
        return "A past build, read-only: " + HistoryPanel.when(record.startedAt()) + ", "
                + (record.builder() == BuilderKind.BUILDKIT ? "BuildKit" : "classic builder")
                + (record.target() == null ? "" : ", target " + record.target()) + ", " + outcome
                + ". The editor's text differs from the text built then.";
    }
}
