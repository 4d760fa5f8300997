package dev.stagecraft.ui;

import dev.stagecraft.stage.Stage;
import dev.stagecraft.syntax.Diagnostic;
import java.util.Collection;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The main window's content: the Dockerfile editor beside its live stage graph, the problems
 * below. Typing re-analyses after a quiet period; clicking a card or a problem selects its text.
 */
public final class MainWindow extends BorderPane implements AutoCloseable {
    static final long QUIET_MILLIS = 150;

    private final CodeArea editor = new CodeArea();
    private final GraphView graph = new GraphView(this::selectStage);
    private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
    private final ListView<Diagnostic> problemList = new ListView<>(problems);
    private final Label status = new Label();
    private final ComboBox<String> target = new ComboBox<>();
    private static final String LAST_STAGE = "(last stage)";
    private final DocumentViewModel<StyleSpans<Collection<String>>> model =
            new DocumentViewModel<>(QUIET_MILLIS, Highlighting::of);

    public MainWindow(String text) {
        getStyleClass().add("main-window");
        editor.setId("editor");
        editor.getStyleClass().add("dockerfile-editor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        problemList.setId("problems");
        problemList.setPrefHeight(140);
        problemList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Diagnostic d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeAll("problem-error", "problem-warning", "problem-info");
                if (empty || d == null) {
                    setText(null);
                    return;
                }
                setText(d.position() + "  " + d.message() + "  [" + d.id() + "]");
                getStyleClass().add("problem-" + d.severity().label());
            }
        });
        problemList.setOnMouseClicked(e -> {
            Diagnostic d = problemList.getSelectionModel().getSelectedItem();
            if (d != null && d.range() != null) {
                select(d.range().start(), d.range().end());
            }
        });
        status.setId("status");
        status.getStyleClass().add("status-bar");

        target.setId("target");
        target.getItems().setAll(LAST_STAGE);
        target.setValue(LAST_STAGE);
        target.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(old)) {
                model.setTarget(LAST_STAGE.equals(now) ? null : now);
                model.analyzeNow(editor.getText());
            }
        });
        Label targetLabel = new Label("Target:");
        HBox toolbar = new HBox(8, targetLabel, target);
        toolbar.getStyleClass().add("tool-bar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        setTop(toolbar);

        BorderPane graphSide = new BorderPane(graph);
        graphSide.setBottom(legend());
        SplitPane sides = new SplitPane(new VirtualizedScrollPane<>(editor), graphSide);
        sides.setDividerPositions(0.45);
        SplitPane main = new SplitPane(sides, problemList);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.8);
        setCenter(main);
        setBottom(status);

        model.resultProperty().addListener((obs, old, result) -> {
            if (result == null || !result.text().equals(editor.getText())) {
                return;
            }
            editor.setStyleSpans(0, result.extra());
            graph.show(result.analysis());
            updateTargets(result.analysis());
            problems.setAll(result.analysis().diagnostics());
            status.setText(result.analysis().stages().size() + " stages, "
                    + Diagnostic.summary(result.analysis().diagnostics()));
        });
        editor.replaceText(text);
        editor.moveTo(0);
        editor.textProperty().addListener((obs, old, now) -> model.textChanged(now));
        model.analyzeNow(text);
    }

    public CodeArea editor() {
        return editor;
    }

    /** The named stages can be targets (BuildKit targets stages by name). */
    private void updateTargets(dev.stagecraft.stage.Analysis analysis) {
        java.util.List<String> names = new java.util.ArrayList<>();
        names.add(LAST_STAGE);
        for (Stage s : analysis.stages()) {
            if (s.name() != null && !names.contains(s.name())) {
                names.add(s.name());
            }
        }
        if (!names.equals(target.getItems())) {
            String chosen = target.getValue();
            target.getItems().setAll(names);
            target.setValue(names.contains(chosen) ? chosen : LAST_STAGE);
        }
    }

    private static HBox legend() {
        HBox legend = new HBox(14);
        legend.getStyleClass().add("graph-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        for (String kind : new String[] {"base", "copy", "mount"}) {
            javafx.scene.shape.Line line = new javafx.scene.shape.Line(0, 0, 28, 0);
            line.getStyleClass().addAll("edge", "edge-" + kind);
            Label label = new Label(kind.equals("base") ? "FROM (built on)" : kind.equals("copy") ? "COPY --from"
                    : "RUN --mount from=");
            HBox item = new HBox(6, line, label);
            item.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(item);
        }
        return legend;
    }

    private void selectStage(Stage stage) {
        select(stage.from().range().start(), stage.range().end());
    }

    private void select(int start, int end) {
        int length = editor.getLength();
        editor.selectRange(Math.min(start, length), Math.min(end, length));
        editor.requestFollowCaret();
        editor.requestFocus();
    }

    @Override
    public void close() {
        model.close();
    }
}
