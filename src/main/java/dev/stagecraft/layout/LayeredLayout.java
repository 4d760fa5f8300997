package dev.stagecraft.layout;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.GraphNode;
import dev.stagecraft.stage.StageEdge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the stage graph left to right: an external image or a stage that needs nothing sits in
 * column 0, every other stage one column right of the furthest thing it needs (forward references
 * and cycles are ignored for placing). Within a column, nodes keep file order (images by first
 * use), so the picture only changes when the graph's shape does.
 */
public final class LayeredLayout {

    /** Where a node goes: its column and its row in that column. */
    public record Cell(int column, int row) {
    }

    private LayeredLayout() {
    }

    public static Map<GraphNode, Cell> layout(Analysis analysis) {
        Map<GraphNode, Integer> column = new LinkedHashMap<>();
        List<GraphNode> order = new ArrayList<>();
        for (StageEdge e : analysis.graph().edges()) {
            if (e.from() instanceof GraphNode.ImageNode && !column.containsKey(e.from())) {
                column.put(e.from(), 0);
                order.add(e.from());
            }
        }
        for (int i = 0; i < analysis.stages().size(); i++) {
            int col = 0;
            for (StageEdge e : analysis.graph().needs(i)) {
                Integer from = e.fromStage();
                if (from != null && from >= i) {
                    continue;
                }
                Integer c = column.get(e.from());
                col = Math.max(col, c == null ? 0 : c + 1);
            }
            GraphNode node = new GraphNode.StageNode(i);
            column.put(node, col);
            order.add(node);
        }
        Map<Integer, Integer> rows = new HashMap<>();
        Map<GraphNode, Cell> cells = new LinkedHashMap<>();
        List<GraphNode> sorted = new ArrayList<>(order);
        sorted.sort(Comparator.comparingInt(column::get));
        for (GraphNode n : sorted) {
            int col = column.get(n);
            int row = rows.merge(col, 1, Integer::sum) - 1;
            cells.put(n, new Cell(col, row));
        }
        return cells;
    }
}
