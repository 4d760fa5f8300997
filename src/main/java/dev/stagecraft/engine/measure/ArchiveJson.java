package dev.stagecraft.engine.measure;

import dev.stagecraft.engine.JsonReader;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON of an image archive ({@code manifest.json}, the image config) with the engine's
 * {@link JsonReader}, and gives its values typed, forgiving of absent members. Bad JSON is an
 * {@link IllegalArgumentException} naming the offset.
 */
final class ArchiveJson {
    private ArchiveJson() {
    }

    static Object parse(String text) {
        return JsonReader.parse(text);
    }

    /** {@code value} as an object, or an empty one when it is something else or absent. */
    static Map<?, ?> object(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    /** {@code value} as an array, or an empty one when it is something else or absent. */
    static List<?> array(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** {@code value} as a string, or null when it is something else or absent. */
    static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
