package dev.stagecraft.ui;

import dev.stagecraft.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.fxmisc.richtext.CodeArea;

/**
 * The editor's gutter: each line's number, then a marker coloured by the worst diagnostic that
 * starts on that line, with the messages as its tooltip, then what the build on screen says of the
 * line's instruction ({@link BuildMarks}: its step's state mark and its layer's size bar).
 * RichTextFX asks for graphics only for the paragraphs on screen, so a new analysis or a batch of
 * build events rebuilds only those of them that changed.
 *
 * <p>A graphic is built for every line that scrolls into view and for every line typed, so it is
 * kept light: a text and a shape, with no controls, until a line has something to say. The step
 * mark and layer bar columns are there only while a build is on screen ({@link BuildMarks#shownProperty()}).
 */
public final class DiagnosticGutter implements IntFunction<Node> {
    static final String MARKER = "gutter-marker";
    static final String LINE_NUMBER = "lineno";

    private final CodeArea editor;
    /** The width, in digits, of the line numbers: that of the last line's. */
    private int digits;
    private final BuildMarks build;
    private final BuildGutterCells buildCells;
    private Map<Integer, List<Diagnostic>> byLine = Map.of();

    public DiagnosticGutter(CodeArea editor) {
        this.editor = editor;
        this.build = new BuildMarks(editor, this::redraw);
        this.buildCells = new BuildGutterCells(build.runningProperty());
        this.digits = digits(editor.getParagraphs().size());
        editor.getParagraphs().sizeProperty().addListener((obs, old, count) -> {
            if (digits(count) != digits) {
                digits = digits(count);
                redrawVisible(p -> true);
            }
        });
        build.shownProperty().addListener((obs, was, now) -> redrawVisible(p -> true));
    }

    private static int digits(int lines) {
        return Math.max(2, Integer.toString(Math.max(1, lines)).length());
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
        redrawVisible(p -> !old.getOrDefault(p, List.of()).equals(lines.getOrDefault(p, List.of())));
    }

    private void redrawVisible(IntPredicate which) {
        int visible = editor.getVisibleParagraphs().size();
        for (int v = 0; v < visible; v++) {
            int paragraph = editor.visibleParToAllParIndex(v);
            if (which.test(paragraph)) {
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
        redrawVisible(paragraphs::contains);
    }

    @Override
    public Node apply(int paragraph) {
        Region marker;
        List<Diagnostic> here = byLine.get(paragraph);
        if (here != null && !here.isEmpty()) {
            Label label = new Label();
            label.getStyleClass().addAll(MARKER, "gutter-" + here.get(0).severity().label());
            StringBuilder tip = new StringBuilder();
            for (Diagnostic d : here) {
                tip.append(tip.length() == 0 ? "" : "\n").append(d.severity().label()).append(": ").append(d.message())
                        .append("  [").append(d.id()).append(']');
            }
            label.setTooltip(new Tooltip(tip.toString()));
            marker = label;
        } else {
            // Most lines say nothing: a plain region keeps the column's width.
            marker = new Region();
            marker.getStyleClass().add(MARKER);
        }
        HBox gutter = new HBox(lineNumber(paragraph), marker);
        if (build.shownProperty().get()) {
            gutter.getChildren().addAll(buildCells.stepMark(build.markAt(paragraph)),
                    buildCells.layerBar(build.layerBytesAt(paragraph), build.scale()));
        }
        gutter.getStyleClass().add("gutter");
        gutter.setAlignment(Pos.CENTER_LEFT);
        return gutter;
    }

    /** The line's number, right-aligned to the width of the last line's (the editor's font is monospaced). */
    private Text lineNumber(int paragraph) {
        String number = Integer.toString(paragraph + 1);
        Text text = new Text(" ".repeat(Math.max(0, digits - number.length())) + number);
        text.getStyleClass().add(LINE_NUMBER);
        return text;
    }
}
