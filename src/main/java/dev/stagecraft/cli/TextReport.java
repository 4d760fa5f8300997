package dev.stagecraft.cli;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import dev.stagecraft.syntax.Diagnostic;

/** A readable summary of an analysis for a terminal. */
public final class TextReport {
    private TextReport() {
    }

    public static String of(String file, Analysis a) {
        StringBuilder out = new StringBuilder();
        Stage target = a.target() == null ? null : a.stages().get(a.target());
        out.append(file).append(": ").append(a.stages().size()).append(a.stages().size() == 1 ? " stage" : " stages");
        out.append(target == null ? ", no target" : ", target " + target.label()).append('\n');
        for (Stage s : a.stages()) {
            out.append(String.format("  %-4s %-18s FROM %-34s line %-5d %s%n", "#" + s.index(),
                    s.name() == null ? "-" : s.name(), s.base().isEmpty() ? "(empty)" : s.base(), s.line(),
                    s.reachable() ? (target != null && s == target ? "target" : "needed") : "not needed"));
        }
        if (!a.graph().edges().isEmpty()) {
            out.append("Edges:\n");
            for (StageEdge e : a.graph().edges()) {
                String from = e.fromStage() != null ? a.stages().get(e.fromStage()).label() : e.fromImage();
                String label = GraphLabels.edgeLabel(e);
                out.append(String.format("  %-5s %s -> %s (line %d)%s%n", e.kind().label(), from,
                        a.stages().get(e.to()).label(), e.line(), label.isEmpty() ? "" : "  " + label));
            }
        }
        if (!a.buildOrder().isEmpty()) {
            out.append("Build order: ");
            for (int i = 0; i < a.buildOrder().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(a.stages().get(a.buildOrder().get(i)).label());
            }
            out.append('\n');
        }
        out.append(Diagnostic.summary(a.diagnostics())).append('\n');
        for (Diagnostic d : a.diagnostics()) {
            out.append("  ").append(file).append(':').append(d.position()).append(": ").append(d.severity().label())
                    .append(": ").append(d.message()).append(" [").append(d.id()).append("]\n");
        }
        return out.toString();
    }
}
