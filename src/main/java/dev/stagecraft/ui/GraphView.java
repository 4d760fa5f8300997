package dev.stagecraft.ui;

import dev.stagecraft.context.CarriedFiles;
import dev.stagecraft.context.ContextCopy;
import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.layout.GraphSvg;
import dev.stagecraft.layout.LayeredLayout;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.EdgeKind;
import dev.stagecraft.stage.GraphNode;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import dev.stagecraft.syntax.SourceRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.transform.Scale;

/**
 * The stage graph: a card per stage (name or #index, base image, instruction count), a node per
 * external image, and the base, copy and mount edges styled apart, COPY edges labelled with what
 * they carry. Stages the target doesn't need are dimmed. Placement comes from {@link LayeredLayout}.
 * A "build context" node feeds each COPY/ADD that reads the context, labelled with the files it
 * carries once {@link #showContext} knows them; edges between the same two nodes are bent apart
 * and their labels stacked; clicking an edge opens its details; the caret lights the edges it is on.
 *
 * <p>After a build it also shows the results: each card's state, elapsed time and size bar (one
 * scale for all cards), the final image's size and what was left behind on the target's card, and
 * on each COPY --from edge the files that landed, its thickness following their bytes. The results
 * are kept by stage index and by which COPY between which two nodes, so they stay on their cards and
 * edges while the file is edited (and are marked stale then), until {@link #clearBuild()}.
 */
public final class GraphView extends ScrollPane {
    static final double COLUMN_WIDTH = 340;
    static final double ROW_HEIGHT = 120;
    static final double MARGIN = 24;

    private final Pane canvas = new Pane();
    // Curves behind, then cards and image nodes, then edge labels: redrawing the edges of one layer
    // never disturbs the nodes of another.
    private final EdgeLayer edges = new EdgeLayer(this::openDetails);
    private final Group nodeLayer = new Group();
    private final Consumer<Stage> onStageClicked;
    // Nodes are kept and updated in place from one analysis to the next (cards by stage index,
    // image nodes by reference, edges by how they look): most edits then change a few texts, and
    // JavaFX restyles and lays out only those.
    private final Map<Integer, StageCard> cards = new HashMap<>();
    private final Map<String, Label> images = new HashMap<>();
    private final Label contextNode = contextNode();
    /** A short name per node for edge label ids (a stage's index, "i" and a number for an image): stable while lines move. */
    private final Map<GraphNode, String> nodeNames = new HashMap<>();
    private List<ContextCopy> contextCopies = List.of();
    private int selected = -1;
    private static final double PARALLEL_SPREAD = 22;
    /** The most edges drawn between two nodes; more are drawn as one "+N more" edge. */
    static final int MAX_PARALLEL = 6;
    private final Map<String, CarriedFiles> lastCarried = new HashMap<>();
    private Analysis shownAnalysis;
    private Map<GraphNode, LayeredLayout.Cell> shownCells = Map.of();
    /** The text and state class of each context edge's label on screen, by its instruction. */
    private final Map<Object, String[]> contextLabelsShown = new IdentityHashMap<>();
    private ContextReport contextReport;
    private Consumer<EdgeDetails> onEdgeClicked;
    static final double MIN_ZOOM = 0.25;
    static final double MAX_ZOOM = 4;
    static final double ZOOM_STEP = 1.25;
    /** A mouse wheel notch is usually 40 units of delta; one notch zooms by 10%. */
    private static final double WHEEL_NOTCH = 40;
    private static final double WHEEL_ZOOM = 1.1;
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    private boolean userZoomed;
    /** The smallest free space kept between a row's tallest card and the next row. */
    static final double ROW_GAP = 30;
    private final BuildResults build = new BuildResults();
    /** The build key of each COPY --from edge on screen (empty while no edge has results). */
    private Map<StageEdge, BuildResults.CopyEdgeKey> copyKeys = Map.of();

