package dev.stagecraft.cli;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.EdgeKind;
import dev.stagecraft.stage.GraphNode;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names and labels the graph drawings share, so DOT and Mermaid say the same thing. */
final class GraphLabels {
    private GraphLabels() {
    }

    static String nodeId(GraphNode node, Map<String, String> imageIds) {
        if (node instanceof GraphNode.StageNode s) {
            return "s" + s.index();
        }
        return imageIds.get(((GraphNode.ImageNode) node).reference());
    }

    /** External images in order of first use, each with an id i0, i1 ... */
    static Map<String, String> imageIds(Analysis a) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (StageEdge e : a.graph().edges()) {
            if (e.fromImage() != null && !ids.containsKey(e.fromImage())) {
                ids.put(e.fromImage(), "i" + ids.size());
            }
        }
        return ids;
    }

    static List<String> stageLines(Stage s, Integer target) {
        String title = s.label() + (target != null && s.index() == target ? " (target)" : "");
        return List.of(title, s.baseLabel(), s.instructionCount());
    }

    /** What an edge carries: "src1 src2 → dest" for copy and mount edges, empty for base edges. */
    static String edgeLabel(StageEdge e) {
        if (e.kind() == EdgeKind.BASE) {
            return "";
        }
        String label = e.carries();
        if (e.kind() == EdgeKind.MOUNT) {
            label = "mount " + label;
        }
        return label.length() > 60 ? label.substring(0, 57) + "..." : label;
    }
}
