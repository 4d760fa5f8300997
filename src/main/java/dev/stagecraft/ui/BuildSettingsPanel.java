package dev.stagecraft.ui;

import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.DeclaredBuildArg;
import dev.stagecraft.stage.Analysis;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The build settings beside the editor: context folder, target stage, builder, no-cache, rebuild
 * while typing, the file's build arguments with their defaults, and the Build and Cancel buttons.
 * What it shows and keeps is {@link BuildSettingsModel}'s; the window feeds it each analysis
 * ({@link #update}), tells it whether a build runs ({@link #buildingProperty()}) and whether the
 * engine offers BuildKit, and hears Build and Cancel through callbacks.
 */
public final class BuildSettingsPanel extends VBox implements AutoCloseable {
    static final String NO_ARGS = "The Dockerfile declares no ARG.";
    static final String BUILDKIT_NOT_OFFERED = "This engine does not offer BuildKit through its API: builds use the classic builder.";

    private final BuildSettingsModel model;
    private final ExecutorService ownExecutor;
    private final TextField context = new TextField();
    private final Label contextWarning = new Label();
    private final ComboBox<String> target = new ComboBox<>();
    private final RadioButton buildKit = new RadioButton("BuildKit");
    private final RadioButton classic = new RadioButton("Classic");
    private final StackPane buildKitHolder = new StackPane(buildKit);
    private final Tooltip buildKitTip = new Tooltip(BUILDKIT_NOT_OFFERED);
    private final CheckBox noCache = new CheckBox("No cache");
    private final CheckBox rebuildWhileTyping = new CheckBox("Rebuild while typing");
    private final TableView<BuildSettingsModel.ArgRow> args = new TableView<>();
    private final Button build = new Button("Build");
    private final Button cancel = new Button("Cancel");
    private Consumer<BuildSettings> onBuild = s -> { };
    private Runnable onCancel = () -> { };
    private FolderPicker folderPicker = FolderPicker.system();

    /** A panel with its own thread for checking the context folder; {@link #close()} stops it. */
    public BuildSettingsPanel() {
        this(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "stagecraft-context-check");
            t.setDaemon(true);
            return t;
        }));
    }

    private BuildSettingsPanel(ExecutorService io) {
        this(new BuildSettingsModel(io, Platform::runLater), io);
    }

    /** A panel on a model the caller made (tests give it same-thread executors). */
    public BuildSettingsPanel(BuildSettingsModel model) {
        this(model, null);
    }

    private BuildSettingsPanel(BuildSettingsModel model, ExecutorService ownExecutor) {
        this.model = model;
        this.ownExecutor = ownExecutor;
        setId("build-settings");
        getStyleClass().add("build-settings");
        setSpacing(8);

        Label title = new Label("Build");
        title.getStyleClass().add("build-settings-title");
        build.setId("build-start");
        build.getStyleClass().add("build-start");
        build.setTooltip(new Tooltip("Build the target stage with these settings"));
        build.disableProperty().bind(model.settingsProperty().isNull());
        build.setOnAction(e -> {
            BuildSettings s = model.settingsProperty().get();
            if (s != null) {
                onBuild.accept(s);
            }
        });
        cancel.setId("build-cancel");
        cancel.setTooltip(new Tooltip("Stop the build that runs now"));
        cancel.disableProperty().bind(model.buildingProperty().not());
        cancel.setOnAction(e -> onCancel.run());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox header = new HBox(6, title, spring, build, cancel);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane form = new GridPane();
        form.getStyleClass().add("build-settings-form");
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);

        context.setId("build-context-folder");
        context.setPromptText("the Dockerfile's folder");
        context.textProperty().bindBidirectional(model.contextTextProperty());
        context.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && context.getText().isBlank()) {
                model.resetContext();
            }
        });
        Button browse = new Button("Browse\u2026");
        browse.setId("build-context-browse");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> browse());
        HBox contextRow = new HBox(4, context, browse);
        HBox.setHgrow(context, Priority.ALWAYS);
        contextRow.setAlignment(Pos.CENTER_LEFT);
        contextWarning.setId("build-context-warning");
        contextWarning.getStyleClass().add("build-context-warning");
        contextWarning.setWrapText(true);
        contextWarning.textProperty().bind(model.contextWarningProperty());
        contextWarning.visibleProperty().bind(model.contextWarningProperty().isNotNull());
        contextWarning.managedProperty().bind(contextWarning.visibleProperty());
        Tooltip contextTip = new Tooltip("The folder sent to the engine as the build context"
                + " (COPY and ADD read from it; .dockerignore applies)");
        context.setTooltip(contextTip);

        target.setId("build-target");
        target.setItems(model.targets());
        target.valueProperty().bindBidirectional(model.targetProperty());
        target.setMaxWidth(Double.MAX_VALUE);
        target.setTooltip(new Tooltip("The stage to build; BuildKit builds only the stages it needs"));

        ToggleGroup builders = new ToggleGroup();
        buildKit.setId("build-builder-buildkit");
        classic.setId("build-builder-classic");
        buildKit.setToggleGroup(builders);
        classic.setToggleGroup(builders);
        buildKit.setUserData(BuilderKind.BUILDKIT);
        classic.setUserData(BuilderKind.CLASSIC);
        classic.setTooltip(new Tooltip("The classic builder builds every stage, needed or not"));
        selectBuilder(model.builderProperty().get());
        model.builderProperty().addListener((obs, old, now) -> selectBuilder(now));
        builders.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null && now.getUserData() != model.builderProperty().get()) {
                model.builderProperty().set((BuilderKind) now.getUserData());
            }
        });
        buildKit.disableProperty().bind(model.buildKitOfferedProperty().not());
        // A disabled control gets no mouse events, so its tooltip would never show: the holder shows it.
        buildKitHolder.setId("build-builder-buildkit-holder");
        buildKitHolder.setAlignment(Pos.CENTER_LEFT);
        offerBuildKit(model.buildKitOfferedProperty().get());
        model.buildKitOfferedProperty().addListener((obs, old, offered) -> offerBuildKit(offered));
        HBox builderRow = new HBox(14, buildKitHolder, classic);
        builderRow.setAlignment(Pos.CENTER_LEFT);

        noCache.setId("build-no-cache");
        noCache.selectedProperty().bindBidirectional(model.noCacheProperty());
        noCache.setTooltip(new Tooltip("Run every step again, ignoring the engine's cache"));
        rebuildWhileTyping.setId("build-while-typing");
        rebuildWhileTyping.selectedProperty().bindBidirectional(model.rebuildWhileTypingProperty());
        rebuildWhileTyping.setTooltip(new Tooltip("Build again after a pause in typing; a newer edit cancels the build in flight"));
        // One per line: side by side they were cut short ("No ca...") at the pane's usual width.
        VBox options = new VBox(4, noCache, rebuildWhileTyping);

        int row = 0;
        form.addRow(row++, formLabel("Context"), contextRow);
        form.add(contextWarning, 1, row++);
        form.addRow(row++, formLabel("Target"), target);
        form.addRow(row++, formLabel("Builder"), builderRow);
        form.add(options, 1, row);

        Label argsTitle = new Label("Build arguments");
        argsTitle.getStyleClass().add("build-settings-subtitle");
        Button resetAll = new Button("Reset all");
        resetAll.setId("build-args-reset-all");
        resetAll.setTooltip(new Tooltip("Every argument back to the Dockerfile's default"));
        resetAll.setOnAction(e -> model.resetAllArgs());
        Region argsSpring = new Region();
        HBox.setHgrow(argsSpring, Priority.ALWAYS);
        HBox argsHeader = new HBox(6, argsTitle, argsSpring, resetAll);
        argsHeader.setAlignment(Pos.CENTER_LEFT);
        setUpArgsTable();
        VBox.setVgrow(args, Priority.ALWAYS);
        Label noArgs = new Label(NO_ARGS);
        noArgs.setId("build-args-none");
        noArgs.getStyleClass().add("build-args-none");
        noArgs.setWrapText(true);
        resetAll.visibleProperty().bind(Bindings.isNotEmpty(args.getItems()));

        getChildren().addAll(header, form, argsHeader, noArgs);
        // The table joins the scene with the first ARG: a table is the costliest control of the window
        // to style and lay out, and most Dockerfiles declare none.
        // (Listening to the table's items: model.args() is a new view of the rows at each call, held weakly.)
        args.getItems().addListener((ListChangeListener<BuildSettingsModel.ArgRow>) change -> {
            if (!args.getItems().isEmpty() && getChildren().remove(noArgs)) {
                getChildren().add(args);
            }
        });
    }

    private static Label formLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("build-settings-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private void selectBuilder(BuilderKind kind) {
        (kind == BuilderKind.CLASSIC ? classic : buildKit).setSelected(true);
    }

    private void offerBuildKit(boolean offered) {
        buildKit.setText(offered ? "BuildKit" : "BuildKit (not offered)");
        if (offered) {
            Tooltip.uninstall(buildKitHolder, buildKitTip);
            buildKit.setTooltip(new Tooltip("BuildKit skips the stages the target does not need"));
        } else {
            buildKit.setTooltip(null);
            Tooltip.install(buildKitHolder, buildKitTip);
        }
    }

    private void setUpArgsTable() {
        args.setId("build-args");
        args.getStyleClass().add("build-args");
        args.setItems(model.args());
        args.setEditable(false);
        args.setPlaceholder(new Label(NO_ARGS));
        args.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        args.setPrefHeight(180);
        args.setMinHeight(90);

        TableColumn<BuildSettingsModel.ArgRow, BuildSettingsModel.ArgRow> name = column("Name", 0.33);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BuildSettingsModel.ArgRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.name());
                setTooltip(empty || row == null ? null : new Tooltip(where(row.declared())));
            }
        });
        TableColumn<BuildSettingsModel.ArgRow, BuildSettingsModel.ArgRow> value = column("Value", 0.32);
        value.setCellFactory(c -> new ValueCell());
        TableColumn<BuildSettingsModel.ArgRow, BuildSettingsModel.ArgRow> defaults = column("Default", 0.23);
        defaults.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BuildSettingsModel.ArgRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("build-arg-no-default");
                if (empty || row == null) {
                    setText(null);
                } else if (row.declared().defaultValue() == null) {
                    setText("(none)");
                    getStyleClass().add("build-arg-no-default");
                } else {
                    setText(row.declared().defaultValue());
                }
            }
        });
        defaults.getStyleClass().add("build-arg-default");
        TableColumn<BuildSettingsModel.ArgRow, BuildSettingsModel.ArgRow> reset = column("", 0.12);
        reset.setMinWidth(34);
        reset.setCellFactory(c -> new ResetCell());
        args.getColumns().setAll(java.util.List.of(name, value, defaults, reset));
    }

    private TableColumn<BuildSettingsModel.ArgRow, BuildSettingsModel.ArgRow> column(String title, double share) {
        TableColumn<BuildSettingsModel.ArgRow, BuildSettingsModel.ArgRow> column = new TableColumn<>(title);
        column.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        column.setSortable(false);
        column.setReorderable(false);
        column.prefWidthProperty().bind(args.widthProperty().multiply(share).subtract(4));
        return column;
    }

    /** "Declared before the first FROM and in stage build" for a name's tooltip. */
    static String where(DeclaredBuildArg d) {
        StringBuilder b = new StringBuilder("ARG on line ").append(d.line()).append(": declared ");
        boolean first = true;
        for (String place : d.declaredIn()) {
            b.append(first ? "" : ", ");
            b.append(place.equals(DeclaredBuildArg.GLOBAL) ? "before the first FROM" : "in stage " + place);
            first = false;
        }
        return b.toString();
    }

    /** The value, editable in place: each keystroke is the user's value (no commit step to forget). */
    private final class ValueCell extends TableCell<BuildSettingsModel.ArgRow, BuildSettingsModel.ArgRow> {
        private final TextField field = new TextField();
        private BuildSettingsModel.ArgRow shown;
        private boolean filling;

        ValueCell() {
            field.getStyleClass().add("build-arg-value");
            field.textProperty().addListener((obs, old, now) -> {
                if (!filling && shown != null && !now.equals(shown.valueProperty().get())) {
                    model.setArgValue(shown, now);
                }
            });
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        private final javafx.beans.value.ChangeListener<String> follow = (obs, old, now) -> fill();
        private final javafx.beans.value.ChangeListener<Boolean> mark = (obs, old, now) -> fill();

        @Override
        protected void updateItem(BuildSettingsModel.ArgRow row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                shown.valueProperty().removeListener(follow);
                shown.editedProperty().removeListener(mark);
            }
            shown = empty ? null : row;
            if (shown == null) {
                setGraphic(null);
                return;
            }
            shown.valueProperty().addListener(follow);
            shown.editedProperty().addListener(mark);
            field.setId("build-arg-value-" + shown.name());
            fill();
            setGraphic(field);
        }

        private void fill() {
            filling = true;
            try {
                if (!field.getText().equals(shown.valueProperty().get())) {
                    field.setText(shown.valueProperty().get());
                }
                field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("edited"), shown.editedProperty().get());
                field.setPromptText(shown.declared().defaultValue() == null ? "(not set)" : "");
            } finally {
                filling = false;
            }
        }
    }

    /** A button that puts one argument back to its default, enabled once the user changed it. */
    private final class ResetCell extends TableCell<BuildSettingsModel.ArgRow, BuildSettingsModel.ArgRow> {
        private final Button button = new Button("\u21ba");

        ResetCell() {
            button.getStyleClass().add("build-arg-reset");
            button.setTooltip(new Tooltip("Back to the Dockerfile's default"));
            button.setOnAction(e -> {
                if (getItem() != null) {
                    model.resetArg(getItem());
                }
            });
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(BuildSettingsModel.ArgRow row, boolean empty) {
            super.updateItem(row, empty);
            button.disableProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            button.setId("build-arg-reset-" + row.name());
            button.disableProperty().bind(Bindings.not(row.editedProperty()));
            setGraphic(button);
        }
    }

    private void browse() {
        Path chosen = folderPicker.pickFolder(getScene() == null ? null : getScene().getWindow(), model.contextFolder());
        if (chosen != null) {
            model.contextTextProperty().set(chosen.toString());
        }
    }

    /** Takes a new analysis of the Dockerfile; {@code dockerfileFolder} is the default context (null when unsaved). */
    public void update(Analysis analysis, Path dockerfileFolder) {
        model.update(analysis, dockerfileFolder);
    }

    /** Called with the settings when the user presses Build. */
    public void setOnBuild(Consumer<BuildSettings> action) {
        onBuild = action == null ? s -> { } : action;
    }

    /** Called when the user presses Cancel (enabled only while {@link #buildingProperty()} is true). */
    public void setOnCancel(Runnable action) {
        onCancel = action == null ? () -> { } : action;
    }

    /** Replaces the system's folder chooser (tests). */
    public void setFolderPicker(FolderPicker picker) {
        folderPicker = picker;
    }

    /** Set it while a build runs: Cancel is enabled only then. */
    public BooleanProperty buildingProperty() {
        return model.buildingProperty();
    }

    /** Set it from the engine's info: without BuildKit, only the classic builder can be chosen. */
    public BooleanProperty buildKitOfferedProperty() {
        return model.buildKitOfferedProperty();
    }

    /** The settings a build would use now (null while none is possible): rebuild on save or while typing reads them. */
    public ReadOnlyObjectProperty<BuildSettings> settingsProperty() {
        return model.settingsProperty();
    }

    public BuildSettingsModel model() {
        return model;
    }

    @Override
    public void close() {
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }
}
