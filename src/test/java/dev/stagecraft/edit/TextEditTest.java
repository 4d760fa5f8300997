package dev.stagecraft.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextEditTest {

    @Test
    void editsApplyAgainstTheOriginalOffsetsInAnyOrder() {
        String text = "FROM a AS Build\nCOPY --from=Build x y\n";
        List<TextEdit> edits = List.of(new TextEdit(28, 33, "build"), new TextEdit(10, 15, "build"));
        assertEquals("FROM a AS build\nCOPY --from=build x y\n", TextEdit.apply(text, edits));
    }

    @Test
    void insertsAndDeletes() {
        assertEquals("aXbc", TextEdit.apply("abc", List.of(new TextEdit(1, 1, "X"))));
        assertEquals("ac", TextEdit.apply("abc", List.of(new TextEdit(1, 2, ""))));
    }

    @Test
    void mergeIsOneEditWithTheSameResult() {
        String text = "one two three";
        List<TextEdit> edits = List.of(new TextEdit(0, 3, "1"), new TextEdit(8, 13, "3"));
        TextEdit merged = TextEdit.merge(text, edits);
        assertEquals(new TextEdit(0, 13, "1 two 3"), merged);
        assertEquals(TextEdit.apply(text, edits), TextEdit.apply(text, List.of(merged)));
    }

    @Test
    void badEditsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TextEdit(-1, 0, ""));
        assertThrows(IllegalArgumentException.class, () -> new TextEdit(3, 2, ""));
        assertThrows(NullPointerException.class, () -> new TextEdit(0, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> TextEdit.apply("abcdef", List.of(new TextEdit(0, 3, "x"), new TextEdit(2, 4, "y"))));
        assertThrows(IllegalArgumentException.class, () -> TextEdit.apply("abc", List.of(new TextEdit(2, 9, "x"))));
    }
}
