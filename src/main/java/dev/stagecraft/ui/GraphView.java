package dev.stagecraft.ui;

import dev.stagecraft.context.CarriedFiles;
import dev.stagecraft.context.ContextCopy;
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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.BoundingBox;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
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
import javafx.scene.layout.VBox;
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
 */
public final class GraphView extends ScrollPane {
    static final double COLUMN_WIDTH = 340;
    static final double ROW_HEIGHT = 120;
    static final double MARGIN = 24;

    private final Pane canvas = new Pane();
    private final Consumer<Stage> onStageClicked;
    private final Map<Integer, Node> cards = new HashMap<>();
    private int selected = -1;
    private static final double PARALLEL_SPREAD = 22;
    private static final double LABEL_GAP = 2;
    /** The curve and label of each edge: a StageEdge, or the instruction of a COPY/ADD from the build context. */
    private final Map<Object, List<Node>> edgeNodes = new IdentityHashMap<>();
    private final List<List<PlacedLabel>> labelGroups = new ArrayList<>();
    private final Map<ContextCopy, Label> contextLabels = new LinkedHashMap<>();
    private final Map<String, CarriedFiles> lastCarried = new HashMap<>();
    private Analysis shownAnalysis;
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

    public GraphView(Consumer<Stage> onStageClicked) {
        this.onStageClicked = onStageClicked;
        getStyleClass().add("graph-view");
        canvas.getStyleClass().add("graph-canvas");
        // The canvas sits in a Group so that scaling it (fit to window) also scales what the scroll pane sees.
        setContent(new javafx.scene.Group(canvas));
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
        for (Map.Entry<Integer, Node> card : cards.entrySet()) {
            boxes.put(new GraphNode.StageNode(card.getKey()), box(card.getValue()));
        }
        for (Node n : canvas.getChildren()) {
            if (n.getStyleClass().contains("image-node") && n instanceof Label label) {
                boxes.put(new GraphNode.ImageNode(label.getText()), box(n));
            }
        }
        return boxes;
    }

    /** The node's own box: layout bounds, so the selected card's glow doesn't make it look bigger. */
    private static GraphSvg.Box box(Node n) {
        Bounds b = n.getLayoutBounds();
        return new GraphSvg.Box(n.getLayoutX() + b.getMinX(), n.getLayoutY() + b.getMinY(), b.getWidth(), b.getHeight());
    }

    /** Redraws for an analysis; the layout depends only on the graph's shape, so unchanged shapes don't move. */
    public void show(Analysis analysis) {
        canvas.getChildren().clear();
        cards.clear();
        edgeNodes.clear();
        labelGroups.clear();
        contextLabels.clear();
        shownAnalysis = analysis;
        contextReport = null;
        Map<GraphNode, LayeredLayout.Cell> cells = LayeredLayout.layout(analysis);
        Map<GraphNode, Node> nodes = new HashMap<>();
        int columnZeroRows = 0;
        for (Map.Entry<GraphNode, LayeredLayout.Cell> entry : cells.entrySet()) {
            Node node = entry.getKey() instanceof GraphNode.StageNode s
                    ? stageCard(analysis, analysis.stages().get(s.index()))
                    : imageNode(((GraphNode.ImageNode) entry.getKey()).reference());
            node.relocate(MARGIN + entry.getValue().column() * COLUMN_WIDTH, MARGIN + entry.getValue().row() * ROW_HEIGHT);
            nodes.put(entry.getKey(), node);
            canvas.getChildren().add(node);
            if (entry.getValue().column() == 0) {
                columnZeroRows++;
            }
        }
        List<ContextCopy> contextCopies = ContextCopy.of(analysis);
        Node context = null;
        if (!contextCopies.isEmpty()) {
            // Below everything else in the first column: its presence never moves another node.
            context = contextNode();
            context.relocate(MARGIN, MARGIN + columnZeroRows * ROW_HEIGHT);
            canvas.getChildren().add(context);
        }
        canvas.applyCss();
        canvas.layout();
        // Edges between the same two nodes are drawn as one bundle, so their labels can be stacked apart.
        Map<List<Node>, List<Runnable>> bundles = new LinkedHashMap<>();
        for (StageEdge e : analysis.graph().edges()) {
            Node from = nodes.get(e.from());
            Node to = nodes.get(new GraphNode.StageNode(e.to()));
            if (from != null && to != null) {
                List<Runnable> bundle = bundles.computeIfAbsent(List.of(from, to), k -> new ArrayList<>());
                int index = bundle.size();
                bundle.add(() -> drawEdge(e, from, to, index, bundles.get(List.of(from, to)).size()));
            }
        }
        for (ContextCopy c : contextCopies) {
            Node to = nodes.get(new GraphNode.StageNode(c.stage()));
            if (to != null) {
                Node from = context;
                List<Runnable> bundle = bundles.computeIfAbsent(List.of(from, to), k -> new ArrayList<>());
                int index = bundle.size();
                bundle.add(() -> drawContextEdge(c, from, to, index, bundles.get(List.of(from, to)).size()));
            }
        }
        for (List<Runnable> bundle : bundles.values()) {
            labelGroups.add(new ArrayList<>());
            bundle.forEach(Runnable::run);
        }
        placeLabels();
        fit();
    }

