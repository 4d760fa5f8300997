package dev.stagecraft.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;

/**
 * The graph's edges as drawn: a curve per edge and, for most, a label stacked above the curve's
 * middle. Each drawing comes as {@link Look}s; an edge whose look is the same as one already on
 * screen keeps that curve and label untouched, so an edit that changes nothing on the graph restyles
 * nothing, and one that changes an edge touches that edge alone. Labels are placed again only when
 * a look changed or a node moved.
 */
final class EdgeLayer {
    private static final double LABEL_GAP = 2;
    /** The side of a square of the grid that finds which placed boxes a label would cover. */
    private static final double CELL = 64;

    /**
     * How one edge is drawn: its curve's style classes, inline style and control points; its label's
     * style classes, text and id (a null text: the edge has no label).
     */
    record Look(List<String> curveClasses, String curveStyle, double startX, double startY, double control1X,
                double control1Y, double control2X, double control2Y, double endX, double endY,
                List<String> labelClasses, String labelText, String labelId) {
        boolean labelled() {
            return labelText != null;
        }
    }

    /** One edge to draw: what it stands for (handed to the click handler and to lighting) and its look. */
    record Edge(Object key, Look look) {
    }

    /** A curve and its label on screen (the label is null for an edge without one), and what they stand for now. */
    private static final class Drawn {
        private final CubicCurve curve;
        private Label label;
        private Look look;
        private Object key;

        private Drawn(CubicCurve curve) {
            this.curve = curve;
        }
    }

    private final Group curveLayer = new Group();
    private final Group labelLayer = new Group();
    private final Consumer<Object> onClicked;
    /** The edges on screen, in drawing order. */
    private List<Drawn> drawn = new ArrayList<>();
    private final Map<Node, Drawn> owners = new IdentityHashMap<>();
    private Map<Object, List<Node>> nodesByKey = new IdentityHashMap<>();
    /** Label sizes by style and text: measuring text is what placing labels mostly costs. */
    private final Map<String, double[]> labelSizes = new HashMap<>();
    private List<List<Drawn>> bundles = List.of();
    /** The node boxes the labels were last placed around. */
    private List<Bounds> nodesPlacedAround = List.of();

    /** @param onClicked called with the key of an edge whose curve or label was clicked */
    EdgeLayer(Consumer<Object> onClicked) {
        this.onClicked = onClicked;
    }

    /** The curves: behind the nodes. */
    Group curveLayer() {
        return curveLayer;
    }

    /** The labels: in front of the nodes. */
    Group labelLayer() {
        return labelLayer;
    }

