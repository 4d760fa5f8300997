package dev.stagecraft.cli;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerSize;
import dev.stagecraft.engine.build.BuildReport.StageReport;

/** {@code stagecraft build --format text}: sizes per stage and layer, and the files on each edge. */
final class BuildText {
    private BuildText() {
    }

    static String of(String file, BuildReport report) {
        StringBuilder out = new StringBuilder();
        out.append(file).append(": built with ").append(report.builder().id()).append(" in ")
                .append(report.elapsed().toMillis()).append(" ms\n");
        out.append("final image ").append(shortId(report.finalImageId())).append("  ")
                .append(size(report.finalSizeBytes())).append("\n");
        out.append("left behind ").append(size(report.leftBehindBytes()))
                .append(" (what the stages not shipped weigh)\n\n");
        for (StageReport s : report.stages()) {
            String label = s.name() != null ? s.name() : "#" + s.index();
            out.append("stage ").append(label);
            if (!s.built()) {
                out.append("  skipped (the target does not need it)\n");
                continue;
            }
            out.append("  ").append(shortId(s.imageId())).append("  ").append(size(s.sizeBytes()))
                    .append(" = base ").append(size(s.baseSizeBytes())).append(" + own ").append(size(s.ownBytes()));
            out.append(s.ships() ? "  ships" : "  left behind").append(s.needed() ? "" : " (BuildKit would skip it)")
                    .append('\n');
            for (LayerSize l : s.layers()) {
                out.append("  line ").append(l.line()).append("  ").append(size(l.sizeBytes())).append('\n');
            }
        }
        if (!report.edges().isEmpty()) {
            out.append('\n');
        }
        for (EdgeReport e : report.edges()) {
            String from = e.fromStage() != null ? "stage " + stageLabel(report, e.fromStage()) : e.image();
            out.append("line ").append(e.line()).append(": ").append(e.kind()).append(" from ").append(from)
                    .append(" into stage ").append(stageLabel(report, e.to())).append(": ").append(e.files().size())
                    .append(e.files().size() == 1 ? " file, " : " files, ").append(size(e.bytes())).append('\n');
            for (LandedFile f : e.files()) {
                out.append("  ").append(String.format("%04o", f.mode() & 07777)).append("  ")
                        .append(String.format("%10d", f.sizeBytes())).append("  ").append(f.path()).append('\n');
            }
        }
        return out.toString();
    }

    private static String stageLabel(BuildReport report, int index) {
        StageReport s = report.stages().get(index);
        return s.name() != null ? s.name() : "#" + index;
    }

    private static String size(long bytes) {
        return Sizes.human(bytes) + " (" + bytes + " bytes)";
    }

    private static String shortId(String id) {
        if (id == null) {
            return "-";
        }
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
