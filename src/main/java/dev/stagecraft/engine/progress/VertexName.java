package dev.stagecraft.engine.progress;

import java.util.Locale;

/**
 * What the Dockerfile frontend writes in a vertex name: {@code [builder 2/4] RUN make},
 * {@code [stage-2  9/11] RUN echo 8} (the index padded to the width of the total),
 * {@code [linux/arm64 builder 2/4] ...} (a platform first in multi-platform builds), {@code [2/3] ...}
 * (no stage name when the file has one stage). {@code stage} is null when the name has none.
 * Vertices of the build's own plumbing ({@code [internal] load metadata for ...},
 * {@code copy /context /}, {@code exporting to image}) are not step names.
 */
record VertexName(String stage, int index, int total, String command) {

    /** The step {@code name} names, or null when it names none. */
    static VertexName parse(String name) {
        if (!name.startsWith("[")) {
            return null;
        }
        int close = name.indexOf(']');
        if (close < 0) {
            return null;
        }
        String[] words = name.substring(1, close).trim().split("\\s+");
        String position = words[words.length - 1];
        int slash = position.indexOf('/');
        if (slash <= 0 || slash == position.length() - 1) {
            return null;
        }
        int index;
        int total;
        try {
            index = Integer.parseInt(position.substring(0, slash));
            total = Integer.parseInt(position.substring(slash + 1));
        } catch (NumberFormatException notAPosition) {
            return null;
        }
        if (index < 1 || total < 1) {
            return null;
        }
        // Stage names cannot hold a '/', platforms always do: the last word without one is the stage.
        String stage = null;
        if (words.length >= 2 && words[words.length - 2].indexOf('/') < 0) {
            stage = words[words.length - 2].toLowerCase(Locale.ROOT);
        }
        return new VertexName(stage, index, total, name.substring(close + 1).strip());
    }

    /** The instruction keyword the command starts with, upper case ({@code RUN}, {@code COPY}...). */
    String keyword() {
        int space = command.indexOf(' ');
        return (space < 0 ? command : command.substring(0, space)).toUpperCase(Locale.ROOT);
    }
}