    private Node stageCard(Analysis analysis, Stage stage) {
        VBox card = new VBox(2);
        card.getStyleClass().add("stage-card");
        card.setId("stage-" + stage.index());
        if (!stage.reachable()) {
            card.getStyleClass().add("unreachable");
        }
        if (analysis.target() != null && analysis.target() == stage.index()) {
            card.getStyleClass().add("target");
        }
        Label title = new Label(stage.label());
        title.getStyleClass().add("stage-title");
        Label base = new Label(stage.baseLabel());
        base.getStyleClass().add("stage-base");
        Label count = new Label(stage.instructionCount());
        count.getStyleClass().add("stage-count");
        boolean ships = analysis.ships(stage.index());
        Label fate = new Label(!stage.reachable() ? "not built for this target"
                : ships ? "ships in the final image" : "left behind (build only)");
        fate.getStyleClass().addAll("stage-fate", !stage.reachable() ? "fate-skipped" : ships ? "fate-ships" : "fate-left-behind");
        card.getStyleClass().add(!stage.reachable() ? "skipped" : ships ? "ships" : "left-behind");
        card.getChildren().addAll(title, base, count, fate);
        card.setOnMouseClicked(e -> onStageClicked.accept(stage));
        cards.put(stage.index(), card);
        if (stage.index() == selected) {
            card.getStyleClass().add("selected");
        }
        return card;
    }

    /** Lights the card of stage {@code index} (-1: none), as the editor's caret moves. */
    public void select(int index) {
        if (index == selected) {
            return;
        }
        Node old = cards.get(selected);
        if (old != null) {
            old.getStyleClass().remove("selected");
        }
        selected = index;
        Node now = cards.get(index);
        if (now != null) {
            now.getStyleClass().add("selected");
        }
    }

    private Node imageNode(String reference) {
        Label label = new Label(reference);
        label.getStyleClass().add("image-node");
        return label;
    }

    /** Draws edge {@code index} of a bundle of {@code count} edges between the same two nodes, and its label. */
    private void drawEdge(StageEdge e, Node from, Node to, int index, int count) {
        CubicCurve curve = curve(from, to, index, count, e.kind().label());
        edgeNodes.put(e, new ArrayList<>(List.of(curve)));
        if (e.kind() != EdgeKind.BASE) {
            String carried = e.carries();
            Label label = new Label(carried.length() > 40 ? carried.substring(0, 37) + "..." : carried);
            label.getStyleClass().addAll("edge-label", "edge-label-" + e.kind().label());
            label.setId("edge-label-" + e.line() + "-" + index);
            addLabel(e, label, curve);
        }
    }

    /** An edge from the build context to a stage that COPYs or ADDs from it. */
    private void drawContextEdge(ContextCopy c, Node from, Node to, int index, int count) {
        CubicCurve curve = curve(from, to, index, count, "context");
        edgeNodes.put(c.instruction(), new ArrayList<>(List.of(curve)));
        Label label = new Label();
        label.getStyleClass().addAll("edge-label", "edge-label-context");
        label.setId("context-edge-" + c.instruction().line());
        contextLabels.put(c, label);
        updateContextLabel(c, label);
        addLabel(c.instruction(), label, curve);
    }

    /** A curve from the right of {@code from} to the left of {@code to}, bent apart from its parallel edges. */
    private CubicCurve curve(Node from, Node to, int index, int count, String kind) {
        Bounds a = from.getBoundsInParent();
        Bounds b = to.getBoundsInParent();
        double x1 = a.getMaxX();
        double y1 = a.getCenterY();
        double x2 = b.getMinX();
        double y2 = b.getCenterY();
        double bend = Math.max(40, Math.abs(x2 - x1) / 2);
        double spread = (index - (count - 1) / 2.0) * PARALLEL_SPREAD;
        CubicCurve curve = new CubicCurve(x1, y1, x1 + bend, y1 + spread, x2 - bend, y2 + spread, x2, y2);
        curve.getStyleClass().addAll("edge", "edge-" + kind);
        canvas.getChildren().add(0, curve);
        return curve;
    }

