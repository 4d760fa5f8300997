package dev.stagecraft.context;

import java.util.ArrayDeque;
import java.util.Deque;

/** Paths inside the build context, the way BuildKit reads them: '/'-separated, relative, cleaned. */
final class ContextPaths {
    private ContextPaths() {
    }

    /**
     * Go's {@code filepath.Clean} made relative to the context: "." and empty elements dropped, ".."
     * resolved and never above the root, a leading "/" removed. The context root itself is "".
     */
    static String clean(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
