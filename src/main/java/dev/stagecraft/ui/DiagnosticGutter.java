package dev.stagecraft.ui;

import dev.stagecraft.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The editor's gutter: each line's number, then a marker coloured by the worst diagnostic that
 * starts on that line, with the messages as its tooltip. RichTextFX asks for graphics only for
 * the paragraphs on screen, so a new analysis rebuilds only those.
 */
public final class DiagnosticGutter implements IntFunction<Node> {
    static final String MARKER = "gutter-marker";

    private final CodeArea editor;
    private final IntFunction<Node> lineNumbers;
    private Map<Integer, List<Diagnostic>> byLine = Map.of();

    public DiagnosticGutter(CodeArea editor) {
        this.editor = editor;
        this.lineNumbers = LineNumberFactory.get(editor);
    }

    /** Shows the markers of a new analysis; only the graphics of visible paragraphs are rebuilt. */
    public void show(List<Diagnostic> diagnostics) {
        Map<Integer, List<Diagnostic>> lines = new HashMap<>();
        for (Diagnostic d : diagnostics) {
            if (d.range() != null) {
                lines.computeIfAbsent(d.range().startLine() - 1, k -> new ArrayList<>()).add(d);
            }
        }
        lines.values().forEach(list -> list.sort(Comparator.comparing(Diagnostic::severity)));
        Map<Integer, List<Diagnostic>> old = byLine;
        byLine = lines;
        int visible = editor.getVisibleParagraphs().size();
        for (int v = 0; v < visible; v++) {
            int paragraph = editor.visibleParToAllParIndex(v);
            if (!old.getOrDefault(paragraph, List.of()).equals(lines.getOrDefault(paragraph, List.of()))) {
                editor.recreateParagraphGraphic(paragraph);
            }
        }
    }

    @Override
    public Node apply(int paragraph) {
        Label marker = new Label();
        marker.getStyleClass().add(MARKER);
        List<Diagnostic> here = byLine.get(paragraph);
        if (here != null && !here.isEmpty()) {
            marker.getStyleClass().add("gutter-" + here.get(0).severity().label());
            StringBuilder tip = new StringBuilder();
            for (Diagnostic d : here) {
                tip.append(tip.length() == 0 ? "" : "\n").append(d.severity().label()).append(": ").append(d.message())
                        .append("  [").append(d.id()).append(']');
            }
            marker.setTooltip(new Tooltip(tip.toString()));
        }
        HBox gutter = new HBox(lineNumbers.apply(paragraph), marker);
        gutter.getStyleClass().add("gutter");
        gutter.setAlignment(Pos.CENTER_LEFT);
        return gutter;
    }
}