    /**
     * Draws these bundles of edges (edges between the same two nodes, whose labels are stacked one
     * above the other), reusing what is on screen, and places the labels clear of {@code nodes} (the
     * cards' and image nodes' boxes) and of each other when an edge or a node changed.
     */
    void draw(List<List<Edge>> edgeBundles, List<Bounds> nodes) {
        List<Edge> all = new ArrayList<>();
        edgeBundles.forEach(all::addAll);
        Drawn[] chosen = new Drawn[all.size()];
        boolean[] taken = new boolean[drawn.size()];
        // Most edits keep the edges in their order: the same look at the same place is kept as it is.
        for (int i = 0; i < all.size() && i < drawn.size(); i++) {
            if (drawn.get(i).look.equals(all.get(i).look())) {
                chosen[i] = drawn.get(i);
                taken[i] = true;
            }
        }
        // Then the same look elsewhere (an edge added or removed before it shifts the rest).
        Map<Look, Deque<Drawn>> unchanged = new HashMap<>();
        for (int i = 0; i < drawn.size(); i++) {
            if (!taken[i]) {
                unchanged.computeIfAbsent(drawn.get(i).look, k -> new ArrayDeque<>()).add(drawn.get(i));
            }
        }
        List<Integer> toShow = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (chosen[i] == null) {
                Deque<Drawn> same = unchanged.get(all.get(i).look());
                chosen[i] = same == null ? null : same.poll();
                if (chosen[i] == null) {
                    toShow.add(i);
                }
            }
        }
        // What is left over is restyled for the rest, a labelled edge preferably with one that has a label.
        Deque<Drawn> spareLabelled = new ArrayDeque<>();
        Deque<Drawn> spareBare = new ArrayDeque<>();
        unchanged.values().forEach(left -> left.forEach(d -> (d.label != null ? spareLabelled : spareBare).add(d)));
        // A new or changed edge, or one gone, can free or take the place of another's label.
        boolean changed = !toShow.isEmpty() || !spareLabelled.isEmpty() || !spareBare.isEmpty()
                || !nodes.equals(nodesPlacedAround);
        for (int i : toShow) {
            Edge e = all.get(i);
            Deque<Drawn> first = e.look().labelled() ? spareLabelled : spareBare;
            Deque<Drawn> second = e.look().labelled() ? spareBare : spareLabelled;
            Drawn d = !first.isEmpty() ? first.poll() : !second.isEmpty() ? second.poll() : newDrawn();
            show(d, e);
            chosen[i] = d;
        }
        List<Drawn> spare = new ArrayList<>(spareLabelled);
        spare.addAll(spareBare);
        for (Drawn d : spare) {
            curveLayer.getChildren().remove(d.curve);
            owners.remove(d.curve);
            if (d.label != null) {
                labelLayer.getChildren().remove(d.label);
                owners.remove(d.label);
            }
        }
        List<Drawn> nextDrawn = new ArrayList<>(all.size());
        List<List<Drawn>> next = new ArrayList<>(edgeBundles.size());
        Map<Object, List<Node>> byKey = new IdentityHashMap<>();
        int at = 0;
        for (List<Edge> bundle : edgeBundles) {
            List<Drawn> group = new ArrayList<>(bundle.size());
            for (Edge e : bundle) {
                Drawn d = chosen[at++];
                d.key = e.key();
                group.add(d);
                nextDrawn.add(d);
                if (d.key != null) {
                    List<Node> nodesOfKey = byKey.computeIfAbsent(d.key, k -> new ArrayList<>(2));
                    nodesOfKey.add(d.curve);
                    if (d.label != null) {
                        nodesOfKey.add(d.label);
                    }
                }
            }
            next.add(group);
        }
        drawn = nextDrawn;
        bundles = next;
        nodesByKey = byKey;
        if (changed) {
            place(nodes);
            nodesPlacedAround = nodes;
        }
    }

    private Drawn newDrawn() {
        CubicCurve curve = new CubicCurve();
        Drawn d = new Drawn(curve);
        curve.setOnMouseClicked(ev -> onClicked.accept(d.key));
        owners.put(curve, d);
        curveLayer.getChildren().add(curve);
        return d;
    }

    /** Makes {@code d} draw edge {@code e}, changing only what differs. */
    private void show(Drawn d, Edge e) {
        Look look = e.look();
        CubicCurve c = d.curve;
        c.setStartX(look.startX());
        c.setStartY(look.startY());
        c.setControlX1(look.control1X());
        c.setControlY1(look.control1Y());
        c.setControlX2(look.control2X());
        c.setControlY2(look.control2Y());
        c.setEndX(look.endX());
        c.setEndY(look.endY());
        restyleKeepingLit(c, look.curveClasses());
        if (!look.curveStyle().equals(c.getStyle())) {
            c.setStyle(look.curveStyle());
        }
        if (look.labelled()) {
            if (d.label == null) {
                d.label = newLabel(d);
            }
            restyleKeepingLit(d.label, look.labelClasses());
            Styles.setText(d.label, look.labelText());
            Styles.setId(d.label, look.labelId());
        } else if (d.label != null) {
            labelLayer.getChildren().remove(d.label);
            owners.remove(d.label);
            d.label = null;
        }
        d.look = look;
        d.key = e.key();
    }

    private Label newLabel(Drawn d) {
        Label label = new Label();
        label.setOnMouseClicked(ev -> onClicked.accept(d.key));
        label.translateXProperty().bind(label.widthProperty().divide(-2));
        owners.put(label, d);
        labelLayer.getChildren().add(label);
        return label;
    }

    /** Sets a curve's or label's style classes, keeping its lit state: the caret sets that right after. */
    private static void restyleKeepingLit(Node node, List<String> styleClasses) {
        boolean lit = node.getStyleClass().contains("selected");
        if (!lit) {
            Styles.restyle(node, styleClasses);
            return;
        }
        List<String> classes = new ArrayList<>(styleClasses);
        classes.add("selected");
        Styles.restyle(node, classes);
    }

    /** The curve and label drawn for each key, for lighting the edges at the caret. */
    Map<Object, List<Node>> nodesByKey() {
        return nodesByKey;
    }

    /** What the edge drawn by this curve or label stands for (null for none, or a "+N more" edge). */
    Object keyOf(Node node) {
        Drawn d = owners.get(node);
        return d == null ? null : d.key;
    }

    /** The curve of the edge whose label this is. */
    CubicCurve curveOf(Label label) {
        Drawn d = owners.get(label);
        return d == null ? null : d.curve;
    }

    /** The curves on screen, in drawing order. */
    List<CubicCurve> curves() {
        return drawn.stream().map(d -> d.curve).toList();
    }

    /** The labels on screen, in drawing order. */
    List<Label> labels() {
        return drawn.stream().filter(d -> d.label != null).map(d -> d.label).toList();
    }

    /**
     * Stacks the labels of each bundle above its top curve's midpoint, one under the other, so
     * parallel edges' labels never cover each other; then moves any label that covers a node or
     * an earlier label just clear of it (long edges cross columns, where their midpoint may sit on
     * a card).
     */
    private void place(List<Bounds> nodes) {
        Occupied taken = new Occupied();
        nodes.forEach(taken::add);
        for (List<Drawn> group : bundles) {
            double top = Double.MAX_VALUE;
            double height = 0;
            boolean any = false;
            for (Drawn d : group) {
                if (d.label != null) {
                    any = true;
                    Look c = d.look;
                    // A cubic's midpoint (t = 1/2) weighs the control points three times the ends.
                    top = Math.min(top, (c.startY() + 3 * c.control1Y() + 3 * c.control2Y() + c.endY()) / 8);
                    height += size(d.label)[1] + LABEL_GAP;
                }
            }
            if (!any) {
                continue;
            }
            double y = top - 6 - height;
            for (Drawn d : group) {
                if (d.label == null) {
                    continue;
                }
                Look c = d.look;
                double midX = (c.startX() + 3 * c.control1X() + 3 * c.control2X() + c.endX()) / 8;
                double[] size = size(d.label);
                double w = size[0];
                double h = size[1];
                double free = taken.clearY(midX - w / 2, y, w, h);
                if (d.label.getLayoutX() != midX || d.label.getLayoutY() != free) {
                    d.label.relocate(midX, free);
                }
                taken.add(new BoundingBox(midX - w / 2, free, w, h));
                y = free + h + LABEL_GAP;
            }
        }
    }

    /** A label's preferred size, measured once per style and text (CSS is applied first when one is new). */
    private double[] size(Label label) {
        String key = String.join(" ", label.getStyleClass()) + "\n" + label.getText();
        double[] size = labelSizes.get(key);
        if (size == null) {
            // A new label, or a new style, must have its CSS (its font) before it is measured.
            label.applyCss();
            size = new double[] {label.prefWidth(-1), label.prefHeight(-1)};
            if (labelSizes.size() > 10_000) {
                labelSizes.clear();
            }
            labelSizes.put(key, size);
        }
        return size;
    }

    /**
     * The boxes already placed, filed by the squares of a grid they cover, so that finding what a
     * new box would cover looks at its neighbours only, not at every box on the graph.
     */
    private static final class Occupied {
        private final Map<Long, List<Bounds>> cells = new HashMap<>();

        void add(Bounds box) {
            for (long cx = cell(box.getMinX()); cx <= cell(box.getMaxX()); cx++) {
                for (long cy = cell(box.getMinY()); cy <= cell(box.getMaxY()); cy++) {
                    cells.computeIfAbsent(cx << 32 ^ (cy & 0xffffffffL), k -> new ArrayList<>(4)).add(box);
                }
            }
        }

        /** The nearest top, at or below {@code y}, where a box of this size covers nothing already placed. */
        double clearY(double x, double y, double width, double height) {
            double top = y;
            for (int tries = 0; tries < 50; tries++) {
                Bounds hit = firstHit(new BoundingBox(x, top, width, height));
                if (hit == null) {
                    return top;
                }
                top = hit.getMaxY() + LABEL_GAP;
            }
            return top;
        }

        private Bounds firstHit(Bounds box) {
            for (long cx = cell(box.getMinX()); cx <= cell(box.getMaxX()); cx++) {
                for (long cy = cell(box.getMinY()); cy <= cell(box.getMaxY()); cy++) {
                    List<Bounds> here = cells.get(cx << 32 ^ (cy & 0xffffffffL));
                    if (here != null) {
                        for (Bounds b : here) {
                            if (b.intersects(box)) {
                                return b;
                            }
                        }
                    }
                }
            }
            return null;
        }

        private static long cell(double coordinate) {
            return (long) Math.floor(coordinate / CELL);
        }
    }
}
