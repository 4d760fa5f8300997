package dev.stagecraft.ui;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageFate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A stage's card in the graph: its name or #index, base image, instruction count, and what becomes
 * of it for the current target. A card is kept while its stage exists and updated in place, so an
 * edit that changes one count restyles one label, not the whole graph.
 */
final class StageCard extends VBox {
    private final Label title = label("stage-title");
    private final Label base = label("stage-base");
    private final Label count = label("stage-count");
    private final Label fate = label("stage-fate");

    StageCard(int index) {
        super(2);
        setId("stage-" + index);
        getStyleClass().add("stage-card");
        getChildren().addAll(title, base, count, fate);
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        return label;
    }

    /**
     * Shows {@code stage} of {@code analysis}; only what differs from what is shown changes. True
     * when something did (the card may then have a new size).
     */
    boolean show(Analysis analysis, Stage stage, boolean selected) {
        StageFate what = analysis.fate(stage.index());
        boolean changed = Styles.setText(title, stage.label());
        changed |= Styles.setText(base, stage.baseLabel());
        changed |= Styles.setText(count, stage.instructionCount());
        changed |= Styles.setText(fate, what.label());
        String fateClass = what == StageFate.SKIPPED ? "skipped" : what == StageFate.SHIPS ? "ships" : "left-behind";
        changed |= Styles.restyle(fate, List.of("stage-fate", "fate-" + fateClass));
        List<String> classes = new ArrayList<>(List.of("stage-card", fateClass));
        if (!stage.reachable()) {
            classes.add("unreachable");
        }
        if (analysis.target() != null && analysis.target() == stage.index()) {
            classes.add("target");
        }
        if (selected) {
            classes.add("selected");
        }
        return Styles.restyle(this, classes) | changed;
    }

    void setSelected(boolean selected) {
        if (selected && !getStyleClass().contains("selected")) {
            getStyleClass().add("selected");
        } else if (!selected) {
            getStyleClass().remove("selected");
        }
    }
}
