package dev.stagecraft.edit;

import dev.stagecraft.instruction.CmdInstruction;
import dev.stagecraft.instruction.CommandLine;
import dev.stagecraft.instruction.EntrypointInstruction;
import dev.stagecraft.instruction.EnvInstruction;
import dev.stagecraft.instruction.FromInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.KeyValue;
import dev.stagecraft.instruction.LabelInstruction;
import dev.stagecraft.instruction.MaintainerInstruction;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageNameTypos;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The repairs for a diagnostic, where the repair is clear. Each one keeps the file's meaning apart
 * from what the diagnostic complains about: a stage name is lowercased together with every
 * reference to it, and a command or value is only rewritten when the new form reads the same.
 */
public final class QuickFixes {
    /** Shell words that mean the same in exec form: no quotes, variables, globs, redirections or operators. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:,+@%=-]+");

    private QuickFixes() {
    }

    /** The fixes for {@code diagnostic}, one of {@code analysis}'s; empty when there is no clear fix. */
    public static List<QuickFix> of(Analysis analysis, Diagnostic diagnostic) {
        SourceRange at = diagnostic.range();
        if (at == null) {
            return List.of();
        }
        QuickFix fix = switch (diagnostic.id()) {
            case "stage-name-casing" -> stageNameCasing(analysis, at);
            case "from-stage-case-mismatch" -> fromStageCase(analysis, at);
            case "from-as-casing" -> fromAsCasing(analysis, at);
            case "from-unknown-stage" -> unknownStage(analysis, at);
            case "maintainer-deprecated" -> maintainer(analysis, at);
            case "legacy-key-value-format" -> legacyKeyValue(analysis, at);
            case "json-args-recommended" -> execForm(analysis, at);
            default -> null;
        };
        return fix == null ? List.of() : List.of(fix);
    }

    private static QuickFix stageNameCasing(Analysis analysis, SourceRange at) {
        String text = analysis.parse().text();
        for (Stage s : analysis.stages()) {
            if (s.from().name() != null && s.from().name().range().start() == at.start()) {
                List<TextEdit> edits = new ArrayList<>();
                for (SourceRange r : StageReferences.of(analysis, s).places()) {
                    if (!text.substring(r.start(), r.end()).equals(s.name())) {
                        edits.add(new TextEdit(r.start(), r.end(), s.name()));
                    }
                }
                if (edits.isEmpty()) {
                    edits.add(new TextEdit(at.start(), at.end(), s.name()));
                }
                int others = edits.size() - 1;
                return new QuickFix("Lowercase the stage name to '" + s.name() + "'"
                        + (others == 0 ? "" : " and " + others + (others == 1 ? " reference" : " references")), edits);
            }
        }
        return null;
    }

    private static QuickFix fromStageCase(Analysis analysis, SourceRange at) {
        String written = analysis.parse().text().substring(at.start(), at.end());
        if (written.indexOf('$') >= 0) {
            return null;
        }
        String stage = written.toLowerCase(Locale.ROOT);
        return new QuickFix("Write FROM " + stage, List.of(new TextEdit(at.start(), at.end(), stage)));
    }

    private static QuickFix fromAsCasing(Analysis analysis, SourceRange at) {
        for (Stage s : analysis.stages()) {
            FromInstruction from = s.from();
            if (from.asKeyword() != null && from.asKeyword().range().start() == at.start()) {
                String keyword = from.source().keyword();
                String as = keyword.equals(keyword.toLowerCase(Locale.ROOT)) ? "as" : "AS";
                return new QuickFix("Write '" + as + "' to match '" + keyword + "'",
                        List.of(new TextEdit(at.start(), at.end(), as)));
            }
        }
        return null;
    }

    private static QuickFix unknownStage(Analysis analysis, SourceRange at) {
        String written = analysis.parse().text().substring(at.start(), at.end());
        for (Stage s : analysis.stages()) {
            if (at.start() >= s.range().start() && at.end() <= s.range().end()) {
                List<String> earlier = new ArrayList<>();
                for (Stage e : analysis.stages().subList(0, s.index())) {
                    if (e.name() != null) {
                        earlier.add(e.name());
                    }
                }
                String guess = StageNameTypos.suggestion(written, earlier);
                return guess == null ? null
                        : new QuickFix("Change to '" + guess + "'", List.of(new TextEdit(at.start(), at.end(), guess)));
            }
        }
        return null;
    }

    private static QuickFix maintainer(Analysis analysis, SourceRange at) {
        Instruction i = instructionAt(analysis, at);
        if (!(i instanceof MaintainerInstruction m) || m.name() == null || m.source().keywordStart() != 0) {
            return null;
        }
        String author = m.name().text().strip();
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : author.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        quoted.append('"');
        return new QuickFix("Replace with LABEL org.opencontainers.image.authors", List.of(new TextEdit(at.start(),
                m.name().range().end(), "LABEL org.opencontainers.image.authors=" + quoted)));
    }

    private static QuickFix legacyKeyValue(Analysis analysis, SourceRange at) {
        Instruction i = instructionAt(analysis, at);
        List<KeyValue> pairs = i instanceof EnvInstruction env ? env.pairs()
                : i instanceof LabelInstruction label ? label.pairs() : List.of();
        if (pairs.size() != 1 || pairs.get(0).value() == null) {
            return null;
        }
        KeyValue kv = pairs.get(0);
        String value = kv.value().text();
        boolean blanks = value.chars().anyMatch(Character::isWhitespace);
        if (blanks && (value.indexOf('"') >= 0 || value.indexOf('\'') >= 0 || value.indexOf('\\') >= 0)) {
            return null;
        }
        SourceRange gap = kv.key().node().range(kv.key().end(), kv.value().start());
        List<TextEdit> edits = new ArrayList<>();
        edits.add(new TextEdit(gap.start(), gap.end(), blanks ? "=\"" : "="));
        if (blanks) {
            int end = kv.value().range().end();
            edits.add(new TextEdit(end, end, "\""));
        }
        return new QuickFix("Write " + i.kind() + " " + kv.name() + "=" + (blanks ? "\"...\"" : "..."), edits);
    }

    private static QuickFix execForm(Analysis analysis, SourceRange at) {
        Instruction i = instructionAt(analysis, at);
        CommandLine command = i instanceof CmdInstruction c ? c.command()
                : i instanceof EntrypointInstruction e ? e.command() : null;
        if (command == null || command.json() || command.args().isEmpty()) {
            return null;
        }
        SourceRange range = command.range();
        if (range.startLine() != range.endLine()) {
            return null;
        }
        String[] words = command.args().get(0).text().strip().split("\\s+");
        if (words[0].indexOf('=') >= 0) {
            return null;
        }
        StringBuilder json = new StringBuilder("[");
        for (String w : words) {
            if (!PLAIN_WORD.matcher(w).matches()) {
                return null;
            }
            json.append(json.length() == 1 ? "" : ", ").append('"').append(w).append('"');
        }
        json.append(']');
        return new QuickFix("Write " + i.kind() + " in exec form: " + json,
                List.of(new TextEdit(range.start(), range.end(), json.toString())));
    }

    private static Instruction instructionAt(Analysis analysis, SourceRange keyword) {
        for (Instruction i : analysis.instructions()) {
            if (i.keywordRange().start() == keyword.start()) {
                return i;
            }
        }
        return null;
    }
}
