package dev.stagecraft.ui;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The part of a stage card that shows a build: the state with its elapsed time (a pulsing dot while
 * it runs), the classic builder's "BuildKit would skip this stage", a stacked size bar (base image,
 * then the bytes the stage's own instructions add) on the scale every card of the build shares, the
 * sizes in words, and on the target's card the final image's size and what was left behind. Like
 * the card, it changes only what differs, since the graph is redrawn on every edit.
 */
final class StageBuildPanel extends VBox {
    /** The width of a full size bar: the largest stage of the build. */
    static final double BAR_WIDTH = 150;

    private final Region dot = styled(new Region(), "state-dot");
    private final Label state = styled(new Label(), "build-state");
    private final Label classicNote = styled(new Label("BuildKit would skip this stage"), "classic-note");
    private final Region baseBar = styled(new Region(), "size-base");
    private final Region ownBar = styled(new Region(), "size-own");
    private final HBox track = styled(new HBox(baseBar, ownBar), "size-track");
    private final Label sizes = styled(new Label(), "size-text");
    private final Label finalSize = styled(new Label(), "final-size");
    private final Label leftBehind = styled(new Label(), "left-behind-size");
    private final VBox summary = styled(new VBox(1, finalSize, leftBehind), "build-summary");
    private final FadeTransition pulse = new FadeTransition(Duration.millis(700), dot);
    private boolean running;

    StageBuildPanel() {
        super(2);
        getStyleClass().add("stage-build");
        state.setGraphic(dot);
        classicNote.setTooltip(new Tooltip("The classic builder builds every stage before the target;"
                + " BuildKit builds only the stages the target needs."));
        track.setMinWidth(BAR_WIDTH);
        track.setPrefWidth(BAR_WIDTH);
        track.setMaxWidth(BAR_WIDTH);
        leftBehind.setTooltip(new Tooltip("What the stages not shipped weigh: what the multi-stage split kept"
                + " out of the final image."));
        pulse.setFromValue(1);
        pulse.setToValue(0.25);
        pulse.setAutoReverse(true);
        pulse.setCycleCount(Animation.INDEFINITE);
        // A card taken off the graph must not keep an animation running.
        sceneProperty().addListener((obs, old, now) -> animate());
    }

    private static <N extends Node> N styled(N node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }

    /** Shows {@code build}; true when something changed (the card may then have a new size). */
    boolean show(StageBuild build) {
        List<Node> wanted = new ArrayList<>();
        boolean changed = false;
        String stateText = stateText(build);
        if (!stateText.isEmpty()) {
            changed |= Styles.setText(state, stateText);
            String stateClass = build.state() == null ? "state-none" : "state-" + BuildTexts.state(build.state());
            changed |= Styles.restyle(state, List.of("build-state", stateClass));
            wanted.add(state);
        }
        running = build.state() == StepState.RUNNING && !build.stale();
        if (build.builtAnyway()) {
            wanted.add(classicNote);
        }
        StageReport report = build.report();
        if (report != null && report.built()) {
            changed |= setWidth(baseBar, barWidth(report.baseSizeBytes(), build.scaleBytes()));
            changed |= setWidth(ownBar, barWidth(report.ownBytes(), build.scaleBytes()));
            changed |= Styles.setText(sizes, BuildTexts.stageSize(report));
            wanted.add(track);
            wanted.add(sizes);
        } else if (report != null && build.state() != StepState.SKIPPED) {
            // Not built; when the state line says "skipped" already, once is enough.
            changed |= Styles.setText(sizes, "skipped");
            wanted.add(sizes);
        }
        if (build.summary() != null) {
            changed |= Styles.setText(finalSize, "final image " + Sizes.human(build.summary().finalSizeBytes()));
            changed |= Styles.setText(leftBehind, "left behind " + Sizes.human(build.summary().leftBehindBytes()));
            wanted.add(summary);
        }
        if (!getChildren().equals(wanted)) {
            getChildren().setAll(wanted);
            changed = true;
        }
        changed |= Styles.restyle(this, build.stale() ? List.of("stage-build", "stale") : List.of("stage-build"));
        animate();
        return changed;
    }

    /** "running · 1.2 s", "cached", "done · 3.4 s · from the last build"; empty when there is nothing to say. */
    private static String stateText(StageBuild build) {
        List<String> parts = new ArrayList<>();
        if (build.state() != null) {
            parts.add(BuildTexts.state(build.state()));
            // A queued or skipped stage took no time, and a cached one rarely any: no "0.0 s" noise.
            StepState s = build.state();
            boolean timed = s == StepState.RUNNING || s == StepState.DONE || s == StepState.FAILED
                    || s == StepState.CACHED && build.elapsed().toMillis() >= 100;
            if (timed) {
                parts.add(BuildTexts.elapsed(build.elapsed()));
            }
        }
        if (build.stale()) {
            parts.add("from the last build");
        }
        return String.join(" \u00b7 ", parts);
    }

    /**
     * The share of a full bar these bytes take. A piece that has bytes gets at least one pixel, so a
     * few KB on a large base still show; rounding to whole pixels keeps the bars crisp.
     */
    static double barWidth(long bytes, long scaleBytes) {
        if (bytes <= 0 || scaleBytes <= 0) {
            return 0;
        }
        return Math.max(1, Math.round(BAR_WIDTH * Math.min(bytes, scaleBytes) / scaleBytes));
    }

    private static boolean setWidth(Region region, double width) {
        if (region.getPrefWidth() == width) {
            return false;
        }
        region.setMinWidth(width);
        region.setPrefWidth(width);
        region.setMaxWidth(width);
        return true;
    }

    private void animate() {
        boolean on = running && getScene() != null && getChildren().contains(state);
        if (on && pulse.getStatus() != Animation.Status.RUNNING) {
            pulse.playFromStart();
        } else if (!on && pulse.getStatus() == Animation.Status.RUNNING) {
            pulse.stop();
            dot.setOpacity(1);
        }
    }
}
