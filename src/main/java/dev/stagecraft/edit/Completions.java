package dev.stagecraft.edit;

import dev.stagecraft.instruction.InstructionKind;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.syntax.Heredoc;
import dev.stagecraft.syntax.InstructionNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What to offer at the caret: stage names after {@code --from=}, after {@code from=} in a
 * {@code --mount=}, and as the image of {@code FROM}; instruction keywords at the start of an
 * instruction. Only stages defined before the instruction count: BuildKit binds no later stage.
 * Nothing is offered in comments, in here-document bodies, or as a keyword on a continuation line.
 */
public final class Completions {
    /** A FROM line up to its image: the keyword and any flags such as --platform=... */
    private static final Pattern FROM_IMAGE = Pattern.compile("\\s*(?i:from)\\s+(--\\S+\\s+)*");

    private Completions() {
    }

    public static Completion at(Analysis analysis, int caret) {
        String text = analysis.parse().text();
        int at = Math.max(0, Math.min(caret, text.length()));
        int start = at;
        while (start > 0 && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        String prefix = text.substring(start, at);
        int lineStart = start;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        String before = text.substring(lineStart, start);
        InstructionNode node = nodeAt(analysis, at);
        if (inHeredoc(node, at) || before.stripLeading().startsWith("#")) {
            return new Completion(start, at, List.of());
        }
        int instructionStart = node != null ? node.range().start() : lineStart;
        if (stageNameExpected(before)) {
            return new Completion(start, at, stageNames(analysis, instructionStart, prefix));
        }
        boolean continuation = node != null && node.range().start() < lineStart;
        if (before.isBlank() && !continuation && prefix.chars().allMatch(Character::isLetter)) {
            return new Completion(start, at, keywords(prefix));
        }
        return new Completion(start, at, List.of());
    }

    /** Whether the text before the word being typed on its line asks for a stage name. */
    private static boolean stageNameExpected(String before) {
        if (FROM_IMAGE.matcher(before).matches()) {
            return true;
        }
        int wordStart = before.length();
        while (wordStart > 0 && !Character.isWhitespace(before.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = before.substring(wordStart).toLowerCase(Locale.ROOT);
        if (word.equals("--from=")) {
            return true;
        }
        return word.startsWith("--mount=") && (word.endsWith(",from=") || word.equals("--mount=from="));
    }

    /** Named stages before the one the instruction at {@code instructionStart} belongs to (or starts, for FROM). */
    private static List<String> stageNames(Analysis analysis, int instructionStart, String prefix) {
        int current = -1;
        for (Stage s : analysis.stages()) {
            if (s.from().range().start() <= instructionStart) {
                current = s.index();
            }
        }
        List<String> names = new ArrayList<>();
        for (Stage s : analysis.stages().subList(0, Math.max(0, current))) {
            if (s.name() != null && !names.contains(s.name())
                    && startsWithIgnoringCase(s.name(), prefix)) {
                names.add(s.name());
            }
        }
        return names;
    }

    private static List<String> keywords(String prefix) {
        List<String> out = new ArrayList<>();
        for (InstructionKind kind : InstructionKind.values()) {
            if (startsWithIgnoringCase(kind.keyword(), prefix)) {
                out.add(kind.keyword());
            }
        }
        return out;
    }

    private static boolean startsWithIgnoringCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The instruction whose text (here-documents included) holds the offset, its end included, or null. */
    private static InstructionNode nodeAt(Analysis analysis, int offset) {
        for (InstructionNode n : analysis.parse().nodes()) {
            if (n.range().start() > offset) {
                break;
            }
            if (offset <= n.range().end()) {
                return n;
            }
        }
        return null;
    }

    private static boolean inHeredoc(InstructionNode node, int offset) {
        if (node == null) {
            return false;
        }
        for (Heredoc h : node.heredocs()) {
            int bodyStart = h.bodyRange().start();
            int end = h.terminatorRange() != null ? h.terminatorRange().end() : node.range().end();
            if (offset >= bodyStart && offset <= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }
}
