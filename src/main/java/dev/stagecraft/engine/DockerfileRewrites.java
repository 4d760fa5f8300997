package dev.stagecraft.engine;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.syntax.Directive;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Dockerfile as sent to the engine, changed only where a build needs it and never by a line:
 * line numbers in the engine's answers (a failing step, a vertex name) must match the editor's.
 */
public final class DockerfileRewrites {
    /** The text to send, and the name each stage is known by in it (generated for unnamed stages). */
    public record Rewritten(String text, Map<Integer, String> stageNames) {
        public Rewritten {
            stageNames = Map.copyOf(stageNames);
        }
    }

    static final String GENERATED_PREFIX = "stagecraft-stage-";

    private DockerfileRewrites() {
    }

    /**
     * Drops a {@code # syntax=} directive, so the engine uses its built-in frontend instead of
     * pulling the named one, which fails offline. Its line is not blanked in place: an empty line
     * ends the directives, and an {@code # escape=} or {@code # check=} after it would stop being
     * one. The other directives move up a line and an empty line follows them, so every instruction
     * keeps its line. The text is unchanged when there is no such directive.
     */
    public static String withoutSyntaxDirective(String text, Analysis analysis) {
        Directive syntax = null;
        int directivesEnd = -1;
        for (Directive d : analysis.parse().directives()) {
            if (d.name().equalsIgnoreCase("syntax")) {
                syntax = d;
            }
            directivesEnd = Math.max(directivesEnd, lineEnd(text, d.range().end()));
        }
        if (syntax == null) {
            return text;
        }
        int lineStart = text.lastIndexOf('\n', syntax.range().start() - 1) + 1;
        int lineEnd = lineEnd(text, syntax.range().end());
        String newline = lineEnd > 0 && text.charAt(lineEnd - 1) == '\r' ? "\r\n" : "\n";
        String removed = text.substring(0, lineStart) + text.substring(Math.min(text.length(), lineEnd + 1));
        int insertAt = Math.min(removed.length(), directivesEnd + 1 - (lineEnd + 1 - lineStart));
        return removed.substring(0, insertAt) + newline + removed.substring(insertAt);
    }

    /** The offset of the line break ending the line that {@code offset} is on (or the text's length). */
    private static int lineEnd(String text, int offset) {
        int end = text.indexOf('\n', offset);
        return end < 0 ? text.length() : end;
    }

    /**
     * Gives every unnamed stage a name, written on its own FROM line right after the image, so
     * each stage can be built as a target (BuildKit targets stages by name). Generated names never
     * collide with a name the file uses.
     */
    public static Rewritten withStageNames(String text, Analysis analysis) {
        Set<String> taken = new HashSet<>();
        for (Stage s : analysis.stages()) {
            if (s.name() != null) {
                taken.add(s.name());
            }
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder(text.length() + 32 * analysis.stages().size());
        int copied = 0;
        for (Stage s : analysis.stages()) {
            if (s.name() != null) {
                names.put(s.index(), s.name());
                continue;
            }
            if (s.from().image() == null) {
                continue;
            }
            String name = GENERATED_PREFIX + s.index();
            for (int n = 2; taken.contains(name); n++) {
                name = GENERATED_PREFIX + s.index() + "-" + n;
            }
            taken.add(name);
            names.put(s.index(), name);
            int at = s.from().image().range().end();
            // The keyword's casing, so BuildKit's FromAsCasing check has nothing new to say.
            boolean lower = Character.isLowerCase(text.charAt(s.range().start()));
            out.append(text, copied, at).append(lower ? " as " : " AS ").append(name);
            copied = at;
        }
        out.append(text, copied, text.length());
        return new Rewritten(out.toString(), names);
    }
}
