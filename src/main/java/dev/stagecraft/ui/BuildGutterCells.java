package dev.stagecraft.ui;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.StepState;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Draws the build's part of one gutter line: the step's state mark and the layer's size bar. Both
 * are always there, empty on lines without results, at widths fixed by the stylesheet, so marks
 * and bars appearing never change the gutter's width. Shapes and colours live in the CSS (style
 * classes {@code step-mark step-<state>}, {@code layer-cell}, {@code layer-track}, {@code layer-fill}).
 *
 * <p>Running marks turn: one shared angle, animated only while a step runs, drives them all, so
 * rebuilding a graphic never leaves an animation behind (a bound property listens weakly).
 */
final class BuildGutterCells {
    /** The length of the largest layer's bar, in pixels. */
    static final double BAR_WIDTH = 40;
    static final String STEP_MARK = "step-mark";
    static final String LAYER_CELL = "layer-cell";
    static final String LAYER_TRACK = "layer-track";
    static final String LAYER_FILL = "layer-fill";

    private final DoubleProperty angle = new SimpleDoubleProperty();
    private final Timeline spin = new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(angle, 0)),
            new KeyFrame(Duration.seconds(1.2), new KeyValue(angle, 360, Interpolator.LINEAR)));

    BuildGutterCells(ObservableBooleanValue running) {
        spin.setCycleCount(Animation.INDEFINITE);
        running.addListener((obs, was, now) -> {
            if (now) {
                spin.play();
            } else {
                spin.stop();
                angle.set(0);
            }
        });
    }

    /** The mark of a step ({@code mark} null: an empty slot of the same width, a plain region). */
    Region stepMark(StepMark mark) {
        if (mark == null) {
            Region slot = new Region();
            slot.getStyleClass().add(STEP_MARK);
            return slot;
        }
        Label label = new Label();
        label.getStyleClass().add(STEP_MARK);
        label.getStyleClass().add(StepMark.styleClass(mark.state()));
        Tooltip tip = new Tooltip(mark.describe(System.nanoTime()));
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        // A running step's time counts on between events.
        tip.setOnShowing(e -> tip.setText(mark.describe(System.nanoTime())));
        label.setTooltip(tip);
        if (mark.state() == StepState.RUNNING) {
            label.rotateProperty().bind(angle);
        }
        return label;
    }

    /** The bar of a layer of {@code bytes} on {@code scale}, with its size ({@code bytes} null: an empty slot, a plain region). */
    Region layerBar(Long bytes, LayerScale scale) {
        if (bytes == null) {
            Region slot = new Region();
            slot.getStyleClass().add(LAYER_CELL);
            return slot;
        }
        Label cell = new Label();
        cell.getStyleClass().add(LAYER_CELL);
        cell.setContentDisplay(ContentDisplay.LEFT);
        Region fill = new Region();
        fill.getStyleClass().add(LAYER_FILL);
        double width = scale.width(bytes);
        fill.setMinWidth(width);
        fill.setPrefWidth(width);
        fill.setMaxWidth(width);
        StackPane track = new StackPane(fill);
        track.getStyleClass().add(LAYER_TRACK);
        track.setMinWidth(BAR_WIDTH);
        track.setPrefWidth(BAR_WIDTH);
        track.setMaxWidth(BAR_WIDTH);
        StackPane.setAlignment(fill, javafx.geometry.Pos.CENTER_LEFT);
        cell.setGraphic(track);
        cell.setText(Sizes.human(bytes));
        cell.setTooltip(new Tooltip("Layer: " + Sizes.human(bytes) + " (" + String.format(Locale.ROOT, "%,d", bytes)
                + " bytes)" + (scale.largestBytes() > 0 ? ", " + percent(bytes, scale.largestBytes()) + " of the largest layer" : "")));
        return cell;
    }

    private static String percent(long bytes, long largest) {
        return Math.round(100.0 * bytes / largest) + "%";
    }
}
