package dev.stagecraft.ui;

import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.DeclaredBuildArg;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The build settings as the user edits them, and the {@link BuildSettings} they make. Each analysis
 * of the Dockerfile refreshes what the file offers (stages to target, ARGs and their defaults) while
 * the user's own choices survive it: a chosen target while that stage exists, every edited
 * argument value, a typed context folder. The view binds to these properties; FX thread only. The
 * context folder is checked on {@code io} (a stat may block on a network drive) and the answer comes
 * back through {@code fx}; tests pass same-thread executors.
 */
public final class BuildSettingsModel {

    /** One build argument in the form: what the file declares, and the value the build would use. */
    public static final class ArgRow {
        private final DeclaredBuildArg declared;
        private final ReadOnlyStringWrapper value;
        private final ReadOnlyBooleanWrapper edited;

        ArgRow(DeclaredBuildArg declared, String override) {
            this.declared = declared;
            this.value = new ReadOnlyStringWrapper(this, "value", override != null ? override : defaultText(declared));
            this.edited = new ReadOnlyBooleanWrapper(this, "edited", override != null);
        }

        public DeclaredBuildArg declared() {
            return declared;
        }

        public String name() {
            return declared.name();
        }

        /** The value the build uses: the user's, else the default ("" when the file gives none). */
        public ReadOnlyStringProperty valueProperty() {
            return value.getReadOnlyProperty();
        }

        /** Whether the user set the value (it is then sent to the build, even when it equals the default). */
        public ReadOnlyBooleanProperty editedProperty() {
            return edited.getReadOnlyProperty();
        }

        private static String defaultText(DeclaredBuildArg d) {
            return d.defaultValue() == null ? "" : d.defaultValue();
        }
    }

    private final Executor io;
    private final Executor fx;

    private final ReadOnlyObjectWrapper<Path> dockerfileFolder = new ReadOnlyObjectWrapper<>(this, "dockerfileFolder");
    private final StringProperty contextText = new SimpleStringProperty(this, "contextText", "");
    private final ReadOnlyStringWrapper contextWarning = new ReadOnlyStringWrapper(this, "contextWarning");
    private boolean contextEdited;
    private Path checkedFolder;
    private long checkGeneration;

    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>(this, "target");
    private boolean targetChosen;

    private final ObservableList<ArgRow> args = FXCollections.observableArrayList();
    /** Values the user typed, by name; kept while the file changes, so an ARG removed and typed again keeps its value. */
    private final Map<String, String> overrides = new HashMap<>();

    private final BooleanProperty noCache = new SimpleBooleanProperty(this, "noCache");
    private final BooleanProperty rebuildWhileTyping = new SimpleBooleanProperty(this, "rebuildWhileTyping");
    private final ObjectProperty<BuilderKind> builder = new SimpleObjectProperty<>(this, "builder", BuilderKind.BUILDKIT);
    private final BooleanProperty buildKitOffered = new SimpleBooleanProperty(this, "buildKitOffered", true);
    private boolean builderChosen;
    private final BooleanProperty building = new SimpleBooleanProperty(this, "building");
    private final ReadOnlyObjectWrapper<BuildSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");

    /** Our own changes to properties the view also writes, which are not the user's choices. */
    private boolean updating;

    public BuildSettingsModel(Executor io, Executor fx) {
        this.io = io;
        this.fx = fx;
        contextText.addListener((obs, old, now) -> {
            if (!updating) {
                contextEdited = now != null && !now.isBlank();
            }
            contextChanged();
        });
        target.addListener((obs, old, now) -> {
            if (!updating && now != null) {
                targetChosen = true;
            }
            recompute();
        });
        builder.addListener((obs, old, now) -> {
            if (!updating) {
                builderChosen = true;
            }
            recompute();
        });
        buildKitOffered.addListener((obs, old, offered) -> offerBuilders());
        noCache.addListener((obs, old, now) -> recompute());
        rebuildWhileTyping.addListener((obs, old, now) -> recompute());
    }

    /**
     * Takes what a new analysis of the Dockerfile offers. {@code dockerfileFolder} is the default
     * context (null while the text has no folder, an unsaved file).
     */
    public void update(Analysis analysis, Path dockerfileFolder) {
        updating = true;
        try {
            this.dockerfileFolder.set(dockerfileFolder);
            if (!contextEdited) {
                contextText.set(dockerfileFolder == null ? "" : dockerfileFolder.toString());
            }
            updateTargets(analysis);
            updateArgs(DeclaredBuildArg.of(analysis));
            // Checked again: the folder may have been made, removed or unlocked since.
            checkedFolder = null;
        } finally {
            updating = false;
        }
        contextChanged();
    }

    private void updateTargets(Analysis analysis) {
        List<String> labels = new ArrayList<>(analysis.stages().size());
        for (Stage s : analysis.stages()) {
            labels.add(s.label());
        }
        String chosen = target.get();
        if (!labels.equals(targets)) {
            targets.setAll(labels);
        }
        if (targetChosen && labels.contains(chosen)) {
            target.set(chosen);
        } else {
            targetChosen = false;
            target.set(labels.isEmpty() ? null : labels.get(labels.size() - 1));
        }
    }

