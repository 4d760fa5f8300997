package dev.stagecraft.layout;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.EdgeKind;
import dev.stagecraft.stage.GraphNode;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import dev.stagecraft.stage.StageFate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the stage graph as a standalone SVG document: a rounded card per stage (name, base,
 * instruction count, what becomes of it), a pill per external image, and base, copy and mount
 * edges as cubic curves in the graph view's colours, copy and mount edges labelled with what they
 * carry. Positions come from the boxes the graph view measured on screen, and the edges, their
 * labels and the build context node from what it drew ({@link Drawing}), so the file looks like the
 * window; without those, nodes are placed by {@link LayeredLayout} with estimated sizes and edges
 * drawn from them.
 */
public final class GraphSvg {
    /** A node's place on the drawing, in drawing units (the graph view at 100%). */
    public record Box(double x, double y, double width, double height) {
        double centreY() {
            return y + height / 2;
        }
    }

    /** What the graph view drew besides the nodes: its edges, their labels, and the build context node (or null). */
    public record Drawing(List<Curve> curves, List<Tag> tags, Box context) {
        public Drawing {
            curves = List.copyOf(curves);
            tags = List.copyOf(tags);
        }
    }

    /** An edge as drawn: its kind (base, copy, mount, context), its start, two control points and end. */
    public record Curve(String kind, double x1, double y1, double cx1, double cy1, double cx2, double cy2, double x2, double y2) {
    }

    /** An edge label as drawn: the kind of its edge, its text (lines split by a line break) and its box. */
    public record Tag(String kind, String text, Box box) {
    }

    /** The graph view's spacing (GraphView.COLUMN_WIDTH, ROW_HEIGHT, MARGIN) for nodes it didn't measure. */
    static final double COLUMN_WIDTH = 340;
    static final double ROW_HEIGHT = 120;
    static final double MARGIN = 24;
    /** The widest a card or an image node is drawn, as the stylesheet's -fx-max-width: a column less the gap. */
    static final double MAX_NODE_WIDTH = 300;
    private static final int MAX_LABEL = 40;

    // The colours of stagecraft.css (light theme), so an exported picture matches the window.
    private static final String CANVAS = "#f8fafc";
    private static final String CARD = "#ffffff";
    private static final String CARD_BORDER = "#94a3b8";
    private static final String SHIPS_BORDER = "#15803d";
    private static final String TARGET_BORDER = "#1d4ed8";
    private static final String MUTED_TEXT = "#475569";
    private static final String IMAGE_FILL = "#e8eef7";
    private static final String IMAGE_BORDER = "#7a8aa6";
    private static final Map<String, String> EDGE_COLOURS = Map.of(EdgeKind.BASE.label(), "#555555", EdgeKind.COPY.label(),
            "#1f6feb", EdgeKind.MOUNT.label(), "#2da44e", "context", "#b58900");
    private static final String CONTEXT_FILL = "#fdf6e3";
    private static final Map<StageFate, String> FATE_COLOURS = Map.of(StageFate.SHIPS, "#15803d",
            StageFate.LEFT_BEHIND, "#b45309", StageFate.SKIPPED, "#6b7280");

    private GraphSvg() {
    }

    /** The SVG document for an analysis, with the measured {@code boxes} (may be empty), edges drawn from the boxes. */
    public static String write(Analysis analysis, Map<GraphNode, Box> boxes) {
        return write(analysis, boxes, null);
    }

