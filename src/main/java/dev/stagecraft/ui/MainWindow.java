package dev.stagecraft.ui;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.EngineEndpoints;
import dev.stagecraft.engine.docker.DockerBuildEngine;
import dev.stagecraft.explain.Explainer;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.io.AtomicFiles;
import dev.stagecraft.io.FileChangePoller;
import dev.stagecraft.io.FileStamp;
import dev.stagecraft.io.LineEnding;
import dev.stagecraft.io.TextFile;
import dev.stagecraft.io.UnreadableFileException;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.userdata.RecoveryCopy;
import dev.stagecraft.userdata.UserData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.TwoDimensional;

/**
 * The main window's content: the Dockerfile editor beside its live stage graph, the problems
 * below. Typing re-analyses after a quiet period; clicking a card or a problem selects its text.
 */
public final class MainWindow extends BorderPane implements AutoCloseable {
    static final long QUIET_MILLIS = 150;

    private final CodeArea editor = new CodeArea();
    private final FindReplaceBar findBar = new FindReplaceBar(editor);
    private final EditorStyles editorStyles = new EditorStyles(editor);
    private final DiagnosticGutter gutter = new DiagnosticGutter(editor);
    private final DiagnosticHover hover = new DiagnosticHover(editor);
    private final BuildMarks buildMarks = gutter.build();
    private final TabStops tabStops = new TabStops(editor);
    private final GraphView graph = new GraphView(this::selectStage);
    private final BuildContextService buildContext = new BuildContextService();
    private final ProblemList problems = new ProblemList(range -> select(range.start(), range.end()));
    private final Label status = new Label();
    private final ComboBox<String> target = new ComboBox<>();
    private static final String LAST_STAGE = "(last stage)";
    private final DocumentViewModel<PreparedView> model = new DocumentViewModel<>(QUIET_MILLIS, PreparedView::of);

    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<DocumentViewModel.Result<PreparedView>> shown =
            new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty savedText = new SimpleStringProperty(this, "savedText");
    /** The editor's text, changed only when the text changes (see where it is set). */
    private final StringProperty editorText = new SimpleStringProperty(this, "editorText", "");
    /** The folder of the example shown, when no file is: its files are the example's build context. */
    private Path exampleFolder;
    private final QuickFixMenu quickFixes = new QuickFixMenu(editor, this::currentAnalysis, status::setText);
    private final CompletionPopup completions = new CompletionPopup(editor, this::currentAnalysis);
    private final StageRenameDialog stageRename = new StageRenameDialog(editor, this::currentAnalysis, status::setText);

