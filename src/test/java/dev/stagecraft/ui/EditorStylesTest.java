package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Whatever edits come between two highlightings, the editor ends up with exactly the styles of the
 * last one, though only the changed part is restyled.
 */
@ExtendWith(ApplicationExtension.class)
class EditorStylesTest {
    private CodeArea editor;
    private EditorStyles styles;

    @Start
    void start(Stage stage) {
        editor = new CodeArea();
        styles = new EditorStyles(editor);
        stage.setScene(new Scene(editor, 400, 300));
        stage.show();
    }

    /**
     * A stand-in highlighting that depends on more than each character: after a quote, everything
     * to the end of the text is a string, so one edit can restyle far beyond itself.
     */
    private static StyleSpans<Collection<String>> highlight(String text) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            quoted |= c == '"';
            b.add(List.of(quoted ? "str" : Character.isDigit(c) ? "num" : Character.isUpperCase(c) ? "kw" : "plain"), 1);
        }
        if (text.isEmpty()) {
            b.add(List.of(), 0);
        }
        return b.create();
    }

    /** The style of every character that is not a line break (the editor never draws those). */
    private static String describe(String text, StyleSpans<Collection<String>> spans) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (var span : spans) {
            for (int i = 0; i < span.getLength(); i++, at++) {
                if (text.charAt(at) != '\n') {
                    out.append(at).append('=').append(span.getStyle()).append(' ');
                }
            }
        }
        return out.toString();
    }

    private void assertStyledLike(String text) {
        assertEquals(describe(text, highlight(text)), describe(text, editor.getStyleSpans(0, editor.getLength())));
    }

    @Test
    void afterRandomEditsTheEditorHasExactlyTheLastHighlighting(FxRobot robot) {
        Random random = new Random(42);
        String alphabet = "ABab12 \n\"";
        robot.interact(() -> {
            editor.replaceText("FROM a AS b\nRUN 1 2\nCOPY x y\n");
            styles.apply(highlight(editor.getText()));
            assertStyledLike(editor.getText());
            for (int round = 0; round < 300; round++) {
                // One to three edits between two highlightings, as when typing outpaces the analysis.
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    int length = editor.getLength();
                    int start = random.nextInt(length + 1);
                    int end = Math.min(length, start + random.nextInt(4));
                    StringBuilder insert = new StringBuilder();
                    for (int k = random.nextInt(4); k > 0; k--) {
                        insert.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    editor.replaceText(start, end, insert.toString());
                }
                styles.apply(highlight(editor.getText()));
                assertStyledLike(editor.getText());
            }
        });
    }

    @Test
    void stylesSetElsewhereAreReadBackAfterForget(FxRobot robot) {
        robot.interact(() -> {
            editor.replaceText("ABC \"x\" 12\n");
            styles.apply(highlight(editor.getText()));
            // Someone else (the find bar) restyles part of the text.
            editor.setStyle(0, 3, List.of("match"));
            styles.forget();
            styles.apply(highlight(editor.getText()));
            assertStyledLike(editor.getText());
        });
    }
}
