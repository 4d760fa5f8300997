package dev.stagecraft.ui;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageFate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A stage's card in the graph: its name or #index, base image, instruction count, and what becomes
 * of it for the current target; after a build also its state, elapsed time and size bar
 * ({@link StageBuildPanel}). A card is kept while its stage exists and updated in place, so an
 * edit that changes one count restyles one label, not the whole graph.
 */
final class StageCard extends VBox {
    private final Label title = label("stage-title");
    private final Label base = label("stage-base");
    private final Label count = label("stage-count");
    private final Label fate = label("stage-fate");
    /** Bases longer than this many characters may not fit the card (at most 300 px, the stylesheet says). */
    private static final int LONG_BASE = 36;
    /** Made on the first build that names this stage; on the card only while there is a build to show. */
    private StageBuildPanel buildPanel;
    private boolean restyled;

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
     * Shows {@code stage} of {@code analysis} and what the last build said of it ({@code build}, null
     * for nothing); only what differs from what is shown changes. True when something did (the card
     * may then have a new size).
     */
    boolean show(Analysis analysis, Stage stage, boolean selected, StageBuild build) {
        StageFate what = analysis.fate(stage.index());
        restyled = false;
        boolean changed = Styles.setText(title, stage.label());
        if (Styles.setText(base, stage.baseLabel())) {
            changed = true;
            // The card is at most a column wide: a longer base is cut in its middle, and shown whole here.
            base.setTooltip(stage.baseLabel().length() > LONG_BASE ? new Tooltip(stage.baseLabel()) : null);
        }
        changed |= Styles.setText(count, stage.instructionCount());
        // The classic builder ran it although the target does not need it: "not built" would be wrong.
        boolean builtAnyway = build != null && build.builtAnyway();
        changed |= Styles.setText(fate, builtAnyway ? "not needed by the target" : what.label());
        String fateClass = what == StageFate.SKIPPED ? "skipped" : what == StageFate.SHIPS ? "ships" : "left-behind";
        restyled |= Styles.restyle(fate, List.of("stage-fate", "fate-" + fateClass));
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
        if (build != null && build.state() != null) {
            classes.add("build-" + BuildTexts.state(build.state()));
        }
        if (build != null && build.stale()) {
            classes.add("build-stale");
        }
        if (builtAnyway) {
            classes.add("built-anyway");
        }
        // A build panel's change may be new nodes or new classes: it is styled again, to be safe.
        restyled |= showBuild(build);
        restyled |= Styles.restyle(this, classes);
        return restyled | changed;
    }

    /**
     * Whether the last {@link #show} changed a style class or added nodes, so the card needs CSS
     * before it is measured; a changed text alone needs only a layout.
     */
    boolean restyled() {
        return restyled;
    }

    private boolean showBuild(StageBuild build) {
        if (build == null) {
            return buildPanel != null && getChildren().remove(buildPanel);
        }
        if (buildPanel == null) {
            buildPanel = new StageBuildPanel();
        }
        boolean changed = false;
        if (buildPanel.getParent() != this) {
            getChildren().add(buildPanel);
            changed = true;
        }
        return buildPanel.show(build) | changed;
    }

    void setSelected(boolean selected) {
        if (selected && !getStyleClass().contains("selected")) {
            getStyleClass().add("selected");
        } else if (!selected) {
            getStyleClass().remove("selected");
        }
    }
}
