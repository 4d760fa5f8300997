package dev.stagecraft.engine.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    @Test
    void partialLines_waitForTheirEnd_perSource() {
        LineSplitter s = new LineSplitter();

        assertEquals(List.of("a"), s.add("x", "a\nb"));
        assertEquals(List.of(), s.add("y", "c"));
        assertEquals(List.of("bb", ""), s.add("x", "b\n\n"));
        assertEquals("c", s.flush("y"));
        assertNull(s.flush("x"));
    }

    @Test
    void crlfEndings_areDropped() {
        assertEquals(List.of("dos", "unix"), new LineSplitter().add("x", "dos\r\nunix\n"));
    }

    @Test
    void lineWithoutEnd_isGivenOutOnceTooLong() {
        LineSplitter s = new LineSplitter();

        List<String> lines = s.add("x", "z".repeat(70_000));

        assertEquals(1, lines.size());
        assertEquals(70_000, lines.get(0).length());
        assertNull(s.flush("x"));
    }
}
