package dev.stagecraft.ui;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.EngineInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window's comparisons: "Compare with..." in the Build menu (another Dockerfile as A, the
 * editor's text as B, both built against the build settings' context), its cancel, and the gallery's
 * one-click comparison of the single-stage and multi-stage examples. Progress and failures go to
 * the build status line; the result opens in a {@link ComparisonView}. Never touches the editor's text.
 */
final class CompareCommands implements AutoCloseable {
    private final CompareRunner runner;
    private final EngineStatus engine;
    private final Supplier<String> text;
    private final Supplier<Path> dockerfile;
    private final Supplier<BuildSettings> settings;
    private final Label status;
    private final Supplier<FilePicker> picker;
    private final ReadOnlyObjectWrapper<Stage> shown = new ReadOnlyObjectWrapper<>();

    /**
     * @param text the editor's text now (B)
     * @param dockerfile the file the editor's text belongs to, or the example's, or null
     * @param settings the build settings now (null until a context is chosen)
     * @param status the build status line
     */
    CompareCommands(EngineStatus engine, ExecutorService engineWork, Supplier<String> text, Supplier<Path> dockerfile,
                    Supplier<BuildSettings> settings, Label status, Supplier<FilePicker> picker,
                    Map<String, String> extraLabels) {
        this.runner = new CompareRunner(engine::engine, engineWork, extraLabels);
        this.engine = engine;
        this.text = text;
        this.dockerfile = dockerfile;
        this.settings = settings;
        this.status = status;
        this.picker = picker;
    }

    /** The Build menu's comparison items: a separator, "Compare with...", "Cancel comparison". */
    List<MenuItem> menuItems() {
        MenuItem compareWith = new MenuItem("Compare with\u2026");
        compareWith.setId("menu-compare-with");
        compareWith.setOnAction(e -> compareWith());
        MenuItem cancel = new MenuItem("Cancel comparison");
        cancel.setId("menu-cancel-compare");
        cancel.disableProperty().bind(runner.runningProperty().not());
        cancel.setOnAction(e -> runner.cancel());
        return List.of(new SeparatorMenuItem(), compareWith, cancel);
    }

    /**
     * The gallery's entry: opens the multi-stage example (through {@code open}) and compares the
     * single-stage one (A) with it (B), against the multi-stage example's folder.
     */
    MenuItem galleryItem(Consumer<ExampleGallery.Example> open) {
        Label title = new Label("Compare single-stage and multi-stage");
        title.getStyleClass().add("example-title");
        Label summary = new Label("Builds both Node examples and shows what the multi-stage image leaves behind.");
        summary.getStyleClass().add("example-summary");
        CustomMenuItem item = new CustomMenuItem(new VBox(1, title, summary));
        item.setId("example-compare");
        item.setOnAction(e -> compareExamples(open));
        return item;
    }

    /** The window of the last comparison shown, for tests and screenshots. */
    ReadOnlyObjectProperty<Stage> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Asks for the other Dockerfile (A) and compares the editor's text (B) with it. FX thread. */
    void compareWith() {
        BuildSettings chosen = settings.get();
        if (chosen == null) {
            failed("Choose a build context folder in the build settings first: both files are built against it.");
            return;
        }
        Path other = picker.get().pickToOpen(window(), dockerfile.get());
        if (other == null) {
            return;
        }
        Path mine = dockerfile.get();
        compare(new CompareRunner.Side(label(other), null, other),
                new CompareRunner.Side(mine == null ? "the editor's text" : label(mine), text.get(), mine), chosen);
    }

    private void compareExamples(Consumer<ExampleGallery.Example> open) {
        try {
            ExampleGallery.Example before = ExampleGallery.example(ExampleGallery.COMPARE_BEFORE);
            ExampleGallery.Example after = ExampleGallery.example(ExampleGallery.COMPARE_AFTER);
            open.accept(after);
            Path folderA = before.folder();
            Path folderB = after.folder();
            compare(new CompareRunner.Side(before.slug() + "/Dockerfile", before.dockerfile(), folderA.resolve("Dockerfile")),
                    new CompareRunner.Side(after.slug() + "/Dockerfile", after.dockerfile(), folderB.resolve("Dockerfile")),
                    settingsFor(folderB));
        } catch (IOException e) {
            failed("The examples to compare are unavailable: " + e.getMessage());
        }
    }

    /** The build settings as chosen, in {@code context}; the defaults when none are chosen for it yet. */
    private BuildSettings settingsFor(Path context) {
        BuildSettings chosen = settings.get();
        if (chosen != null && chosen.contextFolder().toAbsolutePath().equals(context.toAbsolutePath())) {
            return chosen;
        }
        EngineInfo info = engine.infoProperty().get();
        BuilderKind builder = chosen != null ? chosen.builder()
                : info == null || info.buildKitOffered() ? BuilderKind.BUILDKIT : BuilderKind.CLASSIC;
        return new BuildSettings(context, null, Map.of(), false, builder, false);
    }

    private void compare(CompareRunner.Side a, CompareRunner.Side b, BuildSettings chosen) {
        status.getStyleClass().remove("build-failed");
        status.setText("Comparing A (" + a.label() + ") with B (" + b.label() + ")\u2026");
        Path context = chosen.contextFolder();
        runner.compare(a, b, chosen, new CompareRunner.Listener() {
            @Override
            public void progress(String sentence) {
                status.setText(sentence);
            }

            @Override
            public void compared(BuildComparison comparison) {
                status.setText("Compared: final image A " + Sizes.human(comparison.a().report().finalSizeBytes()) + ", B "
                        + Sizes.human(comparison.b().report().finalSizeBytes()) + ", " + ComparisonTexts.finalChange(comparison));
                shown.set(ComparisonView.show(window(), comparison, picker.get(), context));
            }

            @Override
            public void failed(String sentence) {
                CompareCommands.this.failed(sentence);
            }
        });
    }

    private void failed(String sentence) {
        status.setText(sentence);
        if (!status.getStyleClass().contains("build-failed")) {
            status.getStyleClass().add("build-failed");
        }
    }

    /** Opens the comparison window for two builds compared elsewhere (the history tab); reports are saved in {@code folder}. */
    void show(BuildComparison comparison, Path folder) {
        shown.set(ComparisonView.show(window(), comparison, picker.get(), folder));
    }

    private Window window() {
        return status.getScene() == null ? null : status.getScene().getWindow();
    }

    /** "node-single-stage/Dockerfile": the file's folder and name, since many files are called Dockerfile. */
    static String label(Path file) {
        Path name = file.getFileName();
        Path parent = file.toAbsolutePath().getParent();
        if (name == null) {
            return file.toString();
        }
        return parent == null || parent.getFileName() == null ? name.toString() : parent.getFileName() + "/" + name;
    }

    @Override
    public void close() {
        runner.close();
    }
}
