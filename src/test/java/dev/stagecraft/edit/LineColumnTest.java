package dev.stagecraft.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LineColumnTest {
    @Test
    void lineAloneMeansColumnOne() {
        assertEquals(new LineColumn(12, 1), LineColumn.parse("12").value());
    }

    @Test
    void lineColonColumnWithSpaces() {
        assertEquals(new LineColumn(3, 7), LineColumn.parse(" 3 : 7 ").value());
    }

    @Test
    void wordsZeroAndNegativesAreRefusedWithAMessage() {
        for (String bad : new String[] {"", "abc", "0", "3:0", "-2", "1:2:3", "99999999999"}) {
            LineColumn.Parsed parsed = LineColumn.parse(bad);
            assertNull(parsed.value(), bad);
            assertNotNull(parsed.error(), bad);
        }
    }
}
