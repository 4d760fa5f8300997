package dev.stagecraft.stage;

import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * The stages, the external images they use, and the edges between them, as a JGraphT graph. An edge
 * points from what is needed to the stage needing it. Self-loops and parallel edges are kept
 * (a stage copying from itself is an error the graph must still show).
 */
public final class StageGraph {
    private final Graph<GraphNode, StageEdge> graph;
    private final List<StageEdge> edges = new ArrayList<>();
    private final List<StageEdge> edgesView = java.util.Collections.unmodifiableList(edges);
    private final List<List<StageEdge>> needs = new ArrayList<>();

    StageGraph() {
        this.graph = GraphTypeBuilder.<GraphNode, StageEdge>directed().allowingMultipleEdges(true)
                .allowingSelfLoops(true).buildGraph();
    }

    void addStage(int index) {
        graph.addVertex(new GraphNode.StageNode(index));
        while (needs.size() <= index) {
            needs.add(new ArrayList<>(2));
        }
    }

    void addEdge(StageEdge edge) {
        graph.addVertex(edge.from());
        graph.addVertex(new GraphNode.StageNode(edge.to()));
        graph.addEdge(edge.from(), new GraphNode.StageNode(edge.to()), edge);
        edges.add(edge);
        while (needs.size() <= edge.to()) {
            needs.add(new ArrayList<>(2));
        }
        needs.get(edge.to()).add(edge);
    }

    /** The graph itself (read it, don't change it). */
    public Graph<GraphNode, StageEdge> graph() {
        return graph;
    }

    /** All edges in the order their instructions appear. */
    public List<StageEdge> edges() {
        return edgesView;
    }

    /** Edges into stage {@code index}: what it needs, in file order. */
    public List<StageEdge> needs(int index) {
        return index < needs.size() ? java.util.Collections.unmodifiableList(needs.get(index)) : List.of();
    }
}
