package dev.stagecraft.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IndentationTest {
    @Test
    void padReachesTheNextStop() {
        assertEquals("    ", Indentation.padToNextStop("RUN", 0, 4));
        assertEquals(" ", Indentation.padToNextStop("RUN", 3, 4));
        assertEquals("  ", Indentation.padToNextStop("RUN", 2, 4));
        assertEquals("      ", Indentation.padToNextStop("ab", 2, 8));
    }

    @Test
    void tabsCountToTheirStop() {
        assertEquals(4, Indentation.visualColumn("a\tb", 2, 4));
        assertEquals("    ", Indentation.padToNextStop("a\tb", 2, 4));
        assertEquals("   ", Indentation.padToNextStop("a\tb", 3, 4));
    }

    @Test
    void outdentTakesBackToThePreviousStop() {
        assertEquals(4, Indentation.outdentLength("        x", 4));
        assertEquals(2, Indentation.outdentLength("      x", 4));
        assertEquals(1, Indentation.outdentLength(" x", 4));
        assertEquals(1, Indentation.outdentLength("\t  x", 4));
        assertEquals(0, Indentation.outdentLength("x", 4));
        assertEquals(2, Indentation.outdentLength("  ", 2));
    }
}
