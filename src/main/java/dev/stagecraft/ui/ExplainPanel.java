package dev.stagecraft.ui;

import dev.stagecraft.explain.Explanation;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
        explanation.set(e);
        title.setText(e.title());
        body.getChildren().setAll(title);
        for (String paragraph : e.paragraphs()) {
            Label p = new Label(paragraph);
            p.getStyleClass().add("explain-paragraph");
            p.setWrapText(true);
            body.getChildren().add(p);
        }
        setVvalue(0);
    }
}