    private void updateArgs(List<DeclaredBuildArg> declared) {
        List<DeclaredBuildArg> now = new ArrayList<>(args.size());
        for (ArgRow row : args) {
            now.add(row.declared);
        }
        if (now.equals(declared)) {
            return;
        }
        List<ArgRow> rows = new ArrayList<>(declared.size());
        for (DeclaredBuildArg d : declared) {
            rows.add(new ArgRow(d, overrides.get(d.name())));
        }
        args.setAll(rows);
    }

    /** The user typed {@code value} for the argument: it is sent to the build from now on. */
    public void setArgValue(ArgRow row, String value) {
        overrides.put(row.name(), value);
        row.value.set(value);
        row.edited.set(true);
        recompute();
    }

    /** Back to the file's default: the argument is no longer sent. */
    public void resetArg(ArgRow row) {
        overrides.remove(row.name());
        row.value.set(ArgRow.defaultText(row.declared));
        row.edited.set(false);
        recompute();
    }

    /** Every argument back to its default. */
    public void resetAllArgs() {
        overrides.clear();
        for (ArgRow row : args) {
            row.value.set(ArgRow.defaultText(row.declared));
            row.edited.set(false);
        }
        recompute();
    }

    /** The context folder back to the Dockerfile's. */
    public void resetContext() {
        updating = true;
        try {
            contextEdited = false;
            Path folder = dockerfileFolder.get();
            contextText.set(folder == null ? "" : folder.toString());
        } finally {
            updating = false;
        }
        contextChanged();
    }

    /** The context folder the text names: relative to the Dockerfile's; blank means the Dockerfile's; null when none. */
    public Path contextFolder() {
        String text = contextText.get() == null ? "" : contextText.get().strip();
        Path base = dockerfileFolder.get();
        if (text.isEmpty()) {
            return base;
        }
        try {
            Path p = Path.of(text);
            if (!p.isAbsolute() && base != null) {
                p = base.resolve(p);
            }
            return p.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private void contextChanged() {
        if (updating) {
            return;
        }
        Path folder = contextFolder();
        if (folder == null) {
            checkedFolder = null;
            checkGeneration++;
            contextWarning.set(dockerfileFolder.get() == null && contextText.get().isBlank()
                    ? "Save the Dockerfile or choose a context folder: a build sends that folder to the engine."
                    : "\"" + contextText.get().strip() + "\" is not a valid folder path.");
            recompute();
            return;
        }
        if (folder.equals(checkedFolder)) {
            recompute();
            return;
        }
        checkedFolder = folder;
        long generation = ++checkGeneration;
        try {
            io.execute(() -> {
                String problem = BuildSettings.contextProblem(folder);
                fx.execute(() -> {
                    if (generation == checkGeneration) {
                        contextWarning.set(problem);
                        recompute();
                    }
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The window is closing: an analysis that arrives now has no one to show it to.
            return;
        }
        recompute();
    }

    private void offerBuilders() {
        updating = true;
        try {
            if (!buildKitOffered.get()) {
                builder.set(BuilderKind.CLASSIC);
            } else if (!builderChosen) {
                builder.set(BuilderKind.BUILDKIT);
            }
        } finally {
            updating = false;
        }
        recompute();
    }

    private void recompute() {
        Path folder = contextFolder();
        if (updating || folder == null || contextWarning.get() != null || targets.isEmpty()) {
            settings.set(updating ? settings.get() : null);
            return;
        }
        Map<String, String> buildArgs = new LinkedHashMap<>();
        for (ArgRow row : args) {
            if (row.edited.get()) {
                buildArgs.put(row.name(), row.value.get());
            }
        }
        String chosen = target.get();
        // The last stage needs no --target, and an unnamed one could not be named by it.
        String sent = chosen == null || chosen.equals(targets.get(targets.size() - 1)) ? null : chosen;
        settings.set(new BuildSettings(folder, sent, buildArgs, noCache.get(), builder.get(), rebuildWhileTyping.get()));
    }

    /** The settings a build would use now; null while no build is possible (no stage, no usable context). */
    public ReadOnlyObjectProperty<BuildSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The context folder as the user typed it (a path, absolute or relative to the Dockerfile's folder). */
    public StringProperty contextTextProperty() {
        return contextText;
    }

    /** Why the context folder cannot be sent, or null when it can (or its check has not answered yet). */
    public ReadOnlyStringProperty contextWarningProperty() {
        return contextWarning.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> dockerfileFolderProperty() {
        return dockerfileFolder.getReadOnlyProperty();
    }

    /** The stages' labels, in file order: what the target can be. */
    public ObservableList<String> targets() {
        return FXCollections.unmodifiableObservableList(targets);
    }

    /** The chosen target stage's label: the last stage until the user picks another. */
    public ObjectProperty<String> targetProperty() {
        return target;
    }

    /** The file's build arguments, in the order of their first ARG. */
    public ObservableList<ArgRow> args() {
        return FXCollections.unmodifiableObservableList(args);
    }

    public BooleanProperty noCacheProperty() {
        return noCache;
    }

    public BooleanProperty rebuildWhileTypingProperty() {
        return rebuildWhileTyping;
    }

    /** The builder; forced to the classic one while the engine does not offer BuildKit. */
    public ObjectProperty<BuilderKind> builderProperty() {
        return builder;
    }

    /** Whether the engine offers BuildKit; the front end sets it from {@code EngineInfo.buildKitOffered()}. */
    public BooleanProperty buildKitOfferedProperty() {
        return buildKitOffered;
    }

    /** Whether a build runs now; the front end sets it. */
    public BooleanProperty buildingProperty() {
        return building;
    }
}