    /** The SVG document for an analysis as the graph view shows it: its measured boxes and its {@code drawing}. */
    public static String write(Analysis analysis, Map<GraphNode, Box> boxes, Drawing drawing) {
        Map<GraphNode, Box> placed = place(analysis, boxes);
        double width = MARGIN;
        double height = MARGIN;
        for (Box b : placed.values()) {
            width = Math.max(width, b.x() + b.width() + MARGIN);
            height = Math.max(height, b.y() + b.height() + MARGIN);
        }
        if (drawing != null && drawing.context() != null) {
            width = Math.max(width, drawing.context().x() + drawing.context().width() + MARGIN);
            height = Math.max(height, drawing.context().y() + drawing.context().height() + MARGIN);
        }
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" font-family=\"Segoe UI, Helvetica, Arial, sans-serif\">\n");
        svg.append("  <title>Stage graph</title>\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"").append(CANVAS).append("\"/>\n");
        StringBuilder labels = new StringBuilder();
        svg.append("  <g class=\"edges\">\n");
        if (drawing != null) {
            for (Curve c : drawing.curves()) {
                path(svg, c);
            }
            for (Tag t : drawing.tags()) {
                tag(labels, t);
            }
        } else {
            for (StageEdge e : analysis.graph().edges()) {
                Box from = placed.get(e.from());
                Box to = placed.get(new GraphNode.StageNode(e.to()));
                if (from != null && to != null) {
                    edge(svg, labels, e, from, to);
                }
            }
        }
        svg.append("  </g>\n");
        if (drawing != null && drawing.context() != null) {
            Box b = drawing.context();
            svg.append("  <g class=\"build-context\">\n    <rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y()))
                    .append("\" width=\"").append(num(b.width())).append("\" height=\"").append(num(b.height()))
                    .append("\" rx=\"3\" fill=\"").append(CONTEXT_FILL).append("\" stroke=\"").append(EDGE_COLOURS.get("context"))
                    .append("\" stroke-dasharray=\"4 3\"/>\n");
            text(svg, b.x() + 10, b.centreY() + 4, "11", "bold", "#1f2937", "build context");
            svg.append("  </g>\n");
        }
        for (Map.Entry<GraphNode, Box> entry : placed.entrySet()) {
            if (entry.getKey() instanceof GraphNode.StageNode s) {
                card(svg, analysis, analysis.stages().get(s.index()), entry.getValue());
            } else {
                image(svg, ((GraphNode.ImageNode) entry.getKey()).reference(), entry.getValue());
            }
        }
        svg.append("  <g class=\"edge-labels\">\n").append(labels).append("  </g>\n");
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The measured boxes, and for every other node of the layout a box estimated from its texts. */
    static Map<GraphNode, Box> place(Analysis analysis, Map<GraphNode, Box> boxes) {
        Map<GraphNode, Box> placed = new HashMap<>();
        for (Map.Entry<GraphNode, LayeredLayout.Cell> entry : LayeredLayout.layout(analysis).entrySet()) {
            GraphNode node = entry.getKey();
            Box measured = boxes.get(node);
            if (measured != null) {
                placed.put(node, measured);
                continue;
            }
            double x = MARGIN + entry.getValue().column() * COLUMN_WIDTH;
            double y = MARGIN + entry.getValue().row() * ROW_HEIGHT;
            if (node instanceof GraphNode.StageNode s) {
                Stage stage = analysis.stages().get(s.index());
                int chars = Math.max(stage.label().length() * 2, Math.max(stage.baseLabel().length(), 22));
                placed.put(node, new Box(x, y, Math.min(MAX_NODE_WIDTH, Math.max(170, 24 + chars * 6.2)), 84));
            } else {
                String ref = ((GraphNode.ImageNode) node).reference();
                placed.put(node, new Box(x, y, Math.min(MAX_NODE_WIDTH, 20 + ref.length() * 6.2), 28));
            }
        }
        return placed;
    }

    /**
     * How far an edge's control points reach out from its ends, x1 on the right of its source and x2
     * on the left of its target: half the gap, so a short one is a plain S and not a loop; at least
     * 40 when the edge runs back past its source.
     */
    public static double bend(double x1, double x2) {
        return x2 > x1 ? (x2 - x1) / 2 : Math.max(40, (x1 - x2) / 2);
    }

    private static void edge(StringBuilder svg, StringBuilder labels, StageEdge e, Box from, Box to) {
        double x1 = from.x() + from.width();
        double y1 = from.centreY();
        double x2 = to.x();
        double y2 = to.centreY();
        double bend = bend(x1, x2);
        String colour = EDGE_COLOURS.get(e.kind().label());
        path(svg, new Curve(e.kind().label(), x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2));
        if (e.kind() == EdgeKind.BASE) {
            return;
        }
        String carried = e.carries();
        String text = carried.length() > MAX_LABEL ? carried.substring(0, MAX_LABEL - 3) + "..." : carried;
        double cx = (x1 + x2) / 2;
        double top = (y1 + y2) / 2 - 20;
        double w = 6 + text.length() * 5.6;
        labels.append("    <rect x=\"").append(num(cx - w / 2)).append("\" y=\"").append(num(top)).append("\" width=\"")
                .append(num(w)).append("\" height=\"15\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"none\"/>\n");
        labels.append("    <text x=\"").append(num(cx)).append("\" y=\"").append(num(top + 11))
                .append("\" text-anchor=\"middle\" font-size=\"10\" stroke=\"none\" fill=\"").append(colour).append("\">")
                .append(escape(text)).append("</text>\n");
    }

    private static void path(StringBuilder svg, Curve c) {
        svg.append("    <path class=\"edge edge-").append(c.kind()).append("\" d=\"M ").append(num(c.x1())).append(' ').append(num(c.y1()))
                .append(" C ").append(num(c.cx1())).append(' ').append(num(c.cy1())).append(' ').append(num(c.cx2())).append(' ')
                .append(num(c.cy2())).append(' ').append(num(c.x2())).append(' ').append(num(c.y2()))
                .append("\" fill=\"none\" stroke=\"").append(EDGE_COLOURS.getOrDefault(c.kind(), "#555555"))
                .append("\" stroke-width=\"2\"");
        if (c.kind().equals(EdgeKind.MOUNT.label())) {
            svg.append(" stroke-dasharray=\"6 4\"");
        }
        svg.append("/>\n");
    }

    /** A label as the view placed it: a light box, and its lines centred in it. */
    private static void tag(StringBuilder labels, Tag t) {
        Box b = t.box();
        labels.append("    <rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y())).append("\" width=\"")
                .append(num(b.width())).append("\" height=\"").append(num(b.height()))
                .append("\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"none\"/>\n");
        String[] lines = t.text().split("\n");
        double lineHeight = b.height() / Math.max(1, lines.length);
        for (int i = 0; i < lines.length; i++) {
            labels.append("    <text x=\"").append(num(b.x() + b.width() / 2)).append("\" y=\"")
                    .append(num(b.y() + lineHeight * i + lineHeight * 0.75)).append("\" text-anchor=\"middle\" font-size=\"10\"")
                    .append(" stroke=\"none\" fill=\"").append(EDGE_COLOURS.getOrDefault(t.kind(), "#555555")).append("\">")
                    .append(escape(lines[i])).append("</text>\n");
        }
    }

    private static void card(StringBuilder svg, Analysis analysis, Stage stage, Box b) {
        StageFate fate = analysis.fate(stage.index());
        boolean target = analysis.target() != null && analysis.target() == stage.index();
        String border = target ? TARGET_BORDER : fate == StageFate.SHIPS ? SHIPS_BORDER : CARD_BORDER;
        svg.append("  <g class=\"stage\" id=\"stage-").append(stage.index()).append('"');
        if (fate == StageFate.SKIPPED) {
            svg.append(" opacity=\"0.45\"");
        }
        svg.append(">\n    <rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y())).append("\" width=\"")
                .append(num(b.width())).append("\" height=\"").append(num(b.height())).append("\" rx=\"6\" fill=\"").append(CARD)
                .append("\" stroke=\"").append(border).append("\" stroke-width=\"").append(target ? 2 : 1).append('"');
        if (fate == StageFate.SKIPPED) {
            svg.append(" stroke-dasharray=\"5 4\"");
        }
        svg.append("/>\n");
        double x = b.x() + 12;
        text(svg, x, b.y() + 23, "14", "bold", "#111827", fitted(stage.label(), b, 24, 8.4));
        text(svg, x, b.y() + 40, "11", null, MUTED_TEXT, fitted(stage.baseLabel(), b, 24, 6.2));
        text(svg, x, b.y() + 55, "11", null, MUTED_TEXT, stage.instructionCount());
        text(svg, x, b.y() + 71, "10", null, FATE_COLOURS.get(fate), fate.label());
        svg.append("  </g>\n");
    }

    private static void image(StringBuilder svg, String reference, Box b) {
        svg.append("  <g class=\"image\">\n    <rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y()))
                .append("\" width=\"").append(num(b.width())).append("\" height=\"").append(num(b.height()))
                .append("\" rx=\"12\" fill=\"").append(IMAGE_FILL).append("\" stroke=\"").append(IMAGE_BORDER).append("\"/>\n");
        String shown = fitted(reference, b, 20, 6.2);
        if (!shown.equals(reference)) {
            // Viewers show an element's title on hover: the whole reference, as the window's tooltip.
            svg.append("    <title>").append(escape(reference)).append("</title>\n");
        }
        text(svg, b.x() + 10, b.centreY() + 4, "11", null, "#1f2937", shown);
        svg.append("  </g>\n");
    }

    private static void text(StringBuilder svg, double x, double y, String size, String weight, String fill, String text) {
        svg.append("    <text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"").append(size)
                .append('"');
        if (weight != null) {
            svg.append(" font-weight=\"").append(weight).append('"');
        }
        // stroke="none" spelled out: some renderers outline text in black otherwise.
        svg.append(" fill=\"").append(fill).append("\" stroke=\"none\">").append(escape(text)).append("</text>\n");
    }

    /**
     * {@code text} as its node shows it: whole, unless the node is as wide as a node may be (the
     * window then cut it); then cut in its middle to what the node holds less {@code inset} pixels,
     * at about {@code perChar} pixels a character.
     */
    static String fitted(String text, Box node, double inset, double perChar) {
        if (node.width() < MAX_NODE_WIDTH - 0.5) {
            return text;
        }
        int room = (int) ((node.width() - inset) / perChar);
        if (text.length() <= room) {
            return text;
        }
        int keep = Math.max(2, room - 3);
        return text.substring(0, (keep + 1) / 2) + "..." + text.substring(text.length() - keep / 2);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Text made safe for XML content and attribute values: the five special characters become
     * entities, and characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE and
     * U+FFFF, which a Dockerfile of binary junk can contain) become U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        if (Character.isSurrogate(c)) {
            return false;
        }
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
