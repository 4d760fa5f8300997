package dev.stagecraft.ui;

import dev.stagecraft.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * starts on that line, with the messages as its tooltip, then what the build on screen says of the
 * line's instruction ({@link BuildMarks}: its step's state mark and its layer's size bar).
 * RichTextFX asks for graphics only for the paragraphs on screen, so a new analysis or a batch of
 * build events rebuilds only those of them that changed.
 */
public final class DiagnosticGutter implements IntFunction<Node> {
    static final String MARKER = "gutter-marker";

    private final CodeArea editor;
    private final IntFunction<Node> lineNumbers;
    private final BuildMarks build;
    private final BuildGutterCells buildCells;
    private Map<Integer, List<Diagnostic>> byLine = Map.of();

    public DiagnosticGutter(CodeArea editor) {
        this.editor = editor;
        this.lineNumbers = LineNumberFactory.get(editor);
        this.build = new BuildMarks(editor, this::redraw);
        this.buildCells = new BuildGutterCells(build.runningProperty());
    }

    /** The build's marks and layer bars this gutter shows: feed it the build's events and report. */
    public BuildMarks build() {
        return build;
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

    /**
     * Rebuilds the graphics of those of {@code paragraphs} that are on screen; the others are built
     * when they scroll into view (asking RichTextFX for an off-screen paragraph's graphic would
     * build a cell for it).
     */
    private void redraw(Set<Integer> paragraphs) {
        // Right after an edit or a paragraph style change the list of cells on screen lags until the next
        // layout (replaced paragraphs are missing from it): lay out first, so every visible line is found.
        editor.layout();
        int visible = editor.getVisibleParagraphs().size();
        for (int v = 0; v < visible; v++) {
            int paragraph = editor.visibleParToAllParIndex(v);
            if (paragraphs.contains(paragraph)) {
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
        HBox gutter = new HBox(lineNumbers.apply(paragraph), marker, buildCells.stepMark(build.markAt(paragraph)),
                buildCells.layerBar(build.layerBytesAt(paragraph), build.scale()));
        gutter.getStyleClass().add("gutter");
        gutter.setAlignment(Pos.CENTER_LEFT);
        return gutter;
    }
}
