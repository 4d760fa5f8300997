package dev.stagecraft.ui;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineEndpoints;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.EngineInfo;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The engine part of the status bar: which engine Stagecraft builds with, its engine and API
 * versions, or why none answers and how to fix it. Finding and asking the engine happens on the
 * build executor (it may take up to two seconds); the label changes on the FX thread.
 */
final class EngineStatus implements AutoCloseable {
    private final Label label = new Label("Looking for a Docker engine…");
    private final ReadOnlyObjectWrapper<EngineInfo> info = new ReadOnlyObjectWrapper<>();
    private final Supplier<EngineEndpoints.Resolution> finder;
    private final Function<EngineEndpoint, BuildEngine> engines;
    private final ExecutorService executor;
    private volatile BuildEngine engine;

    /**
     * @param finder finds the endpoint ({@link EngineEndpoints#resolve()} in the app)
     * @param engines connects to an endpoint
     */
    EngineStatus(Supplier<EngineEndpoints.Resolution> finder, Function<EngineEndpoint, BuildEngine> engines,
            ExecutorService executor) {
        this.finder = finder;
        this.engines = engines;
        this.executor = executor;
        label.setId("engine-status");
        label.getStyleClass().addAll("status-bar", "engine-status");
        label.setOnMouseClicked(e -> check());
    }

    Label view() {
        return label;
    }

    /** The engine's answer, or null while none answers. */
    ReadOnlyObjectProperty<EngineInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** The connected engine, or null. Safe from any thread. */
    BuildEngine engine() {
        return engine;
    }

    /** Finds the engine again and asks it for its versions. */
    void check() {
        label.setText("Looking for a Docker engine…");
        executor.execute(() -> {
            EngineEndpoints.Resolution where = finder.get();
            if (where.endpoint() == null) {
                Platform.runLater(() -> showProblem(where.problem()));
                return;
            }
            BuildEngine candidate = engine != null && engine.endpoint().equals(where.endpoint())
                    ? engine : engines.apply(where.endpoint());
            try {
                EngineInfo answer = candidate.info();
                replace(candidate);
                Platform.runLater(() -> showAnswer(answer));
            } catch (EngineException e) {
                if (candidate != engine) {
                    candidate.close();
                }
                replace(null);
                Platform.runLater(() -> showProblem(e.getMessage()));
            }
        });
    }

    private void replace(BuildEngine now) {
        BuildEngine before = engine;
        engine = now;
        if (before != null && before != now) {
            before.close();
        }
    }

    private void showAnswer(EngineInfo answer) {
        info.set(answer);
        label.getStyleClass().remove("engine-missing");
        label.setText(answer.summary() + (answer.buildKitOffered() ? "" : ", classic builder only"));
        label.setTooltip(new Tooltip("Found through " + answer.endpoint().source() + ". Click to check again."));
    }

    private void showProblem(String problem) {
        info.set(null);
        if (!label.getStyleClass().contains("engine-missing")) {
            label.getStyleClass().add("engine-missing");
        }
        label.setText(problem);
        label.setTooltip(new Tooltip(problem + "\nClick to check again."));
    }

    @Override
    public void close() {
        replace(null);
    }
}
