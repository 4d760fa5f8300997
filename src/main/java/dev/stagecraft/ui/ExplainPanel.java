package dev.stagecraft.ui;

import dev.stagecraft.explain.Explanation;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The Explain panel: what the instruction or stage under the caret does, in plain words. */
public final class ExplainPanel extends ScrollPane {
    private final Label title = new Label();
    private final VBox body = new VBox(6);
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");

    public ExplainPanel() {
        setId("explain");
        getStyleClass().add("explain-panel");
        title.setId("explain-title");
        title.getStyleClass().add("explain-title");
        title.setWrapText(true);
        body.getStyleClass().add("explain-body");
        body.getChildren().add(title);
        setContent(body);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    /** The explanation on screen (null before the first analysis). */
    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public void show(Explanation e) {
        if (e.equals(explanation.get())) {
            return;
        }
        boolean sameSubject = explanation.get() != null && e.title().equals(explanation.get().title());
        explanation.set(e);
        Styles.setText(title, e.title());
        // The paragraphs on screen are kept and given their new text: typing in an instruction then
        // changes the paragraph that quotes it, not the whole panel.
        List<Node> shown = body.getChildren();
        int count = e.paragraphs().size();
        if (shown.size() > count + 1) {
            shown.subList(count + 1, shown.size()).clear();
        }
        for (int i = 0; i < count; i++) {
            if (i + 1 < shown.size()) {
                Styles.setText((Label) shown.get(i + 1), e.paragraphs().get(i));
            } else {
                Label p = new Label(e.paragraphs().get(i));
                p.getStyleClass().add("explain-paragraph");
                p.setWrapText(true);
                shown.add(p);
            }
        }
        if (!sameSubject) {
            setVvalue(0);
        }
    }
}
