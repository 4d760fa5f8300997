package dev.stagecraft.ui;

import dev.stagecraft.explain.Explainer;
import dev.stagecraft.io.AtomicFiles;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.syntax.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.TwoDimensional;

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

    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<DocumentViewModel.Result<StyleSpans<Collection<String>>>> shown =
            new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty savedText = new SimpleStringProperty(this, "savedText");
    private final ExplainPanel explainPanel = new ExplainPanel();
    private final GraphExport export = new GraphExport(graph, this::shownAnalysis, status::setText);

    /** A window on a text that has no file yet (a bundled example). */
    public MainWindow(String text) {
        this(text, null);
    }

    /** A window on {@code text}, read from {@code path} (null when it has no file yet). */
    public MainWindow(String text, Path path) {
        getStyleClass().add("main-window");
        file.set(path);
        savedText.set(text);
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
        setTop(new VBox(menuBar(), toolbar));

        ZoomControls zoomControls = new ZoomControls(graph);
        StackPane.setAlignment(zoomControls, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(zoomControls, new Insets(0, 22, 22, 0));
        BorderPane graphSide = new BorderPane(new StackPane(graph, zoomControls));
        graphSide.setBottom(legend());
        SplitPane sides = new SplitPane(new VirtualizedScrollPane<>(editor), graphSide);
        sides.setDividerPositions(0.45);
        SplitPane bottom = new SplitPane(problemList, explainPanel);
        bottom.setDividerPositions(0.5);
        SplitPane main = new SplitPane(sides, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.74);
        setCenter(main);
        setBottom(status);

        model.resultProperty().addListener((obs, old, result) -> {
            if (result == null || !result.text().equals(editor.getText())) {
                return;
            }
            editor.setStyleSpans(0, result.extra());
            graph.show(result.analysis());
            updateTargets(result.analysis());
            shown.set(result);
            selectCardAtCaret();
            problems.setAll(result.analysis().diagnostics());
            status.setText(result.analysis().stages().size() + " stages, "
                    + Diagnostic.summary(result.analysis().diagnostics()));
        });
        editor.replaceText(text);
        editor.moveTo(0);
        editor.textProperty().addListener((obs, old, now) -> model.textChanged(now));
        editor.caretPositionProperty().addListener((obs, old, now) -> selectCardAtCaret());
        editor.caretPositionProperty().addListener((obs, old, now) -> explainAtCaret());
        shown.addListener((obs, old, now) -> explainAtCaret());
        dirty.bind(Bindings.createBooleanBinding(() -> !editor.getText().equals(savedText.get()), editor.textProperty(),
                savedText));
        title.bind(Bindings.createStringBinding(() -> (dirty.get() ? "\u2022 " : "")
                + (file.get() == null ? "Untitled example" : file.get().getFileName().toString()) + " \u2014 Stagecraft",
                dirty, file));
        // A shortcut never types a character (some platforms send Ctrl+S as a typed 's').
        addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, graph::zoomKeyPressed);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.S && file.get() != null) {
                save();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.SLASH) {
                toggleComment();
                e.consume();
            }
        });
        model.analyzeNow(text);
    }

    /** The analysis on screen (null until the first one is shown). */
    public ObservableValue<DocumentViewModel.Result<StyleSpans<Collection<String>>>> shownProperty() {
        return shown;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Saves to the window's file, atomically; the status bar says what happened. */
    public boolean save() {
        String text = editor.getText();
        try {
            AtomicFiles.write(file.get(), text);
            savedText.set(text);
            status.setText("Saved " + file.get());
            return true;
        } catch (IOException e) {
            status.setText("Could not save " + file.get() + ": " + e.getMessage() + " (your text is still here)");
            return false;
        }
    }

    /** Comments the selected lines out with "# ", or back in when all of them are comments. */
    public void toggleComment() {
        int first = editor.offsetToPosition(editor.getSelection().getStart(), TwoDimensional.Bias.Forward).getMajor();
        int last = editor.offsetToPosition(editor.getSelection().getEnd(), TwoDimensional.Bias.Backward).getMajor();
        boolean allComments = true;
        for (int p = first; p <= last; p++) {
            allComments &= editor.getParagraph(p).getText().stripLeading().startsWith("#");
        }
        for (int p = first; p <= last; p++) {
            String line = editor.getParagraph(p).getText();
            if (allComments) {
                int hash = line.indexOf('#');
                int end = hash + 1 < line.length() && line.charAt(hash + 1) == ' ' ? hash + 2 : hash + 1;
                editor.deleteText(p, hash, p, end);
            } else {
                editor.insertText(p, 0, "# ");
            }
        }
    }

    public CodeArea editor() {
        return editor;
    }

    /** The named stages can be targets (BuildKit targets stages by name). */
    private void updateTargets(Analysis analysis) {
        List<String> names = new ArrayList<>();
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
            Line line = new Line(0, 0, 28, 0);
            line.getStyleClass().addAll("edge", "edge-" + kind);
            Label label = new Label(kind.equals("base") ? "FROM (built on)" : kind.equals("copy") ? "COPY --from"
                    : "RUN --mount from=");
            HBox item = new HBox(6, line, label);
            item.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(item);
        }
        return legend;
    }

    private MenuBar menuBar() {
        MenuBar bar = new MenuBar(fileMenu(), editMenu(), viewMenu());
        bar.setId("menu-bar");
        return bar;
    }

    /** File: examples now; open, save as and recent files join it. */
    private Menu fileMenu() {
        Menu fileMenu = new Menu("File", null, examplesMenu());
        fileMenu.setId("file-menu");
        return fileMenu;
    }

    /** Edit: the editor's commands. */
    private Menu editMenu() {
        MenuItem comment = new MenuItem("Toggle comment\tCtrl+/");
        comment.setId("toggle-comment");
        comment.setOnAction(e -> toggleComment());
        Menu edit = new Menu("Edit", null, comment);
        edit.setId("edit-menu");
        return edit;
    }

    /** View: how the graph and the window look. */
    private Menu viewMenu() {
        Menu view = new Menu("View");
        view.setId("view-menu");
        view.getItems().addAll(GraphMenu.items(graph, export));
        return view;
    }

    private Menu examplesMenu() {
        Menu examples = new Menu("Examples");
        examples.setId("examples-menu");
        try {
            for (ExampleGallery.Example example : ExampleGallery.examples()) {
                Label title = new Label(example.title());
                title.getStyleClass().add("example-title");
                Label summary = new Label(example.summary());
                summary.getStyleClass().add("example-summary");
                CustomMenuItem item = new CustomMenuItem(new VBox(1, title, summary));
                item.setId("example-" + example.slug());
                item.setOnAction(e -> openExample(example));
                examples.getItems().add(item);
            }
        } catch (IOException e) {
            examples.getItems().add(new MenuItem("Examples unavailable: " + e.getMessage()));
        }
        return examples;
    }

    /** Shows an example in this window; unsaved changes are kept unless the user lets them go. */
    public void openExample(ExampleGallery.Example example) {
        if (dirty.get() && !confirm("Open the example '" + example.title() + "' and discard your unsaved changes?")) {
            return;
        }
        try {
            String text = example.dockerfile();
            file.set(null);
            savedText.set(text);
            editor.replaceText(text);
            editor.moveTo(0);
            model.analyzeNow(text);
            status.setText("Example: " + example.title() + ": " + example.summary());
        } catch (IOException e) {
            status.setText("Could not open the example: " + e.getMessage());
        }
    }

    /** Asks before unsaved changes are lost; true when the user lets them go. */
    static boolean confirm(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                question, ButtonType.CANCEL, ButtonType.OK);
        alert.setHeaderText("Unsaved changes");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** Lights the card of the stage the caret is in (two-way selection with card clicks). */
    private void selectCardAtCaret() {
        DocumentViewModel.Result<?> result = shown.get();
        if (result == null || !result.text().equals(editor.getText())) {
            return;
        }
        int caret = editor.getCaretPosition();
        int index = -1;
        for (Stage s : result.analysis().stages()) {
            if (caret >= s.range().start() && caret <= s.range().end()) {
                index = s.index();
            }
        }
        graph.select(index);
    }

    /** Explains the instruction or stage under the caret, for the analysis on screen. */
    private void explainAtCaret() {
        DocumentViewModel.Result<?> result = shown.get();
        if (result != null && result.text().equals(editor.getText())) {
            explainPanel.show(Explainer.explain(result.analysis(), editor.getCaretPosition()));
        }
    }

    private Analysis shownAnalysis() {
        DocumentViewModel.Result<?> result = shown.get();
        return result == null ? null : result.analysis();
    }

    GraphView graph() {
        return graph;
    }

    GraphExport graphExport() {
        return export;
    }

    ExplainPanel explainPanel() {
        return explainPanel;
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
