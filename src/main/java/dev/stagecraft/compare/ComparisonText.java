package dev.stagecraft.compare;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import java.util.List;

/** The comparison as plain text for the terminal: summary, stages, changed layers, changed and left-behind files. */
public final class ComparisonText {
    /** Files listed under each heading; the rest are counted. */
    public static final int TOP_FILES = 20;

    private ComparisonText() {
    }

    public static String of(BuildComparison c) {
        StringBuilder out = new StringBuilder();
        out.append(ComparisonFormat.summary(c)).append("  ").append(ComparisonFormat.delta(c.deltaBytes())).append('\n');
        out.append("A = ").append(c.a().label()).append('\n').append("B = ").append(c.b().label()).append("\n\n");
        out.append("stages\n");
        for (StageRow r : c.stages()) {
            out.append("  ").append(String.format("%-24s %-24s", stage(r.a(), r.targets()), stage(r.b(), r.targets())))
                    .append(String.format(" %10s -> %-10s %s", size(r.a()), size(r.b()),
                            ComparisonFormat.stageChange(r, false))).append('\n');
        }
        out.append("\nlayers that changed\n");
        boolean any = false;
        for (LayerChange l : c.layers()) {
            if (l.deltaBytes() != 0) {
                any = true;
                out.append("  ").append(String.format("%10s  ", ComparisonFormat.delta(l.deltaBytes())))
                        .append(l.a() == null ? "added   " : l.b() == null ? "removed " : "resized ")
                        .append(ComparisonFormat.shortInstruction(l.instruction(), 80)).append('\n');
            }
        }
        if (!any) {
            out.append("  none\n");
        }
        if (c.finalFilesUnknown()) {
            out.append("\nfinal image files: not known (").append(c.a().report().finalFilesProblem() != null
                    ? c.a().report().finalFilesProblem() : c.b().report().finalFilesProblem()).append(")\n");
            return out.toString();
        }
        out.append("\nfinal image files that changed\n");
        files(out, c.finalFiles());
        out.append("\nleft behind (in A's final image, not in B's)\n");
        if (c.leftBehind().isEmpty()) {
            out.append("  none\n");
        }
        List<LeftBehindFile> left = c.leftBehind();
        for (LeftBehindFile f : left.subList(0, Math.min(TOP_FILES, left.size()))) {
            out.append(String.format("  %10s  %s\n", Sizes.human(f.sizeBytes()), f.path()));
        }
        if (left.size() > TOP_FILES) {
            out.append("  and ").append(left.size() - TOP_FILES).append(" more\n");
        }
        return out.toString();
    }

    private static void files(StringBuilder out, List<FileChange> changes) {
        if (changes.isEmpty()) {
            out.append("  none\n");
        }
        for (FileChange f : changes.subList(0, Math.min(TOP_FILES, changes.size()))) {
            out.append(String.format("  %10s  %-8s %s\n", ComparisonFormat.delta(f.deltaBytes()),
                    f.kind().name().toLowerCase(java.util.Locale.ROOT), f.path()));
        }
        if (changes.size() > TOP_FILES) {
            out.append("  and ").append(changes.size() - TOP_FILES).append(" more\n");
        }
    }

    private static String stage(StageReport s, boolean target) {
        return s == null ? "-" : StageRow.label(s) + (target ? " (final)" : "");
    }

    private static String size(StageReport s) {
        return s == null || !s.built() ? "-" : Sizes.human(s.sizeBytes());
    }
}