    private void addLabel(Object key, Label label, CubicCurve curve) {
        label.setOnMouseClicked(ev -> openDetails(key));
        curve.setOnMouseClicked(ev -> openDetails(key));
        label.translateXProperty().bind(label.widthProperty().divide(-2));
        edgeNodes.get(key).add(label);
        labelGroups.get(labelGroups.size() - 1).add(new PlacedLabel(label, curve));
        canvas.getChildren().add(label);
    }

    /**
     * Stacks the labels of each bundle above its top curve's midpoint, one under the other, so
     * parallel edges' labels never cover each other; then moves any label that covers a node or
     * an earlier label just clear of it (long edges cross columns, where their midpoint may sit on
     * a card).
     */
    private void placeLabels() {
        canvas.applyCss();
        canvas.layout();
        List<Bounds> taken = new ArrayList<>();
        for (Node n : canvas.getChildren()) {
            if (!(n instanceof CubicCurve) && !n.getStyleClass().contains("edge-label")) {
                taken.add(n.getBoundsInParent());
            }
        }
        for (List<PlacedLabel> group : labelGroups) {
            if (group.isEmpty()) {
                continue;
            }
            double top = Double.MAX_VALUE;
            double height = 0;
            for (PlacedLabel p : group) {
                CubicCurve c = p.curve();
                // A cubic's midpoint (t = 1/2) weighs the control points three times the ends.
                top = Math.min(top, (c.getStartY() + 3 * c.getControlY1() + 3 * c.getControlY2() + c.getEndY()) / 8);
                height += p.label().prefHeight(-1) + LABEL_GAP;
            }
            double y = top - 6 - height;
            for (PlacedLabel p : group) {
                CubicCurve c = p.curve();
                double midX = (c.getStartX() + 3 * c.getControlX1() + 3 * c.getControlX2() + c.getEndX()) / 8;
                double w = p.label().prefWidth(-1);
                double h = p.label().prefHeight(-1);
                double free = clearY(taken, midX - w / 2, y, w, h);
                p.label().relocate(midX, free);
                taken.add(new BoundingBox(midX - w / 2, free, w, h));
                y = free + h + LABEL_GAP;
            }
        }
        canvas.applyCss();
        canvas.layout();
    }

    /** The nearest top, at or below {@code y}, where a box of this size covers nothing already placed. */
    private static double clearY(List<Bounds> taken, double x, double y, double width, double height) {
        double top = y;
        for (int tries = 0; tries < 50; tries++) {
            Bounds box = new BoundingBox(x, top, width, height);
            Bounds hit = null;
            for (Bounds b : taken) {
                if (b.intersects(box)) {
                    hit = b;
                    break;
                }
            }
            if (hit == null) {
                return top;
            }
            top = hit.getMaxY() + LABEL_GAP;
        }
        return top;
    }

    private Node contextNode() {
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
        contextLabels.forEach(this::updateContextLabel);
        Node node = canvas.lookup("#build-context");
        if (node instanceof Label l) {
            l.setTooltip(report.folder() == null ? null : new Tooltip(report.folder().toString()));
        }
        placeLabels();
    }

    /** Two lines: the sources as written, then the files they carry (or why that is not known). */
    private void updateContextLabel(ContextCopy c, Label label) {
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
        label.setText(first + "\n" + second);
        label.getStyleClass().remove("edge-label-missing");
        if (missing) {
            label.getStyleClass().add("edge-label-missing");
        }
    }

    /** Called with the details of an edge when the user clicks it. */
    void setOnEdgeClicked(Consumer<EdgeDetails> handler) {
        this.onEdgeClicked = handler;
    }

    private void openDetails(Object key) {
        if (onEdgeClicked == null || shownAnalysis == null) {
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
        return new EdgeDetails(kind, from, shownAnalysis.stages().get(e.to()).label(), e.line(),
                e.instruction().source().node().text(), e.sources(), e.destination(), null, null);
    }

    private EdgeDetails contextDetails(Instruction instruction) {
        for (ContextCopy c : contextLabels.keySet()) {
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
    void selectEdgesAt(int caret) {
        List<Object> at = new ArrayList<>();
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
                for (ContextCopy c : contextLabels.keySet()) {
                    if (covers(c.instruction().range(), caret)) {
                        at.add(c.instruction());
                    }
                }
            }
        }
        for (Map.Entry<Object, List<Node>> entry : edgeNodes.entrySet()) {
            boolean lit = at.contains(entry.getKey());
            for (Node n : entry.getValue()) {
                if (lit && !n.getStyleClass().contains("selected")) {
                    n.getStyleClass().add("selected");
                } else if (!lit) {
                    n.getStyleClass().remove("selected");
                }
            }
        }
    }

    private static boolean covers(SourceRange range, int caret) {
        return caret >= range.start() && caret <= range.end();
    }

    /** A label and the curve it names. */
    private record PlacedLabel(Label label, CubicCurve curve) {
    }
}
