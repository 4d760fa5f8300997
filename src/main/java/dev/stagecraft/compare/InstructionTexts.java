package dev.stagecraft.compare;

import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.syntax.Heredoc;
import java.util.HashMap;
import java.util.Map;

/**
 * Each instruction's text as the comparison matches it, by the line it starts on: the keyword in
 * capitals and the rest with continuation lines joined and runs of blanks made one, so a
 * re-indented or re-wrapped instruction still matches itself; here-document bodies are kept as
 * written, since they are what the instruction runs or writes.
 */
final class InstructionTexts {
    private final Map<Integer, String> byLine = new HashMap<>();

    InstructionTexts(Analysis analysis) {
        for (Instruction i : analysis.instructions()) {
            byLine.putIfAbsent(i.line(), normalized(i));
        }
    }

    /** The normalized text of the instruction on {@code line}, or "line N" when none starts there. */
    String at(int line) {
        String text = byLine.get(line);
        return text != null ? text : "line " + line;
    }

    static String normalized(Instruction i) {
        String logical = i.source().node().text();
        int end = i.source().node().keywordEnd();
        String rest = logical.substring(end).strip().replaceAll("\\s+", " ");
        StringBuilder text = new StringBuilder(logical.substring(0, end).toUpperCase(java.util.Locale.ROOT));
        if (!rest.isEmpty()) {
            text.append(' ').append(rest);
        }
        for (Heredoc h : i.source().node().heredocs()) {
            text.append('\n').append(h.body());
        }
        return text.toString();
    }
}
