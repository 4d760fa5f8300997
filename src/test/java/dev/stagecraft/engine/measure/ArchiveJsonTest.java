package dev.stagecraft.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveJsonTest {

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() {
        Object v = ArchiveJson.parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": \"x\\\"\\u00e9\\n\", \"c\": {}} ");

        assertEquals(Map.of("a", Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e1"), true, false, null),
                "b", "x\"\u00e9\n", "c", Map.of()), v);
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
        for (String bad : List.of("{\"a\": 1", "\"abc", "[] x", "nope")) {
            String message = assertThrows(IllegalArgumentException.class, () -> ArchiveJson.parse(bad)).getMessage();
            assertTrue(message.contains("offset"), bad + ": " + message);
        }
    }
}
