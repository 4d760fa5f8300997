package dev.stagecraft.stage;

/** A vertex of the stage graph: a stage of this Dockerfile or an image from elsewhere. */
public sealed interface GraphNode permits GraphNode.StageNode, GraphNode.ImageNode {

    /** Stage number {@code index} (0-based, file order). */
    record StageNode(int index) implements GraphNode {
    }

    /** An external image, by its reference as the Dockerfile names it after variable expansion. */
    record ImageNode(String reference) implements GraphNode {
    }
}
