package dev.stagecraft.cli;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.EdgeKind;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import java.util.Map;

/** The stage graph as a Mermaid flowchart: base edges solid, COPY edges thick and labelled, mounts dotted. */
public final class MermaidExport {
    private MermaidExport() {
    }

    public static String of(Analysis a) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, String> images = GraphLabels.imageIds(a);
        for (Map.Entry<String, String> image : images.entrySet()) {
            out.append("  ").append(image.getValue()).append("[(\"").append(escape(image.getKey())).append("\")]\n");
        }
        for (Stage s : a.stages()) {
            out.append("  s").append(s.index()).append("[\"")
                    .append(escape(String.join("\n", GraphLabels.stageLines(s, a.target())))).append("\"]\n");
        }
        for (StageEdge e : a.graph().edges()) {
            String from = GraphLabels.nodeId(e.from(), images);
            String label = escape(GraphLabels.edgeLabel(e));
            out.append("  ").append(from);
            if (e.kind() == EdgeKind.BASE) {
                out.append(" --> ");
            } else if (e.kind() == EdgeKind.COPY) {
                out.append(" == \"").append(label).append("\" ==> ");
            } else {
                out.append(" -. \"").append(label).append("\" .-> ");
            }
            out.append("s").append(e.to()).append('\n');
        }
        out.append("  classDef image fill:#e8eef7,stroke:#7a8aa6\n");
        out.append("  classDef unreachable fill:#f2f2f2,stroke:#999999,color:#999999,stroke-dasharray:5 5\n");
        out.append("  classDef target stroke-width:3px\n");
        for (String id : images.values()) {
            out.append("  class ").append(id).append(" image\n");
        }
        for (Stage s : a.stages()) {
            if (!s.reachable()) {
                out.append("  class s").append(s.index()).append(" unreachable\n");
            } else if (a.target() != null && s.index() == a.target()) {
                out.append("  class s").append(s.index()).append(" target\n");
            }
        }
        return out.toString();
    }

    /** Mermaid labels: quotes and markup characters become entity codes, newlines line breaks. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String entity = c == '"' ? "#quot;" : c == '<' ? "#lt;" : c == '>' ? "#gt;" : c == '#' ? "#35;" : null;
            if (entity != null) {
                b.append(entity);
                continue;
            }
            switch (c) {
                case '\n':
                    b.append("<br/>");
                    break;
                default: b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.toString();
    }
}
