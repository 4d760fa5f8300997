package dev.stagecraft.ui;

import dev.stagecraft.layout.GraphSvg;
import dev.stagecraft.layout.LayeredLayout;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.EdgeKind;
import dev.stagecraft.stage.GraphNode;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 */
public final class GraphView extends ScrollPane {
    static final double COLUMN_WIDTH = 340;
    static final double ROW_HEIGHT = 120;
    static final double MARGIN = 24;

    private final Pane canvas = new Pane();
    private final Consumer<Stage> onStageClicked;
    private final Map<Integer, Node> cards = new HashMap<>();
    private int selected = -1;
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
        Map<GraphNode, LayeredLayout.Cell> cells = LayeredLayout.layout(analysis);
        Map<GraphNode, Node> nodes = new HashMap<>();
        for (Map.Entry<GraphNode, LayeredLayout.Cell> entry : cells.entrySet()) {
            Node node = entry.getKey() instanceof GraphNode.StageNode s
                    ? stageCard(analysis, analysis.stages().get(s.index()))
                    : imageNode(((GraphNode.ImageNode) entry.getKey()).reference());
            node.relocate(MARGIN + entry.getValue().column() * COLUMN_WIDTH, MARGIN + entry.getValue().row() * ROW_HEIGHT);
            nodes.put(entry.getKey(), node);
            canvas.getChildren().add(node);
        }
        canvas.applyCss();
        canvas.layout();
        for (StageEdge e : analysis.graph().edges()) {
            Node from = nodes.get(e.from());
            Node to = nodes.get(new GraphNode.StageNode(e.to()));
            if (from != null && to != null) {
                drawEdge(e, from, to);
            }
        }
        canvas.applyCss();
        canvas.layout();
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

    private void drawEdge(StageEdge e, Node from, Node to) {
        Bounds a = from.getBoundsInParent();
        Bounds b = to.getBoundsInParent();
        double x1 = a.getMaxX();
        double y1 = a.getCenterY();
        double x2 = b.getMinX();
        double y2 = b.getCenterY();
        double bend = Math.max(40, Math.abs(x2 - x1) / 2);
        CubicCurve curve = new CubicCurve(x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2);
        curve.getStyleClass().addAll("edge", "edge-" + e.kind().label());
        canvas.getChildren().add(0, curve);
        if (e.kind() != EdgeKind.BASE) {
            String carried = e.carries();
            Label label = new Label(carried.length() > 40 ? carried.substring(0, 37) + "..." : carried);
            label.getStyleClass().addAll("edge-label", "edge-label-" + e.kind().label());
            // Centred on the curve's midpoint, just above it.
            label.relocate((x1 + x2) / 2, (y1 + y2) / 2 - 20);
            label.translateXProperty().bind(label.widthProperty().divide(-2));
            canvas.getChildren().add(label);
        }
    }
}