    // The open file's format (line ending, BOM) and its stamp on disk when last read or saved.
    private TextFile format;
    private FileStamp diskStamp = FileStamp.MISSING;
    private final Label fileStatus = new Label();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private Predicate<Question> asker = Question::askInDialog;
    private FilePicker picker = FilePicker.system();
    private UserData userData = UserData.inMemory();
    private RecoveryKeeper recovery;
    private Runnable onQuit = () -> getScene().getWindow().hide();
    private final ExecutorService fileIo = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stagecraft-file-io");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService engineWork = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stagecraft-engine");
        t.setDaemon(true);
        return t;
    });
    private final EngineStatus engineStatus = new EngineStatus(EngineEndpoints::resolve, DockerBuildEngine::new,
            engineWork);
    private final EditorBuildViews buildViews = new EditorBuildViews(editor, graph, buildMarks, this::caretToLine);
    private final HistoryRecorder history = new HistoryRecorder(this::historyNotice, p -> this.historyPanel.recorded(p));
    private final HistoryRecording historyRecording = new HistoryRecording(history, file::get,
            () -> engineStatus.infoProperty().get(), this::historyNotice);
    private final BuildWorkspace builds = new BuildWorkspace(engineStatus, engineWork, editor::getText,
            this::contextDockerfile, q -> asker.test(q), BuildController.Views.both(buildViews, historyRecording), Map.of());
    private final CompareCommands compare = new CompareCommands(engineStatus, engineWork, editor::getText,
            this::contextDockerfile, () -> builds.settingsPanel().settingsProperty().get(), builds.statusLine(), () -> picker,
            Map.of());
    /** Two builds from the history tab, compared: shown in the comparison window unless a test listens instead. */
    private Consumer<BuildComparison> onCompare = comparison -> compare.show(comparison, contextDockerfile() == null ? null
            : contextDockerfile().toAbsolutePath().getParent());
    private final HistoryPanel historyPanel = new HistoryPanel(history, this::reopenBuild, c -> onCompare.accept(c));
    private final ScrollPane buildSettingsPane = new ScrollPane();
    private final SplitPane sides = new SplitPane();
    private final FileChangePoller poller = new FileChangePoller(Duration.ofSeconds(1),
            (path, stamp) -> Platform.runLater(() -> changedOnDisk(path, stamp)));
    private final ExplainPanel explainPanel = new ExplainPanel();
    private final GraphExport export = new GraphExport(graph, this::shownAnalysis, status::setText);

    /** A window on a text that has no file yet (a bundled example). */
    public MainWindow(String text) {
        this(text, null);
    }

    /** A window on {@code text}, read from {@code path} (null when it has no file yet). */
    public MainWindow(String text, Path path) {
        this(TextFile.of(text), path);
    }

    /** A window on a file's content as read by {@link TextFile#read}; saving keeps its format. */
    public MainWindow(TextFile content, Path path) {
        getStyleClass().add("main-window");
        String text = content.text();
        format = content;
        file.set(path);
        savedText.set(text);
        editor.setId("editor");
        editor.getStyleClass().add("dockerfile-editor");
        editor.setParagraphGraphicFactory(gutter);
        hover.addSource(buildMarks::errorAt);
        new CurrentLineHighlight(editor);
        quickFixes.install(problems.view(), problems::selected, () -> shown.get() == null ? null : shown.get().analysis());
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

        graph.setOnEdgeClicked(details -> EdgeDetailsView.show(getScene() == null ? null : getScene().getWindow(), details));
        ZoomControls zoomControls = new ZoomControls(graph);
        StackPane.setAlignment(zoomControls, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(zoomControls, new Insets(0, 22, 22, 0));
        BorderPane graphSide = new BorderPane(new StackPane(graph, zoomControls));
        graphSide.setBottom(legend());
        BorderPane editorSide = new BorderPane(new VirtualizedScrollPane<>(editor));
        editorSide.setTop(findBar);
        buildSettingsPane.setContent(builds.settingsPanel());
        buildSettingsPane.setId("build-settings-pane");
        buildSettingsPane.setFitToWidth(true);
        buildSettingsPane.setMinWidth(300);
        sides.getItems().setAll(editorSide, buildSettingsPane, graphSide);
        sides.setId("editor-graph-split");
        sides.setDividerPositions(0.36, 0.6);
        Tab problemsTab = new Tab("Problems", problems.view());
        problemsTab.setId("problems-tab");
        Tab logTab = new Tab("Build log");
        logTab.setId("build-log-tab");
        contentOnFirstSelection(logTab, builds.logPanel());
        Tab historyTab = new Tab("History");
        historyTab.setId("history-tab");
        contentOnFirstSelection(historyTab, historyPanel);
        TabPane lists = new TabPane(problemsTab, logTab, historyTab);
        lists.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        builds.controller().buildingProperty().addListener((obs, was, building) -> {
            if (building) {
                lists.getSelectionModel().select(logTab);
            }
        });
        builds.logPanel().setOnDockerfileLine(line -> select(lineStart(line), lineStart(line)));
        SplitPane bottom = new SplitPane(lists, explainPanel);
        bottom.setDividerPositions(0.5);
        SplitPane main = new SplitPane(sides, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setId("main-split");
        main.setDividerPositions(0.74);
        setCenter(main);
        fileStatus.setId("file-status");
        fileStatus.getStyleClass().add("status-bar");
        Region statusGap = new Region();
        HBox.setHgrow(statusGap, Priority.ALWAYS);
        setBottom(new HBox(status, fileStatus, builds.statusLine(), statusGap, engineStatus.view()));
        // The engine is asked once the first analysis is on screen: connecting loads docker-java and
        // its JSON and HTTP libraries (about 1,400 classes), which on two cores would delay the window.
        shown.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends DocumentViewModel.Result<PreparedView>> obs,
                                DocumentViewModel.Result<PreparedView> old, DocumentViewModel.Result<PreparedView> now) {
                if (now != null) {
                    shown.removeListener(this);
                    engineStatus.check();
                }
            }
        });

        model.resultProperty().addListener((obs, old, result) -> {
            if (result == null || !result.text().equals(editorText.get())) {
                return;
            }
            editorStyles.apply(result.text(), findBar.decorate(result.extra().styles()));
            gutter.show(result.analysis().diagnostics());
            buildMarks.reanchor(result.analysis());
            hover.show(result.text(), result.analysis().diagnostics());
            graph.show(result.analysis(), result.extra().cells(), result.extra().contextCopies());
            buildContext.request(contextDockerfile(), result.analysis(), graph.contextCopies(), graph::showContext);
            updateTargets(result.analysis());
            builds.analysisShown(result.analysis(), contextDockerfile());
            shown.set(result);
            // The text was checked above: asking the editor again would join its lines once more, the
            // highlighting just set having invalidated the text it keeps.
            followCaret(result.analysis());
            problems.show(result.analysis());
            status.setText(result.analysis().stages().size() + " stages, "
                    + Diagnostic.summary(result.analysis().diagnostics()));
        });
        editor.replaceText(text);
        editor.moveTo(0);
        // Undo starts from the opened text, never back to an empty editor.
        editor.getUndoManager().forgetHistory();
        // The text as it changes, and only when it changes: the editor's own text property is
        // invalidated by every style change too, and each listener on it made the editor join its
        // 1,000 lines again after each highlighting and each caret move (the current line's style).
        editorText.set(editor.getText());
        editor.plainTextChanges().subscribe(change -> editorText.set(editor.getText()));
        editorText.addListener((obs, old, now) -> model.textChanged(now));
        editorText.addListener((obs, old, now) -> builds.textEdited());
        editorText.addListener((obs, old, now) -> buildViews.textEdited());
        syncTargets();
        file.addListener((obs, old, now) -> historyShows(now));
        editor.caretPositionProperty().addListener((obs, old, now) -> followCaret());
        dirty.bind(Bindings.createBooleanBinding(() -> !editorText.get().equals(savedText.get()), editorText, savedText));
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
            if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.S) {
                saveAs();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                save();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.O) {
                open();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.SLASH) {
                toggleComment();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.PERIOD) {
                quickFixes.show();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.SPACE) {
                completions.show();
                e.consume();
            } else if (e.getCode() == KeyCode.F2 && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                stageRename.renameAtCaret();
                e.consume();
            }
        });
        findBar.installShortcuts(this);
        findBar.setOnRestyled(editorStyles::forget);
        GoToLineDialog.installShortcut(this, editor);
        FileDrop.install(this, this::open);
        ThemeSwitch.follow(this, darkTheme);
        diskStamp = path == null ? FileStamp.MISSING : FileStamp.of(path);
        watch();
        model.analyzeNow(text);
    }

    /** The analysis on screen (null until the first one is shown). */
    public ObservableValue<DocumentViewModel.Result<PreparedView>> shownProperty() {
        return shown;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * Saves to the window's file, atomically, with the line ending and BOM it was read with; a
     * window without a file asks where (Save As). The status bar says what happened. Synchronous:
     * a close or an open that waits for the save must know it succeeded, and a Dockerfile is small.
     */
    public boolean save() {
        if (file.get() == null) {
            return saveAs();
        }
        String text = editor.getText();
        try {
            AtomicFiles.write(file.get(), format.withText(text).encode());
            savedText.set(text);
            // Our own save is not an external change: remember the stamp it left.
            diskStamp = FileStamp.of(file.get());
            watch();
            userData.recentFiles().add(file.get());
            saveSettingsLater();
            if (recovery != null) {
                recovery.forget(file.get());
            }
            fileStatus.setText("Saved " + file.get());
            builds.saved();
            return true;
        } catch (IOException e) {
            fileStatus.setText("Could not save " + file.get() + ": " + e.getMessage() + " (your text is still here)");
            return false;
        }
    }

    /** Asks for a file and saves there; false when cancelled or failed. */
    public boolean saveAs() {
        Path chosen = picker.pickToSave(getScene() == null ? null : getScene().getWindow(), file.get());
        return chosen != null && saveAs(chosen);
    }

    /** Saves to {@code target}, which becomes the window's file; on failure the old one stays. */
    public boolean saveAs(Path target) {
        Path old = file.get();
        file.set(target);
        if (!save()) {
            file.set(old);
            watch();
            return false;
        }
        if (recovery != null && old != null && !old.equals(target)) {
            recovery.forget(old);
        }
        return true;
    }

    /** Asks for a file and opens it. */
    public void open() {
        Path chosen = picker.pickToOpen(getScene() == null ? null : getScene().getWindow(), file.get());
        if (chosen != null) {
            open(chosen);
        }
    }

    /**
     * Opens {@code path} in this window after asking about unsaved changes. Reads off the FX thread;
     * a file that cannot be opened leaves the editor as it was and says why.
     */
    public void open(Path path) {
        if (!confirmDiscard("Open " + path.getFileName() + " and discard your unsaved changes?")) {
            return;
        }
        fileStatus.setText("Opening " + path + "…");
        readOffThread(path, content -> load(path, content));
    }

    private void readOffThread(Path path, Consumer<TextFile> then) {
        try {
            fileIo.execute(() -> {
                try {
                    TextFile content = TextFile.read(path);
                    Platform.runLater(() -> then.accept(content));
                } catch (UnreadableFileException e) {
                    Platform.runLater(() -> fileStatus.setText(e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            // The window is closing.
        }
    }

    /** Shows {@code content} as the clean text of {@code path}. */
    void load(Path path, TextFile content) {
        Path old = file.get();
        if (recovery != null && dirty.get()) {
            recovery.forget(old);
        }
        file.set(path);
        format = content;
        savedText.set(content.text());
        forgetBuild();
        editor.replaceText(content.text());
        editor.moveTo(0);
        diskStamp = FileStamp.of(path);
        watch();
        model.analyzeNow(content.text());
        userData.recentFiles().add(path);
        saveSettingsLater();
        fileStatus.setText(content.malformed()
                ? path.getFileName() + " is not valid UTF-8: unreadable bytes are shown as \uFFFD and saving replaces them"
                : "Opened " + path);
    }

    /**
     * Puts a recovery copy's text in the window, dirty, with its original file (whose format is
     * kept when it can still be read).
     */
    public void restore(RecoveryCopy copy) {
        Path original = copy.original();
        TextFile onDisk = null;
        if (original != null) {
            try {
                onDisk = TextFile.read(original);
            } catch (UnreadableFileException e) {
                onDisk = null;
            }
        }
        file.set(original);
        format = onDisk == null ? TextFile.of(copy.text()) : onDisk;
        savedText.set(onDisk == null ? null : onDisk.text());
        diskStamp = original == null ? FileStamp.MISSING : FileStamp.of(original);
        watch();
        forgetBuild();
        editor.replaceText(LineEnding.toLf(copy.text()));
        editor.moveTo(0);
        model.analyzeNow(editor.getText());
        fileStatus.setText("Restored unsaved text of " + copy.displayName() + " from " + copy.written());
    }

    /** Looks at the open file on disk now (the window regained focus). */
    public void checkDiskNow() {
        poller.checkNow();
    }

    private void watch() {
        poller.watch(file.get(), diskStamp);
    }

    /** The poller saw {@code path} change: reload a clean buffer, ask for a dirty one. */
    private void changedOnDisk(Path path, FileStamp now) {
        if (!path.equals(file.get()) || now.equals(diskStamp)) {
            return;
        }
        diskStamp = now;
        if (!now.exists()) {
            savedText.set(null);
            fileStatus.setText(path.getFileName() + " was deleted or moved on disk; your text is kept: save to write it again");
            return;
        }
        readOffThread(path, content -> {
            // Another program may still be writing: read again when the file has settled.
            if (FileStamp.of(path).equals(now)) {
                reloadFrom(path, content);
            }
        });
    }

    private void reloadFrom(Path path, TextFile content) {
        if (!path.equals(file.get()) || content.text().equals(savedText.get())) {
            return;
        }
        if (dirty.get() && !asker.test(new Question("Changed on disk", path.getFileName()
                + " was changed by another program. Reload it and lose your edits, or keep your text?",
                "Reload", "Keep my text"))) {
            savedText.set(content.text());
            fileStatus.setText("Kept your text; " + path.getFileName() + " on disk differs from it");
            return;
        }
        int caret = editor.getCaretPosition();
        format = content;
        savedText.set(content.text());
        forgetBuild();
        editor.replaceText(content.text());
        editor.moveTo(Math.min(caret, editor.getLength()));
        editor.requestFollowCaret();
        model.analyzeNow(content.text());
        fileStatus.setText("Reloaded " + path.getFileName() + ": it was changed on disk");
    }

    /**
     * Gives the window the user's data: recent files and recovery copies. Until then it remembers
     * nothing (tests and screenshots).
     */
    public void attach(UserData data) {
        userData = data;
        data.recovery().ifPresent(store -> recovery = new RecoveryKeeper(store,
                () -> dirty.get() ? new RecoveryKeeper.Unsaved(file.get(), editor.getText()) : null, fileStatus::setText));
    }

    /** Who answers the window's questions (a dialog unless a test answers). */
    public void setAsker(Predicate<Question> asker) {
        this.asker = asker;
    }

    public void setFilePicker(FilePicker picker) {
        this.picker = picker;
    }

    /** What File > Quit does (the application closes the stage through its close guard). */
    public void setOnQuit(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    /** True when there is nothing unsaved, or the user lets it go. */
    public boolean confirmDiscard(String question) {
        return !dirty.get() || asker.test(new Question("Unsaved changes", question, "Discard changes", "Cancel"));
    }

    /** The window closes on purpose: its recovery copy goes (the user saved or let the edits go). */
    public void closedCleanly() {
        if (recovery != null) {
            recovery.forget(file.get());
            recovery.close();
            recovery = null;
        }
    }

    private void saveSettingsLater() {
        try {
            fileIo.execute(() -> {
                try {
                    userData.settings().save();
                } catch (IOException e) {
                    Platform.runLater(() -> fileStatus.setText("Could not save settings: " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing: the application saves the settings itself.
        }
    }

    /** A message about the file (opening, saving, changes on disk) in the status bar. */
    public void showFileStatus(String message) {
        fileStatus.setText(message);
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public UserData userData() {
        return userData;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
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

    /** Renames the stage named at {@code offset} and its references; returns the refusal, or null when done. */
    public String renameStage(int offset, String newName) {
        return stageRename.rename(currentAnalysis(), offset, newName);
    }

    /**
     * The analysis of the editor's text as it is now: the one on screen, or, when typing has moved on
     * since, a fresh one (an action answers a keystroke, and a Dockerfile analyses in milliseconds).
     */
    private Analysis currentAnalysis() {
        DocumentViewModel.Result<?> result = shown.get();
        String text = editor.getText();
        return result != null && result.text().equals(text) ? result.analysis() : DockerfileAnalyzer.analyze(text);
    }

    /** The toolbar's target and the build settings' target are one choice. */
    private void syncTargets() {
        target.valueProperty().addListener((obs, old, now) -> {
            List<String> stages = builds.settingsPanel().model().targets();
            String label = now == null || LAST_STAGE.equals(now)
                    ? (stages.isEmpty() ? null : stages.get(stages.size() - 1)) : now;
            if (label != null && stages.contains(label)
                    && !label.equals(builds.settingsPanel().model().targetProperty().get())) {
                builds.settingsPanel().model().targetProperty().set(label);
            }
        });
        builds.settingsPanel().model().targetProperty().addListener((obs, old, label) -> {
            List<String> stages = builds.settingsPanel().model().targets();
            boolean last = label != null && !stages.isEmpty() && label.equals(stages.get(stages.size() - 1));
            String value = last ? LAST_STAGE : label;
            if (value != null && target.getItems().contains(value) && !value.equals(target.getValue())) {
                target.setValue(value);
            }
        });
    }

    /**
     * Keeps every build of this window in the history under {@code dataFolder} and lists the open
     * file's builds in the History tab. Until then the window keeps none (tests, screenshots).
     */
    public void keepHistoryIn(Path dataFolder) {
        history.useDataFolder(dataFolder);
        historyShows(file.get());
    }

    /** Who receives a comparison of two builds picked in the History tab (FX thread). */
    public void setOnCompare(Consumer<BuildComparison> onCompare) {
        this.onCompare = onCompare;
    }

    HistoryPanel historyPanel() {
        return historyPanel;
    }

    /** Another file is shown: open its history in the background now, so that the tab lists it at once. */
    private void historyShows(Path now) {
        history.prepare(now);
        historyPanel.show(now);
    }

    /** A history problem, or why a build is not kept: said after the build's own outcome. */
    private void historyNotice(String sentence) {
        Label line = builds.statusLine();
        line.setText(line.getText() == null || line.getText().isEmpty() ? sentence : line.getText() + "  \u2014  " + sentence);
    }

    /**
     * Shows a build from the history: in this window when it built exactly the editor's text, else in
     * a read-only window of its own (see {@link PastBuildWindow}).
     */
    private void reopenBuild(BuildRecord record) {
        if (!record.dockerfileText().equals(editor.getText())) {
            PastBuildWindow.show(getScene() == null ? null : getScene().getWindow(), record, darkTheme.get());
            return;
        }
        String when = HistoryPanel.when(record.startedAt());
        if (record.report() != null) {
            buildViews.showPast(record.dockerfileText(), record.report());
            builds.statusLine().setText("Showing the build of " + when + ": final image " + Sizes.human(record.finalSizeBytes()));
        } else {
            builds.statusLine().setText("The build of " + when + " failed" + (record.failure() == null ? ""
                    : ": " + record.failure().lines().findFirst().orElse("")));
            if (record.failedLine() != null) {
                caretToLine(record.failedLine());
            }
        }
    }

    private void forgetBuild() {
        buildViews.forget();
    }

    /** Puts the caret at the start of 1-based {@code line} and shows it. */
    private void caretToLine(int line) {
        int start = lineStart(line);
        select(start, start);
        editor.showParagraphAtCenter(line - 1);
    }

    /** Offset where 1-based {@code line} starts (the text's end when there is no such line). */
    private int lineStart(int line) {
        int paragraph = Math.max(0, Math.min(line - 1, editor.getParagraphs().size() - 1));
        return editor.getAbsolutePosition(paragraph, 0);
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

    /** The kinds of edge, each named in full: on a narrow graph side the entries wrap to a second row. */
    private static FlowPane legend() {
        FlowPane legend = new FlowPane(14, 2);
        legend.getStyleClass().add("graph-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        for (String kind : new String[] {"base", "copy", "mount", "context"}) {
            Line line = new Line(0, 0, 28, 0);
            line.getStyleClass().addAll("edge", "edge-" + kind);
            Label label = new Label(kind.equals("base") ? "FROM (built on)" : kind.equals("copy") ? "COPY --from"
                    : kind.equals("mount") ? "RUN --mount from=" : "COPY/ADD from the build context");
            HBox item = new HBox(6, line, label);
            item.setAlignment(Pos.CENTER_LEFT);
            item.setMinWidth(Region.USE_PREF_SIZE);
            legend.getChildren().add(item);
        }
        return legend;
    }

    private MenuBar menuBar() {
        Menu build = builds.menu();
        build.getItems().addAll(compare.menuItems());
        MenuBar bar = new MenuBar(fileMenu(), editMenu(), viewMenu(), build);
        bar.setId("menu-bar");
        return bar;
    }

    /** File: open, recent files, examples, save, save as, quit. */
    private Menu fileMenu() {
        FileCommands commands = new FileCommands(this);
        Menu fileMenu = new Menu("File", null, commands.openItem(), commands.recentMenu(), examplesMenu(),
                new SeparatorMenuItem(), commands.saveItem(), commands.saveAsItem(), new SeparatorMenuItem(),
                commands.quitItem(() -> onQuit.run()));
        fileMenu.setId("file-menu");
        return fileMenu;
    }

    /** Edit: the editor's commands. */
    private Menu editMenu() {
        MenuItem comment = new MenuItem("Toggle comment\tCtrl+/");
        comment.setId("toggle-comment");
        comment.setOnAction(e -> toggleComment());
        MenuItem undo = new MenuItem("Undo\tCtrl+Z");
        undo.setId("undo");
        undo.setOnAction(e -> editor.undo());
        MenuItem redo = new MenuItem("Redo\tCtrl+Y");
        redo.setId("redo");
        redo.setOnAction(e -> editor.redo());
        MenuItem find = new MenuItem("Find\tCtrl+F");
        find.setId("find");
        find.setOnAction(e -> findBar.openFind());
        MenuItem replace = new MenuItem("Replace\tCtrl+H");
        replace.setId("replace");
        replace.setOnAction(e -> findBar.openReplace());
        MenuItem goToLine = new MenuItem("Go to line\u2026\tCtrl+L");
        goToLine.setId("go-to-line-item");
        goToLine.setOnAction(e -> GoToLineDialog.show(editor));
        MenuItem rename = new MenuItem("Rename stage\u2026\tF2");
        rename.setId("rename-stage");
        rename.setOnAction(e -> stageRename.renameAtCaret());
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), find, replace, goToLine,
                new SeparatorMenuItem(), comment, rename);
        edit.setId("edit-menu");
        return edit;
    }

    /** View: how the graph and the window look. */
    private Menu viewMenu() {
        MenuItem rescan = new MenuItem("Rescan build context");
        rescan.setId("rescan-context");
        rescan.setOnAction(e -> {
            buildContext.rescan();
            model.analyzeNow(editor.getText());
        });
        CheckMenuItem settingsShown = new CheckMenuItem("Build settings");
        settingsShown.setId("show-build-settings");
        settingsShown.setSelected(true);
        settingsShown.selectedProperty().addListener((obs, was, shown) -> {
            if (shown && !sides.getItems().contains(buildSettingsPane)) {
                sides.getItems().add(1, buildSettingsPane);
                sides.setDividerPositions(0.36, 0.6);
            } else if (!shown) {
                sides.getItems().remove(buildSettingsPane);
            }
        });
        Menu view = new Menu("View", null, ThemeSwitch.menuItem(darkTheme), settingsShown, new SeparatorMenuItem(),
                tabStops.menu(), new SeparatorMenuItem(), rescan);
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
            examples.getItems().addAll(new SeparatorMenuItem(), compare.galleryItem(this::openExample));
        } catch (IOException e) {
            examples.getItems().add(new MenuItem("Examples unavailable: " + e.getMessage()));
        }
        return examples;
    }

    /** Where an example's files are on disk, for its build context; null (and said) when they can't be had. */
    private Path exampleFolder(ExampleGallery.Example example) {
        try {
            return example.folder();
        } catch (IOException e) {
            status.setText("The example's files are unavailable: " + e.getMessage());
            return null;
        }
    }

    /**
     * Puts {@code content} into {@code tab} when the tab is first selected. A tab pane styles and
     * lays out the content of every tab, shown or not; the panels behind the other tabs keep
     * working (the log still collects lines) while they are out of the scene, and the window
     * starts sooner.
     */
    private static void contentOnFirstSelection(Tab tab, Node content) {
        tab.selectedProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable selected) {
                if (tab.isSelected()) {
                    tab.setContent(content);
                    tab.selectedProperty().removeListener(this);
                }
            }
        });
    }

    /**
     * The Dockerfile whose folder is the build context: the open file, or for an example without one,
     * the example's own folder.
     */
    private Path contextDockerfile() {
        if (file.get() != null) {
            return file.get();
        }
        return exampleFolder == null ? null : exampleFolder.resolve("Dockerfile");
    }

    /** Shows an example in this window; unsaved changes are kept unless the user lets them go. */
    public void openExample(ExampleGallery.Example example) {
        if (!confirmDiscard("Open the example '" + example.title() + "' and discard your unsaved changes?")) {
            return;
        }
        try {
            String text = LineEnding.toLf(example.dockerfile());
            if (recovery != null && dirty.get()) {
                recovery.forget(file.get());
            }
            format = TextFile.of(text);
            diskStamp = FileStamp.MISSING;
            exampleFolder = exampleFolder(example);
            file.set(null);
            savedText.set(text);
            forgetBuild();
            editor.replaceText(text);
            editor.moveTo(0);
            editor.showParagraphAtTop(0);
            editor.getUndoManager().forgetHistory();
            model.analyzeNow(text);
            watch();
            fileStatus.setText("");
            status.setText("Example: " + example.title() + ": " + example.summary());
        } catch (IOException e) {
            status.setText("Could not open the example: " + e.getMessage());
        }
    }

    /**
     * The caret moved: lights the card of its stage (two-way selection with card clicks) and explains
     * what is under it, when the analysis on screen is of the editor's text as it is.
     */
    private void followCaret() {
        DocumentViewModel.Result<?> result = shown.get();
        if (result != null && result.text().equals(editor.getText())) {
            followCaret(result.analysis());
        }
    }

    /** As {@link #followCaret()}, for an analysis of the editor's text as it is. */
    private void followCaret(Analysis analysis) {
        int caret = editor.getCaretPosition();
        int index = -1;
        for (Stage s : analysis.stages()) {
            if (caret >= s.range().start() && caret <= s.range().end()) {
                index = s.index();
            }
        }
        graph.select(index);
        graph.selectEdgesAt(caret);
        explainPanel.show(Explainer.explain(analysis, caret));
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

    CompareCommands compareCommands() {
        return compare;
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
        buildContext.close();
        poller.close();
        fileIo.shutdown();
        builds.close();
        compare.close();
        history.close();
        // The marks animate while a step runs; close may come from any thread.
        if (Platform.isFxApplicationThread()) {
            buildMarks.clearBuild();
        } else {
            Platform.runLater(buildMarks::clearBuild);
        }
        engineStatus.close();
        engineWork.shutdownNow();
        if (recovery != null) {
            recovery.close();
        }
    }
}