    public GraphView(Consumer<Stage> onStageClicked) {
        this.onStageClicked = onStageClicked;
        getStyleClass().add("graph-view");
        canvas.getStyleClass().add("graph-canvas");
        // The canvas sits in a Group so that scaling it (fit to window) also scales what the scroll pane sees.
        canvas.getChildren().addAll(edges.curveLayer(), nodeLayer, edges.labelLayer());
        setContent(new DrawingHolder(new Group(canvas)));
        setPannable(true);
        viewportBoundsProperty().addListener((obs, old, now) -> fit());
        addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() || e.isControlDown()) {
                if (e.getDeltaY() != 0) {
                    zoomAt(Math.pow(WHEEL_ZOOM, e.getDeltaY() / WHEEL_NOTCH), e.getSceneX(), e.getSceneY());
                }
                e.consume();
            }
        });
    }

    /**
     * Shrinks the drawing (never below half size) so the whole graph fits the visible area, unless
     * the user has zoomed: then the chosen zoom stays until {@link #fitToWindow()}.
     */
    private void fit() {
        Bounds content = canvas.getLayoutBounds();
        Bounds view = getViewportBounds();
        if (userZoomed || content.getWidth() <= 0 || view.getWidth() <= 0) {
            return;
        }
        double scale = Math.min(1, Math.min(view.getWidth() / content.getWidth(), view.getHeight() / content.getHeight()));
        scale = Math.max(0.5, scale);
        applyScale(scale);
    }

    private void applyScale(double value) {
        canvas.setScaleX(value);
        canvas.setScaleY(value);
        scale.set(value);
    }

    /** The drawing's current scale: 1 is actual size. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** Whether the user chose a zoom, so resizing the window no longer re-fits the graph. */
    public boolean userZoomed() {
        return userZoomed;
    }

    public void zoomIn() {
        zoomAtCentre(ZOOM_STEP);
    }

    public void zoomOut() {
        zoomAtCentre(1 / ZOOM_STEP);
    }

    /** Actual size (100%), about the centre of the view. */
    public void actualSize() {
        zoomAtCentre(1 / scale.get());
    }

    /** Back to fitting the window, which also resumes fitting as the window is resized. */
    public void fitToWindow() {
        userZoomed = false;
        fit();
    }

    /** Ctrl+= / Ctrl++ zoom in, Ctrl+- zooms out, Ctrl+0 fits; for a KEY_PRESSED filter on the window. */
    public void zoomKeyPressed(KeyEvent e) {
        if (!e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.EQUALS || code == KeyCode.PLUS || code == KeyCode.ADD) {
            zoomIn();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            zoomOut();
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            fitToWindow();
        } else {
            return;
        }
        e.consume();
    }

    private void zoomAtCentre(double factor) {
        Point2D centre = localToScene(getWidth() / 2, getHeight() / 2);
        zoomAt(factor, centre.getX(), centre.getY());
    }

    /** Zooms by {@code factor}, scrolling so that the drawing's point under scene point (x, y) stays there. */
    private void zoomAt(double factor, double sceneX, double sceneY) {
        double now = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, scale.get() * factor));
        userZoomed = true;
        if (now == scale.get()) {
            return;
        }
        Point2D pivot = canvas.sceneToLocal(sceneX, sceneY);
        applyScale(now);
        layout();
        Point2D moved = canvas.localToScene(pivot);
        Bounds content = getContent().getLayoutBounds();
        Bounds view = getViewportBounds();
        if (content.getWidth() > view.getWidth()) {
            setHvalue(clamp(getHvalue() + (moved.getX() - sceneX) / (content.getWidth() - view.getWidth()) * (getHmax() - getHmin()),
                    getHmin(), getHmax()));
        }
        if (content.getHeight() > view.getHeight()) {
            setVvalue(clamp(getVvalue() + (moved.getY() - sceneY) / (content.getHeight() - view.getHeight()) * (getVmax() - getVmin()),
                    getVmin(), getVmax()));
        }
        layout();
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /**
     * The whole drawing (not just what is visible) as an image, {@code pixelsPerUnit} pixels per unit
     * of the unzoomed graph, whatever the current zoom: 2 gives a sharp picture for documents.
     */
    public WritableImage snapshot(double pixelsPerUnit) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        double s = pixelsPerUnit / scale.get();
        params.setTransform(new Scale(s, s));
        return canvas.snapshot(params, null);
    }

    /** The drawing's size at scale 1. */
    public Bounds drawingBounds() {
        return canvas.getLayoutBounds();
    }

    /** Where each card and image node is on the unzoomed drawing, read from the nodes on screen. */
    public Map<GraphNode, GraphSvg.Box> boxes() {
        // A card whose style just changed (selected) is measured with its new style, not half-styled.
        canvas.applyCss();
        canvas.layout();
        Map<GraphNode, GraphSvg.Box> boxes = new HashMap<>();
        for (Map.Entry<Integer, StageCard> card : cards.entrySet()) {
            boxes.put(new GraphNode.StageNode(card.getKey()), box(card.getValue()));
        }
        for (Map.Entry<String, Label> image : images.entrySet()) {
            boxes.put(new GraphNode.ImageNode(image.getKey()), box(image.getValue()));
        }
        return boxes;
    }

    /** The edges, edge labels and build context node as drawn now, on the unzoomed drawing (after {@link #boxes()}). */
    public GraphSvg.Drawing drawing() {
        List<GraphSvg.Curve> drawn = new ArrayList<>();
        for (CubicCurve c : edges.curves()) {
            drawn.add(new GraphSvg.Curve(kindOf(c, "edge-"), c.getStartX(), c.getStartY(), c.getControlX1(), c.getControlY1(),
                    c.getControlX2(), c.getControlY2(), c.getEndX(), c.getEndY()));
        }
        List<GraphSvg.Tag> tags = new ArrayList<>();
        for (Label l : edges.labels()) {
            Bounds b = l.getBoundsInParent();
            tags.add(new GraphSvg.Tag(kindOf(l, "edge-label-"), l.getText(), new GraphSvg.Box(b.getMinX(), b.getMinY(), b.getWidth(),
                    b.getHeight())));
        }
        return new GraphSvg.Drawing(drawn, tags, contextNode.getParent() == nodeLayer ? box(contextNode) : null);
    }

    /** The edge kind a curve or label is styled for: its class after {@code prefix} (base, copy, mount, context). */
    private static String kindOf(Node n, String prefix) {
        for (String c : n.getStyleClass()) {
            if (c.startsWith(prefix) && !c.equals("edge-label-missing")) {
                return c.substring(prefix.length());
            }
        }
        return "base";
    }

    /** The node's own box: layout bounds, so the selected card's glow doesn't make it look bigger. */
    private static GraphSvg.Box box(Node n) {
        Bounds b = n.getLayoutBounds();
        return new GraphSvg.Box(n.getLayoutX() + b.getMinX(), n.getLayoutY() + b.getMinY(), b.getWidth(), b.getHeight());
    }

    /**
     * Shows an analysis. The layout depends only on the graph's shape, so unchanged shapes don't
     * move; nodes are reused, so an edit that changes little redraws little.
     */
    public void show(Analysis analysis) {
        show(analysis, LayeredLayout.layout(analysis), ContextCopy.of(analysis));
    }

    /**
     * Shows {@code analysis} placed in these cells, with these copies from the build context: both
     * are worked out from the analysis alone, so they can be prepared off the FX thread.
     */
    public void show(Analysis analysis, Map<GraphNode, LayeredLayout.Cell> cells, List<ContextCopy> copies) {
        shownAnalysis = analysis;
        shownCells = cells;
        contextLabelsShown.clear();
        // The last report stays until the new one comes: its files for unchanged lines, or its reason
        // (no context folder), stand in meanwhile, so labels don't flicker and aren't placed twice.
        copyKeys = build.hasEdges() ? BuildResults.keys(analysis) : Map.of();
        Map<GraphNode, Node> nodes = new HashMap<>();
        Map<Node, LayeredLayout.Cell> where = new LinkedHashMap<>();
        nodeNames.clear();
        List<Node> placed = new ArrayList<>();
        int columnZeroRows = 0;
        // The nodes that may have a new size or place: only then must CSS and layout run before edges are
        // drawn, and only for them (CSS applied to the whole canvas recomputes every node's style).
        List<Node> changed = new ArrayList<>();
        // Of those, the ones whose style classes changed or that are new: only they need CSS first.
        List<Node> restyled = new ArrayList<>();
        for (Map.Entry<GraphNode, LayeredLayout.Cell> entry : cells.entrySet()) {
            Node node;
            if (entry.getKey() instanceof GraphNode.StageNode s) {
                StageCard card = cards.computeIfAbsent(s.index(), this::newCard);
                Stage stage = analysis.stages().get(s.index());
                if (card.show(analysis, stage, s.index() == selected, build.stage(stage))) {
                    changed.add(card);
                    if (card.restyled()) {
                        restyled.add(card);
                    }
                }
                node = card;
                nodeNames.put(entry.getKey(), Integer.toString(s.index()));
            } else {
                node = images.computeIfAbsent(((GraphNode.ImageNode) entry.getKey()).reference(), GraphView::imageNode);
                nodeNames.put(entry.getKey(), "i" + nodeNames.size());
            }
            where.put(node, entry.getValue());
            nodes.put(entry.getKey(), node);
            placed.add(node);
            if (entry.getValue().column() == 0) {
                columnZeroRows++;
            }
        }
        double[] rowTops = rowTops(where, columnZeroRows, restyled);
        for (Map.Entry<Node, LayeredLayout.Cell> entry : where.entrySet()) {
            LayeredLayout.Cell cell = entry.getValue();
            if (relocate(entry.getKey(), MARGIN + cell.column() * COLUMN_WIDTH, MARGIN + rowTops[cell.row()])) {
                changed.add(entry.getKey());
            }
        }
        contextCopies = copies;
        Node context = null;
        if (!contextCopies.isEmpty()) {
            // Below everything else in the first column: its presence never moves another node.
            context = contextNode;
            if (relocate(context, MARGIN, MARGIN + rowTops[columnZeroRows])) {
                changed.add(context);
            }
            placed.add(context);
        }
        cards.values().removeIf(card -> !placed.contains(card));
        images.values().removeIf(image -> !placed.contains(image));
        boolean removed = nodeLayer.getChildren().removeIf(n -> !placed.contains(n));
        for (Node n : placed) {
            if (n.getParent() != nodeLayer) {
                nodeLayer.getChildren().add(n);
                changed.add(n);
                restyled.add(n);
            }
        }
        if (removed || !changed.isEmpty()) {
            restyled.forEach(Node::applyCss);
            canvas.layout();
        }
        // Edges between the same two nodes are drawn as one bundle, so their labels can be stacked apart.
        Map<List<Node>, List<BiFunction<Integer, Integer, EdgeLayer.Edge>>> bundles = new LinkedHashMap<>();
        for (StageEdge e : analysis.graph().edges()) {
            Node from = nodes.get(e.from());
            Node to = nodes.get(new GraphNode.StageNode(e.to()));
            if (from != null && to != null) {
                bundles.computeIfAbsent(List.of(from, to), k -> new ArrayList<>())
                        .add((index, count) -> edge(e, from, to, index, count));
            }
        }
        for (ContextCopy c : contextCopies) {
            Node to = nodes.get(new GraphNode.StageNode(c.stage()));
            if (to != null) {
                Node from = context;
                bundles.computeIfAbsent(List.of(from, to), k -> new ArrayList<>())
                        .add((index, count) -> contextEdge(c, from, to, index, count));
            }
        }
        List<List<EdgeLayer.Edge>> drawn = new ArrayList<>();
        for (Map.Entry<List<Node>, List<BiFunction<Integer, Integer, EdgeLayer.Edge>>> bundle : bundles.entrySet()) {
            List<BiFunction<Integer, Integer, EdgeLayer.Edge>> draws = bundle.getValue();
            // A bundle wider than a few edges (a file of hundreds of COPYs) draws its first ones and one edge for the rest.
            int count = Math.min(draws.size(), MAX_PARALLEL);
            int shown = draws.size() > MAX_PARALLEL ? MAX_PARALLEL - 1 : draws.size();
            List<EdgeLayer.Edge> group = new ArrayList<>(count);
            for (int i = 0; i < shown; i++) {
                group.add(draws.get(i).apply(i, count));
            }
            if (shown < draws.size()) {
                group.add(moreEdge(bundle.getKey().get(0), bundle.getKey().get(1), shown, count, draws.size() - shown));
            }
            drawn.add(group);
        }
        List<Bounds> nodeBounds = new ArrayList<>(nodeLayer.getChildren().size());
        for (Node n : nodeLayer.getChildren()) {
            nodeBounds.add(n.getBoundsInParent());
        }
        edges.draw(drawn, nodeBounds);
        fit();
    }

    /**
     * Where each row starts, below the first. Without a build every card fits a row of
     * {@link #ROW_HEIGHT}; a build's states and size bars make cards taller, and a row then grows to
     * its tallest card, so no card covers the one below. Measuring needs the cards' CSS, so new
     * cards join the layer and changed ones are styled first, only then.
     */
    private double[] rowTops(Map<Node, LayeredLayout.Cell> where, int columnZeroRows, List<Node> restyled) {
        int rows = columnZeroRows + 1;
        for (LayeredLayout.Cell cell : where.values()) {
            rows = Math.max(rows, cell.row() + 1);
        }
        double[] tallest = new double[rows];
        if (!build.isEmpty()) {
            for (Node n : where.keySet()) {
                if (n.getParent() != nodeLayer) {
                    nodeLayer.getChildren().add(n);
                    restyled.add(n);
                }
            }
            restyled.forEach(Node::applyCss);
            for (Map.Entry<Node, LayeredLayout.Cell> entry : where.entrySet()) {
                if (entry.getKey() instanceof StageCard card) {
                    int row = entry.getValue().row();
                    tallest[row] = Math.max(tallest[row], card.prefHeight(-1));
                }
            }
        }
        double[] tops = new double[rows];
        for (int r = 1; r < rows; r++) {
            tops[r] = tops[r - 1] + Math.max(ROW_HEIGHT, tallest[r - 1] + ROW_GAP);
        }
        return tops;
    }

    /** Moves a node to (x, y); true when that is a move. */
    private static boolean relocate(Node node, double x, double y) {
        if (node.getLayoutX() == x && node.getLayoutY() == y) {
            return false;
        }
        node.relocate(x, y);
        return true;
    }

    /** The analysis on screen, or null before the first. */
    Analysis shownAnalysis() {
        return shownAnalysis;
    }

    /** The COPY/ADD instructions that read the build context, in the analysis shown. */
    List<ContextCopy> contextCopies() {
        return contextCopies;
    }

    /** Drops the nodes past the first {@code used} from {@code pool} and from the layer that shows them. */
    private static <N extends Node> void trim(List<N> pool, int used, Group layer) {
        if (pool.size() > used) {
            List<N> unused = pool.subList(used, pool.size());
            layer.getChildren().removeAll(unused);
            unused.clear();
        }
    }

    private StageCard newCard(int index) {
        StageCard card = new StageCard(index);
        card.setOnMouseClicked(e -> {
            if (shownAnalysis != null && index < shownAnalysis.stages().size()) {
                onStageClicked.accept(shownAnalysis.stages().get(index));
            }
        });
        return card;
    }

    /** Lights the card of stage {@code index} (-1: none), as the editor's caret moves. */
    public void select(int index) {
        if (index == selected) {
            return;
        }
        StageCard old = cards.get(selected);
        if (old != null) {
            old.setSelected(false);
        }
        selected = index;
        StageCard now = cards.get(index);
        if (now != null) {
            now.setSelected(true);
        }
    }

    private static Label imageNode(String reference) {
        Label label = new Label(reference);
        label.getStyleClass().add("image-node");
        // The node is at most a column wide, and a reference with a digest is wider: the tooltip has it whole.
        label.setTooltip(new Tooltip(reference));
        return label;
    }

    /** Edge {@code index} of a bundle of {@code count} edges between the same two nodes, with its label. */
    private EdgeLayer.Edge edge(StageEdge e, Node from, Node to, int index, int count) {
        BuildReport.EdgeReport landed = build.edge(copyKeys.get(e));
        String kind = e.kind().label();
        List<String> curveClasses = List.of("edge", "edge-" + kind);
        List<String> labelClasses = List.of("edge-label", "edge-label-" + kind);
        String width = "";
        if (landed != null) {
            // Not "edge-..." names: the SVG export reads an edge's kind from its first "edge-" class.
            List<String> states = build.stale() ? List.of("landed", "stale-build") : List.of("landed");
            curveClasses = concat(curveClasses, states);
            labelClasses = concat(labelClasses, states);
            // Inline, because a stylesheet's -fx-stroke-width would win over a value set in code.
            width = "-fx-stroke-width: " + EdgeThickness.of(landed.bytes()) + ";";
        }
        String text = null;
        String id = null;
        if (e.kind() != EdgeKind.BASE) {
            String carried = e.carries();
            String written = carried.length() > 40 ? carried.substring(0, 37) + "..." : carried;
            text = landed == null ? written : written + "\n" + BuildTexts.landed(landed);
            id = "edge-label-" + nodeNames.get(e.from()) + "-" + e.to() + "-" + index;
        }
        return new EdgeLayer.Edge(e, look(from, to, index, count, curveClasses, width, labelClasses, text, id));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    /** One edge standing for the {@code more} edges of a bundle that are not drawn, labelled with their number. */
    private EdgeLayer.Edge moreEdge(Node from, Node to, int index, int count, int more) {
        String kind = from == contextNode ? "context" : "copy";
        String id = "more-edges-" + (from == contextNode ? "context" : nameOf(from)) + "-" + idOf(to);
        return new EdgeLayer.Edge(null, look(from, to, index, count, List.of("edge", "edge-" + kind), "",
                List.of("edge-label", "edge-label-" + kind, "edge-label-more"), "+" + more + " more", id));
    }

    /** The short name of a card or image node, as edge label ids use it. */
    private String nameOf(Node node) {
        for (Map.Entry<GraphNode, String> e : nodeNames.entrySet()) {
            if (e.getKey() instanceof GraphNode.StageNode s ? cards.get(s.index()) == node
                    : images.get(((GraphNode.ImageNode) e.getKey()).reference()) == node) {
                return e.getValue();
            }
        }
        return "node";
    }

    private static String idOf(Node node) {
        return node.getId() == null ? "node" : node.getId();
    }

    /** An edge from the build context to a stage that COPYs or ADDs from it, labelled with what it carries. */
    private EdgeLayer.Edge contextEdge(ContextCopy c, Node from, Node to, int index, int count) {
        List<String> labelClasses = List.of("edge-label", "edge-label-context");
        String[] text = contextLabel(c);
        contextLabelsShown.put(c.instruction(), text);
        if (text[1] != null) {
            labelClasses = concat(labelClasses, List.of(text[1]));
        }
        return new EdgeLayer.Edge(c.instruction(), look(from, to, index, count, List.of("edge", "edge-context"), "",
                labelClasses, text[0], "context-edge-" + c.stage() + "-" + index));
    }

    /**
     * A curve from the right of {@code from} to the left of {@code to}, bent apart from its parallel
     * edges, with these style classes and inline style, and its label.
     */
    private static EdgeLayer.Look look(Node from, Node to, int index, int count, List<String> curveClasses, String style,
                                       List<String> labelClasses, String text, String id) {
        Bounds a = from.getBoundsInParent();
        Bounds b = to.getBoundsInParent();
        double x1 = a.getMaxX();
        double y1 = a.getCenterY();
        double x2 = b.getMinX();
        double y2 = b.getCenterY();
        double bend = GraphSvg.bend(x1, x2);
        double spread = (index - (count - 1) / 2.0) * PARALLEL_SPREAD;
        return new EdgeLayer.Look(curveClasses, style, x1, y1, x1 + bend, y1 + spread, x2 - bend, y2 + spread, x2, y2,
                labelClasses, text, id);
    }

    private static Label contextNode() {
        Label node = new Label("build context");
        node.setId("build-context");
        node.getStyleClass().add("context-node");
        return node;
    }

    /**
     * Shows what the build context gives each COPY/ADD of the analysis on screen; a report for an
     * older analysis is ignored.
     */
    void showContext(ContextReport report) {
        if (report.analysis() != shownAnalysis) {
            return;
        }
        contextReport = report;
        String folder = report.folder() == null ? null : report.folder().toString();
        if (folder == null) {
            contextNode.setTooltip(null);
        } else if (contextNode.getTooltip() == null || !folder.equals(contextNode.getTooltip().getText())) {
            contextNode.setTooltip(new Tooltip(folder));
        }
        // Only a context edge's label can change, and mostly none does: the files of a line the
        // user did not touch are the same as before.
        for (ContextCopy c : contextCopies) {
            String[] shown = contextLabelsShown.get(c.instruction());
            if (shown != null && !Arrays.equals(contextLabel(c), shown)) {
                redraw();
                return;
            }
        }
    }

    /**
     * A context edge's label: two lines, the sources as written, then the files they carry (or why
     * that is not known); and "edge-label-missing" when a source matches nothing, else null.
     */
    private String[] contextLabel(ContextCopy c) {
        String written = c.carries();
        String first = written.length() > 40 ? written.substring(0, 37) + "..." : written;
        String key = c.stage() + "|" + written;
        String second;
        boolean missing = false;
        if (contextReport != null && contextReport.problem() != null) {
            second = contextReport.problem();
        } else {
            CarriedFiles files = contextReport == null ? null : contextReport.of(c.instruction());
            if (files == null) {
                // While the new result is computed, the last one for the same line stands in, so labels don't flicker.
                files = lastCarried.get(key);
            } else {
                lastCarried.put(key, files);
            }
            second = files == null ? "\u2026" : files.summary() + (files.unmatched().isEmpty() ? "" : ", "
                    + files.unmatched().size() + " missing");
            missing = files != null && !files.unmatched().isEmpty();
        }
        return new String[] {first + "\n" + second, missing ? "edge-label-missing" : null};
    }

    /**
     * A build began with {@code builder}: the last build's states go (its sizes and files stay until
     * the new report). The classic builder builds stages the target does not need; their cards say
     * that BuildKit would skip them.
     */
    public void buildStarted(BuilderKind builder) {
        build.started(builder);
        redraw();
    }

    /** One stage's new state and elapsed time, shown on its card. */
    public void stageChanged(BuildEvent.StageChanged event) {
        build.stageChanged(event);
        redraw();
    }

    /** Every stage's state at once (stage index to its last event), replacing those shown. */
    public void showStageStates(Map<Integer, BuildEvent.StageChanged> states) {
        build.states(states);
        redraw();
    }

    /**
     * A finished build's measurements: size bars, the final image's size and what was left behind,
     * and the files on each COPY --from edge. A new report is fresh: it is not stale.
     */
    public void showReport(BuildReport report) {
        build.report(report);
        redraw();
    }

    /**
     * Whether the Dockerfile changed since the build shown: its results are then dimmed and said to
     * be from the last build.
     */
    public void markBuildStale(boolean stale) {
        if (build.markStale(stale)) {
            redraw();
        }
    }

    /** Back to the plain graph: no states, sizes or landed files. */
    public void clearBuild() {
        if (!build.isEmpty()) {
            build.clear();
            redraw();
        }
    }

    /** Draws the shown analysis again with the build results as they are now; only what changed is touched. */
    private void redraw() {
        if (shownAnalysis != null) {
            show(shownAnalysis, shownCells, contextCopies);
        }
    }

    /** The curve of the edge that this label names. */
    CubicCurve curveOf(Label edgeLabel) {
        return edges.curveOf(edgeLabel);
    }

    /** Called with the details of an edge when the user clicks it. */
    void setOnEdgeClicked(Consumer<EdgeDetails> handler) {
        this.onEdgeClicked = handler;
    }

    private void openDetails(Object key) {
        if (key == null || onEdgeClicked == null || shownAnalysis == null) {
            return;
        }
        EdgeDetails details = key instanceof StageEdge e ? details(e) : contextDetails((Instruction) key);
        if (details != null) {
            onEdgeClicked.accept(details);
        }
    }

    private EdgeDetails details(StageEdge e) {
        String kind = e.kind() == EdgeKind.COPY ? "COPY --from" : e.kind() == EdgeKind.MOUNT ? "RUN --mount from=" : "FROM";
        String from = e.fromStage() != null ? shownAnalysis.stages().get(e.fromStage()).label() : e.fromImage();
        BuildReport.EdgeReport landed = build.edge(copyKeys.get(e));
        String note = landed != null && build.stale() ? "From the last build: the Dockerfile has changed since." : null;
        return new EdgeDetails(kind, from, shownAnalysis.stages().get(e.to()).label(), e.line(),
                e.instruction().source().node().text(), e.sources(), e.destination(), null, note, landed);
    }

    private EdgeDetails contextDetails(Instruction instruction) {
        for (ContextCopy c : contextCopies) {
            if (c.instruction() == instruction) {
                CarriedFiles files = contextReport == null ? null : contextReport.of(instruction);
                String note = contextReport == null ? "Reading the build context\u2026"
                        : contextReport.problem() != null ? "Files unknown: " + contextReport.problem()
                        : "Context folder: " + contextReport.folder();
                return new EdgeDetails(instruction.kind().name() + " from the build context", "build context",
                        shownAnalysis.stages().get(c.stage()).label(), instruction.line(), instruction.source().node().text(),
                        c.sources(), c.destination(), files, note);
            }
        }
        return null;
    }

    /**
     * Lights the edges made where the caret is: the edge whose {@code --from}/{@code from=} value
     * it is on, else every edge made by the instruction it is in (a COPY or RUN, or a COPY/ADD
     * from the build context).
     */
    /** The curves and labels {@link #selectEdgesAt} lit last (a redraw may have reused some for other edges). */
    private Set<Node> litEdgeNodes = Set.of();

    void selectEdgesAt(int caret) {
        // By identity: instructions are records, and comparing them field by field for every edge is slow.
        Set<Object> at = Collections.newSetFromMap(new IdentityHashMap<>());
        if (shownAnalysis != null) {
            for (StageEdge e : shownAnalysis.graph().edges()) {
                if (e.kind() != EdgeKind.BASE && e.reference() != null && covers(e.reference(), caret)) {
                    at.add(e);
                }
            }
            if (at.isEmpty()) {
                for (StageEdge e : shownAnalysis.graph().edges()) {
                    if (e.kind() != EdgeKind.BASE && covers(e.instruction().range(), caret)) {
                        at.add(e);
                    }
                }
                for (ContextCopy c : contextCopies) {
                    if (covers(c.instruction().range(), caret)) {
                        at.add(c.instruction());
                    }
                }
            }
        }
        // Only the nodes lit before and those to light now are touched, not every edge of the graph.
        Set<Node> nowLit = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Object, List<Node>> byKey = edges.nodesByKey();
        for (Object key : at) {
            nowLit.addAll(byKey.getOrDefault(key, List.of()));
        }
        for (Node n : litEdgeNodes) {
            if (!nowLit.contains(n)) {
                n.getStyleClass().remove("selected");
            }
        }
        for (Node n : nowLit) {
            if (!n.getStyleClass().contains("selected")) {
                n.getStyleClass().add("selected");
            }
        }
        litEdgeNodes = nowLit;
    }

    private static boolean covers(SourceRange range, int caret) {
        return caret >= range.start() && caret <= range.end();
    }

    /**
     * The scroll pane's content: the scaled drawing, at its size. The scroll pane recomputes its
     * content's bounds on every change of them, and a Group's bounds change with every curve moved:
     * redrawing a hundred edges would then measure the whole drawing a hundred times. This holder's
     * bounds are its own size, which follows the drawing's once per layout pass.
     */
    private static final class DrawingHolder extends Region {
        private final Group drawing;

        DrawingHolder(Group drawing) {
            this.drawing = drawing;
            getChildren().add(drawing);
            drawing.layoutBoundsProperty().addListener((InvalidationListener) o -> requestLayout());
        }

        @Override
        protected double computePrefWidth(double height) {
            return drawing.getLayoutBounds().getWidth();
        }

        @Override
        protected double computePrefHeight(double width) {
            return drawing.getLayoutBounds().getHeight();
        }

        @Override
        protected void layoutChildren() {
            drawing.relocate(0, 0);
        }
    }
}
