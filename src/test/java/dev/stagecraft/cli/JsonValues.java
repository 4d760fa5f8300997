package dev.stagecraft.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The values engine.JsonReader gives back, as the CLI tests read them: objects, arrays and whole numbers. */
final class JsonValues {
    private JsonValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static long number(Object o) {
        return ((BigDecimal) o).longValueExact();
    }
}
