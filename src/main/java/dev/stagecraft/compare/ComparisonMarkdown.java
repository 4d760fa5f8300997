package dev.stagecraft.compare;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison as Markdown for a pull request: a summary line ("A: 1.2 GB -> B: 45 MB (-96.3%)"),
 * the stage table, the layers that changed most, and the files A shipped that B leaves behind (the
 * biggest {@value #TOP_FILES}, then a count of the rest).
 */
public final class ComparisonMarkdown {
    /** Left-behind files listed by name; the rest are counted. */
    public static final int TOP_FILES = 20;
    /** Layer changes listed. */
    public static final int TOP_LAYERS = 10;
    private static final int INSTRUCTION_CHARS = 72;

    private ComparisonMarkdown() {
    }

    public static String of(BuildComparison c) {
        StringBuilder md = new StringBuilder();
        md.append("### Final image: ").append(ComparisonFormat.summary(c)).append("\n\n");
        md.append("A is ").append(code(c.a().label())).append(", B is ").append(code(c.b().label()))
                .append(". Change: ").append(ComparisonFormat.delta(c.deltaBytes())).append(".\n\n");
        stageTable(md, c);
        layerTable(md, c);
        leftBehind(md, c);
        return md.toString();
    }

    private static void stageTable(StringBuilder md, BuildComparison c) {
        md.append("#### Stages\n\n");
        md.append("| Stage in A | Stage in B | Size A | Size B | Change | Own A | Own B | Own change |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (StageRow r : c.stages()) {
            md.append("| ").append(stage(r.a(), r.targets())).append(" | ").append(stage(r.b(), r.targets()))
                    .append(" | ").append(size(r.a(), false)).append(" | ").append(size(r.b(), false))
                    .append(" | ").append(ComparisonFormat.stageChange(r, false))
                    .append(" | ").append(size(r.a(), true)).append(" | ").append(size(r.b(), true))
                    .append(" | ").append(ComparisonFormat.stageChange(r, true)).append(" |\n");
        }
        md.append('\n');
    }

    private static String stage(StageReport s, boolean target) {
        if (s == null) {
            return "-";
        }
        return cell(StageRow.label(s)) + (target ? " (final)" : "") + (s.built() ? "" : " (skipped)");
    }

    private static String size(StageReport s, boolean own) {
        if (s == null || !s.built()) {
            return "-";
        }
        return Sizes.human(own ? s.ownBytes() : s.sizeBytes());
    }

    private static void layerTable(StringBuilder md, BuildComparison c) {
        List<LayerChange> changed = new ArrayList<>();
        for (LayerChange l : c.layers()) {
            if (l.deltaBytes() != 0) {
                changed.add(l);
            }
        }
        md.append("#### Biggest layer changes\n\n");
        if (changed.isEmpty()) {
            md.append("No layer changed size.\n\n");
            return;
        }
        changed.sort((x, y) -> Long.compare(Math.abs(y.deltaBytes()), Math.abs(x.deltaBytes())));
        md.append("| Instruction | A | B | Change |\n|---|---:|---:|---:|\n");
        for (LayerChange l : changed.subList(0, Math.min(TOP_LAYERS, changed.size()))) {
            md.append("| ").append(code(ComparisonFormat.shortInstruction(l.instruction(), INSTRUCTION_CHARS)))
                    .append(" | ").append(side(l.a())).append(" | ").append(side(l.b()))
                    .append(" | ").append(ComparisonFormat.delta(l.deltaBytes())).append(" |\n");
        }
        if (changed.size() > TOP_LAYERS) {
            md.append("\n").append(changed.size() - TOP_LAYERS).append(" more layers changed.\n");
        }
        md.append('\n');
    }

    private static String side(LayerChange.Side s) {
        return s == null ? "-" : Sizes.human(s.sizeBytes()) + " (" + cell(s.stage()) + ", line " + s.line() + ")";
    }

    private static void leftBehind(StringBuilder md, BuildComparison c) {
        md.append("#### Left behind: in A's final image, not in B's\n\n");
        if (c.a().report().finalFilesProblem() != null || c.b().report().finalFilesProblem() != null) {
            md.append("Not known: the final image's files of ")
                    .append(c.a().report().finalFilesProblem() != null ? "A" : "B").append(" could not be read.\n");
            return;
        }
        List<LeftBehindFile> files = c.leftBehind();
        if (files.isEmpty()) {
            md.append("Nothing: B's final image holds every file of A's.\n");
            return;
        }
        md.append("| Path | Size |\n|---|---:|\n");
        for (LeftBehindFile f : files.subList(0, Math.min(TOP_FILES, files.size()))) {
            md.append("| ").append(code(f.path())).append(" | ").append(Sizes.human(f.sizeBytes())).append(" |\n");
        }
        if (files.size() > TOP_FILES) {
            long rest = 0;
            for (LeftBehindFile f : files.subList(TOP_FILES, files.size())) {
                rest += f.sizeBytes();
            }
            int more = files.size() - TOP_FILES;
            md.append("\nAnd ").append(more).append(more == 1 ? " more file, " : " more files, ").append(Sizes.human(rest))
                    .append(".\n");
        }
    }

    /** Text in a table cell: a pipe would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** A code span that holds any text: fenced by more backticks than the text's longest run. */
    private static String code(String text) {
        int longest = 0;
        int run = 0;
        for (char ch : text.toCharArray()) {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + cell(text) + pad + fence;
    }
}
