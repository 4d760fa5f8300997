package dev.stagecraft.engine.progress;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts output into lines per source (a vertex and its stream, or the classic builder's text), keeping
 * a partial line until its end arrives. Bytes are kept, not chars, because a chunk may end inside a
 * UTF-8 sequence. A line's {@code \r\n} ending is dropped with it.
 */
final class LineSplitter {
    /** A partial line longer than this is given out as a line: a program printing without newlines must not grow memory. */
    private static final int MAX_LINE = 64 * 1024;

    private final Map<String, ByteArrayOutputStream> partial = new LinkedHashMap<>();

    /** The lines {@code bytes} completes for {@code source}. */
    List<String> add(String source, byte[] bytes) {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream buffer = partial.computeIfAbsent(source, k -> new ByteArrayOutputStream());
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                buffer.write(bytes, start, i - start);
                lines.add(take(buffer));
                start = i + 1;
            }
        }
        buffer.write(bytes, start, bytes.length - start);
        if (buffer.size() > MAX_LINE) {
            lines.add(take(buffer));
        }
        if (buffer.size() == 0) {
            partial.remove(source);
        }
        return lines;
    }

    List<String> add(String source, String text) {
        return add(source, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The partial line kept for {@code source}, or null when there is none; forgets it. */
    String flush(String source) {
        ByteArrayOutputStream buffer = partial.remove(source);
        return buffer == null || buffer.size() == 0 ? null : take(buffer);
    }

    /** Every source that holds a partial line, in the order they first wrote. */
    List<String> sources() {
        return new ArrayList<>(partial.keySet());
    }

    /** Whether {@code source} holds a partial line. */
    boolean holdsPartial(String source) {
        return partial.containsKey(source);
    }

    private static String take(ByteArrayOutputStream buffer) {
        String line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
