package dev.stagecraft.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveJsonTest {

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() {
        Object v = ArchiveJson.parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": \"x\\\"\\u00e9\\n\", \"c\": {}} ");

        assertEquals(Map.of("a", Arrays.asList(1L, -25.0, true, false, null), "b", "x\"\u00e9\n", "c", Map.of()), v);
    }

    @Test
    void helpersGiveEmptyValuesForMissingOrOtherTypes() {
        Object v = ArchiveJson.parse("{\"n\": 1}");

        assertEquals(List.of(), ArchiveJson.array(ArchiveJson.object(v).get("n")));
        assertEquals(Map.of(), ArchiveJson.object(null));
        assertEquals(null, ArchiveJson.text(ArchiveJson.object(v).get("n")));
    }

    @Test
    void badJson_namesTheOffset() {
        assertEquals("'}' expected at offset 7", assertThrows(IllegalArgumentException.class,
                () -> ArchiveJson.parse("{\"a\": 1")).getMessage());
        assertEquals("a string that never ends at offset 4", assertThrows(IllegalArgumentException.class,
                () -> ArchiveJson.parse("\"abc")).getMessage());
        assertEquals("text after the JSON value at offset 3", assertThrows(IllegalArgumentException.class,
                () -> ArchiveJson.parse("[] x")).getMessage());
        assertEquals("not a JSON value at offset 0", assertThrows(IllegalArgumentException.class,
                () -> ArchiveJson.parse("nope")).getMessage());
    }
}
