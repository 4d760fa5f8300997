package dev.stagecraft.ui;

import dev.stagecraft.syntax.Diagnostic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * A popup with the message and id of each diagnostic under the mouse, after the mouse rests on
 * the text for a moment (RichTextFX's mouse-over-text events), followed by what other sources say
 * of that spot (a failed build step's error): one popup, so two never cover each other.
 */
public final class DiagnosticHover {
    static final Duration DELAY = Duration.ofMillis(400);

    private final CodeArea editor;
    private final Popup popup = new Popup();
    private final Label content = new Label();
    private String analysedText = "";
    private List<Diagnostic> diagnostics = List.of();
    private final List<IntFunction<String>> sources = new ArrayList<>();

    public DiagnosticHover(CodeArea editor) {
        this.editor = editor;
        content.setId("diagnostic-tooltip");
        content.getStyleClass().add("diagnostic-tooltip");
        content.setWrapText(true);
        content.setMaxWidth(560);
        popup.getContent().add(content);
        popup.setAutoHide(true);
        editor.setMouseOverTextDelay(DELAY);
        editor.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> showAt(e.getCharacterIndex(), e.getScreenPosition()));
        editor.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> popup.hide());
        editor.plainTextChanges().subscribe(change -> popup.hide());
    }

    /** The diagnostics of the analysis of {@code text}; they apply only while the editor shows that text. */
    public void show(String text, List<Diagnostic> newDiagnostics) {
        analysedText = text;
        diagnostics = newDiagnostics;
    }

    /**
     * Adds a source of hover text: given the character index under the mouse, its text for that
     * spot, or null. Its text follows the diagnostics'.
     */
    public void addSource(IntFunction<String> source) {
        sources.add(source);
    }

    private void showAt(int index, Point2D screen) {
        StringBuilder text = new StringBuilder();
        // Diagnostics belong to the analysed text; while typing has moved on since, they are not shown.
        if (analysedText.equals(editor.getText())) {
            for (Diagnostic d : diagnostics) {
                if (d.range() != null && index >= d.range().start() && index < Math.max(d.range().end(), d.range().start() + 1)) {
                    text.append(text.length() == 0 ? "" : "\n").append(d.severity().label()).append(": ").append(d.message())
                            .append("  [").append(d.id()).append(']');
                }
            }
        }
        for (IntFunction<String> source : sources) {
            String more = source.apply(index);
            if (more != null && !more.isBlank()) {
                text.append(text.length() == 0 ? "" : "\n").append(more);
            }
        }
        if (text.length() == 0) {
            popup.hide();
            return;
        }
        content.setText(text.toString());
        popup.show(editor, screen.getX(), screen.getY() + 18);
    }
}
