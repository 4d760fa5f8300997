package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.junit.jupiter.api.Test;

/** Only the part of the text whose styles changed is restyled; a line break's style never counts. */
class StyleSpansDiffTest {

    /** Spans from pairs: a style (null: none) and a length. */
    private static StyleSpans<Collection<String>> spans(Object... styleAndLength) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        for (int i = 0; i < styleAndLength.length; i += 2) {
            String style = (String) styleAndLength[i];
            b.add(style == null ? List.of() : List.of(style), (Integer) styleAndLength[i + 1]);
        }
        return b.create();
    }

    @Test
    void sameStylesEverywhere_nothingToRestyle() {
        String text = "FROM a\nRUN b\n";
        assertNull(StyleSpansDiff.changedRange(text, spans("kw", 4, null, 3, "kw", 3, null, 3),
                spans("kw", 4, null, 2, null, 1, "kw", 3, null, 3)));
    }

    @Test
    void oneChangedWord_onlyThatWord() {
        String text = "FROM a\nRUN b\nCMD c\n";
        assertArrayEquals(new int[] {13, 14}, StyleSpansDiff.changedRange(text,
                spans("kw", 4, null, 3, "kw", 3, null, 9),
                spans("kw", 4, null, 3, "kw", 3, null, 3, "err", 1, null, 5)));
    }

    @Test
    void lineBreakStyledLikeTheLineBefore_isNoChange() {
        // The editor reports "# c\n" as one comment run; the highlighter styles the break apart.
        String text = "# c\nRUN x\n";
        assertNull(StyleSpansDiff.changedRange(text, spans("comment", 4, "kw", 3, null, 3),
                spans("comment", 3, null, 1, "kw", 3, null, 3)));
    }

    @Test
    void changesAtBothEnds_spanTheWholeText() {
        String text = "ab\ncd";
        assertArrayEquals(new int[] {0, 5}, StyleSpansDiff.changedRange(text, spans(null, 5), spans("x", 1, null, 3, "y", 1)));
    }

    @Test
    void differentLengths_restyleEverything() {
        assertArrayEquals(new int[] {0, 3}, StyleSpansDiff.changedRange("abc", spans(null, 2), spans(null, 3)));
    }

    @Test
    void afterAnEdit_onlyTheEditedPartAndWhatItRestyledAreCompared() {
        // "RUN b" became "RUN bb": the styles before are for the shorter text; the edit is [11, 12).
        String text = "FROM a\nRUN bb\nCMD c\n";
        StyleSpans<Collection<String>> before = spans("kw", 4, null, 3, "kw", 3, null, 3, "kw", 3, null, 3);
        StyleSpans<Collection<String>> next = spans("kw", 4, null, 3, "kw", 3, null, 4, "kw", 3, null, 3);
        assertArrayEquals(new int[] {11, 12}, StyleSpansDiff.changedRange(text, before, next, 11, 12));
    }

    @Test
    void afterAnEdit_aStyleChangedBeyondItIsRestyledToo() {
        // Opening a quote at 11 turns the rest of the file into a string.
        String text = "FROM a\nRUN \"b\nCMD c\n";
        StyleSpans<Collection<String>> before = spans("kw", 4, null, 3, "kw", 3, null, 3, "kw", 3, null, 3);
        StyleSpans<Collection<String>> next = spans("kw", 4, null, 3, "kw", 3, null, 1, "str", 9);
        assertArrayEquals(new int[] {11, 19}, StyleSpansDiff.changedRange(text, before, next, 11, 12));
    }

    @Test
    void afterADeletionThatChangesNoStyle_nothingToRestyle() {
        String text = "FROM a\nRUN \nCMD c\n";
        StyleSpans<Collection<String>> before = spans("kw", 4, null, 3, "kw", 3, null, 3, "kw", 3, null, 3);
        StyleSpans<Collection<String>> next = spans("kw", 4, null, 3, "kw", 3, null, 2, "kw", 3, null, 3);
        assertNull(StyleSpansDiff.changedRange(text, before, next, 11, 11));
    }

    @Test
    void anEditRangeThatDoesNotFitTheStylesBefore_restylesEverything() {
        String text = "FROM a\n";
        assertArrayEquals(new int[] {0, 7}, StyleSpansDiff.changedRange(text, spans("kw", 2), spans("kw", 4, null, 3), 1, 2));
    }
}
