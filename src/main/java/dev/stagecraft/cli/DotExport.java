package dev.stagecraft.cli;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.EdgeKind;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import java.util.Map;

/** The stage graph in Graphviz DOT: left to right, edge kinds styled apart, unneeded stages dimmed, a legend. */
public final class DotExport {
    private DotExport() {
    }

    public static String of(Analysis a) {
        StringBuilder out = new StringBuilder();
        out.append("digraph stagecraft {\n");
        out.append("  rankdir=LR;\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        Map<String, String> images = GraphLabels.imageIds(a);
        for (Map.Entry<String, String> image : images.entrySet()) {
            out.append("  ").append(image.getValue()).append(" [label=").append(quote(image.getKey()))
                    .append(", shape=cylinder, style=filled, fillcolor=\"#e8eef7\"];\n");
        }
        for (Stage s : a.stages()) {
            out.append("  s").append(s.index()).append(" [label=")
                    .append(quote(String.join("\n", GraphLabels.stageLines(s, a.target()))));
            if (!s.reachable()) {
                out.append(", style=\"rounded,filled,dashed\", fillcolor=\"#f2f2f2\", fontcolor=\"#999999\", color=\"#999999\"");
            } else if (a.target() != null && s.index() == a.target()) {
                out.append(", penwidth=2");
            }
            out.append("];\n");
        }
        for (StageEdge e : a.graph().edges()) {
            out.append("  ").append(GraphLabels.nodeId(e.from(), images)).append(" -> s").append(e.to()).append(" [");
            if (e.kind() == EdgeKind.BASE) {
                out.append("color=\"#555555\", penwidth=2");
            } else if (e.kind() == EdgeKind.COPY) {
                out.append("color=\"#1f6feb\", label=").append(quote(GraphLabels.edgeLabel(e)));
            } else {
                out.append("color=\"#2da44e\", style=dashed, label=").append(quote(GraphLabels.edgeLabel(e)));
            }
            out.append("];\n");
        }
        out.append("  subgraph cluster_legend {\n");
        out.append("    label=\"legend\"; fontname=\"Helvetica\"; fontsize=10; color=\"#cccccc\";\n");
        out.append("    legend_a [label=\"\", shape=point, width=0.01]; legend_b [label=\"\", shape=point, width=0.01];\n");
        out.append("    legend_c [label=\"\", shape=point, width=0.01]; legend_d [label=\"\", shape=point, width=0.01];\n");
        out.append("    legend_e [label=\"\", shape=point, width=0.01]; legend_f [label=\"\", shape=point, width=0.01];\n");
        out.append("    legend_a -> legend_b [label=\"FROM (base)\", color=\"#555555\", penwidth=2];\n");
        out.append("    legend_c -> legend_d [label=\"COPY --from\", color=\"#1f6feb\"];\n");
        out.append("    legend_e -> legend_f [label=\"RUN --mount from=\", color=\"#2da44e\", style=dashed];\n");
        out.append("  }\n");
        out.append("}\n");
        return out.toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
