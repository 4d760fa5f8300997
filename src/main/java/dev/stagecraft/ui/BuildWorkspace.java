package dev.stagecraft.ui;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.EngineInfo;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Everything the window needs to build: the build settings beside the editor, the build log, a
 * build status line, the Build menu (Build, Cancel, Clean up), and the runs themselves through a
 * {@link BuildController}. Results go to the log, the status line, and on to the views the window
 * passes (graph and editor gutter). Never touches the editor's text.
 */
final class BuildWorkspace implements AutoCloseable {
    private final BuildSettingsPanel settings = new BuildSettingsPanel();
    private final BuildLogPanel log = new BuildLogPanel();
    private final Label status = new Label();
    private final BuildController controller;
    private final Supplier<String> text;
    private final Supplier<Path> dockerfile;
    private final Predicate<Question> asker;
    private final BuildController.Views views;
    private boolean builtOnce;

    /**
     * @param text the editor's text now
     * @param dockerfile the Dockerfile on disk the text belongs to (null for an unsaved text)
     */
    BuildWorkspace(EngineStatus engine, ExecutorService engineWork, Supplier<String> text, Supplier<Path> dockerfile,
                   Predicate<Question> asker, BuildController.Views views, Map<String, String> extraLabels) {
        this.text = text;
        this.dockerfile = dockerfile;
        this.asker = asker;
        this.views = views;
        this.controller = new BuildController(engine::engine, engineWork, new Results(), extraLabels);
        status.setId("build-status");
        status.getStyleClass().add("build-status");
        settings.setOnBuild(this::build);
        settings.setOnCancel(controller::cancel);
        settings.buildingProperty().bind(controller.buildingProperty());
        engine.infoProperty().addListener((obs, old, info) -> buildKitOffered(info));
        buildKitOffered(engine.infoProperty().get());
    }

    private void buildKitOffered(EngineInfo info) {
        settings.buildKitOfferedProperty().set(info == null || info.buildKitOffered());
    }

    BuildSettingsPanel settingsPanel() {
        return settings;
    }

    BuildLogPanel logPanel() {
        return log;
    }

    Label statusLine() {
        return status;
    }

    BuildController controller() {
        return controller;
    }

    /** The Build menu. */
    Menu menu() {
        MenuItem build = new MenuItem("Build");
        build.setId("menu-build");
        build.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        build.setOnAction(e -> buildNow());
        MenuItem cancel = new MenuItem("Cancel build");
        cancel.setAccelerator(new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        cancel.disableProperty().bind(controller.buildingProperty().not());
        cancel.setOnAction(e -> controller.cancel());
        MenuItem cleanUp = new MenuItem("Clean up images Stagecraft built");
        cleanUp.setId("menu-clean-up");
        cleanUp.setOnAction(e -> controller.cleanUp(status::setText));
        return new Menu("Build", null, build, cancel, new SeparatorMenuItem(), cleanUp);
    }

    /** A new analysis is on screen: the settings follow its stages and ARGs; a rebuild may follow. */
    void analysisShown(Analysis analysis, Path contextDockerfile) {
        settings.update(analysis, contextDockerfile == null ? null : contextDockerfile.toAbsolutePath().getParent());
        List<String> labels = new ArrayList<>();
        for (Stage s : analysis.stages()) {
            labels.add(s.label());
        }
        log.setStageLabels(labels);
    }

    /** The user typed: with "rebuild while typing" on, build after a quiet period. */
    void textEdited() {
        BuildSettings chosen = settings.settingsProperty().get();
        if (builtOnce && chosen != null && chosen.rebuildWhileTyping()) {
            controller.buildWhenQuiet(() -> request(settings.settingsProperty().get(), false));
        }
    }

    /** The file was saved: rebuild, once the user has built in this window. */
    void saved() {
        if (builtOnce && settings.settingsProperty().get() != null) {
            build(settings.settingsProperty().get());
        }
    }

    /** Builds with the settings as they are (Ctrl+B). */
    void buildNow() {
        BuildSettings chosen = settings.settingsProperty().get();
        if (chosen == null) {
            status.setText("Choose a build context folder in the build settings first.");
            return;
        }
        build(chosen);
    }

    private void build(BuildSettings chosen) {
        builtOnce = true;
        controller.build(request(chosen, false));
    }

    private BuildController.Request request(BuildSettings chosen, boolean withoutSyntaxDirective) {
        return new BuildController.Request(text.get(), dockerfile.get(), chosen, withoutSyntaxDirective);
    }

    /** What the controller reports, passed to the log, the status line and the window's views. */
    private final class Results implements BuildController.Views {
        @Override
        public void started(BuildController.Request request) {
            log.clear();
            status.getStyleClass().remove("build-failed");
            status.setText("Building…");
            views.started(request);
        }

        @Override
        public void events(List<BuildEvent> events) {
            List<BuildEvent.LogLine> lines = new ArrayList<>();
            for (BuildEvent e : events) {
                if (e instanceof BuildEvent.LogLine line) {
                    lines.add(line);
                } else if (e instanceof BuildEvent.PhaseChanged phase && controller.buildingProperty().get()) {
                    // Once a build has ended, its outcome stays in the status line.
                    status.setText(phase.description());
                }
            }
            if (!lines.isEmpty()) {
                log.append(lines);
            }
            views.events(events);
        }

        @Override
        public void finished(BuildReport report) {
            status.setText(String.format("Built with %s in %.1f s: final image %s; left behind %s",
                    report.builder() == dev.stagecraft.engine.BuilderKind.BUILDKIT ? "BuildKit" : "the classic builder",
                    report.elapsed().toMillis() / 1000.0, Sizes.human(report.finalSizeBytes()),
                    Sizes.human(report.leftBehindBytes())));
            views.finished(report);
        }

        @Override
        public void failed(EngineException failure) {
            status.setText(failure.getMessage().lines().findFirst().orElse(""));
            if (!status.getStyleClass().contains("build-failed")) {
                status.getStyleClass().add("build-failed");
            }
            views.failed(failure);
            if (failure.kind() == EngineException.Kind.FRONTEND_UNAVAILABLE) {
                BuildSettings chosen = settings.settingsProperty().get();
                if (chosen != null && asker.test(new Question("Dockerfile frontend unavailable", failure.getMessage()
                        + "\n\nBuild with the engine's built-in frontend? The # syntax= line is blanked in what is sent;"
                        + " your file is not changed.", "Build with the built-in frontend", "Cancel"))) {
                    controller.build(request(chosen, true));
                }
            }
        }
    }

    @Override
    public void close() {
        controller.close();
        settings.close();
    }
}
