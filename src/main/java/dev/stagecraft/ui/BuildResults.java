package dev.stagecraft.ui;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.EdgeKind;
import dev.stagecraft.stage.GraphNode;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last build as the graph shows it: stage states from the running build, and the measured
 * report. Kept by stage index and by {@link CopyEdgeKey} (which two nodes, and the how-manyth COPY
 * between them), never by line: the graph is redrawn on every edit, and a line inserted above would
 * otherwise detach every result below it.
 */
final class BuildResults {
    private BuilderKind builder;
    private final Map<Integer, BuildEvent.StageChanged> states = new HashMap<>();
    private BuildReport report;
    private final Map<Integer, StageReport> stageReports = new HashMap<>();
    private final Map<CopyEdgeKey, EdgeReport> edgeReports = new HashMap<>();
    private long scaleBytes;
    private boolean stale;

    /**
     * A COPY --from edge by what it joins, not where it is written: from a stage or an image, into
     * stage {@code to}, the {@code nth} (0-based, in file order) COPY between those two.
     */
    record CopyEdgeKey(GraphNode from, int to, int nth) {
    }

    /** Whether there is nothing to show: no state and no report. */
    boolean isEmpty() {
        return states.isEmpty() && report == null;
    }

    /**
     * A build began: the states of the last one go. Its report stays until the new one comes, unless
     * the file changed since (stale): that report describes a file no longer there.
     */
    void started(BuilderKind kind) {
        if (stale) {
            clear();
        }
        builder = kind;
        states.clear();
    }

    /** Whether some COPY --from edge has landed files to show. */
    boolean hasEdges() {
        return !edgeReports.isEmpty();
    }

    void stageChanged(BuildEvent.StageChanged event) {
        if (event.stageIndex() >= 0) {
            states.put(event.stageIndex(), event);
        }
    }

    void states(Map<Integer, BuildEvent.StageChanged> all) {
        states.clear();
        for (BuildEvent.StageChanged e : all.values()) {
            stageChanged(e);
        }
    }

    /** The report of a finished build; it is fresh, so nothing is stale any more. */
    void report(BuildReport finished) {
        report = finished;
        builder = finished.builder();
        stale = false;
        stageReports.clear();
        scaleBytes = 0;
        for (StageReport s : finished.stages()) {
            stageReports.put(s.index(), s);
            if (s.built()) {
                scaleBytes = Math.max(scaleBytes, Math.max(s.sizeBytes(), s.baseSizeBytes() + s.ownBytes()));
            }
        }
        edgeReports.clear();
        Map<List<GraphNode>, Integer> seen = new HashMap<>();
        List<EdgeReport> inFileOrder = new ArrayList<>(finished.edges());
        inFileOrder.sort(Comparator.comparingInt(EdgeReport::line));
        for (EdgeReport e : inFileOrder) {
            GraphNode from = e.fromStage() != null ? new GraphNode.StageNode(e.fromStage()) : new GraphNode.ImageNode(e.image());
            int nth = seen.merge(List.of(from, new GraphNode.StageNode(e.to())), 1, Integer::sum) - 1;
            edgeReports.put(new CopyEdgeKey(from, e.to(), nth), e);
        }
    }

    void clear() {
        builder = null;
        states.clear();
        report = null;
        stageReports.clear();
        edgeReports.clear();
        scaleBytes = 0;
        stale = false;
    }

    /** True when that changed anything shown. With nothing shown there is nothing to be stale. */
    boolean markStale(boolean now) {
        boolean was = stale;
        stale = now && !isEmpty();
        return stale != was;
    }

    boolean stale() {
        return stale;
    }

    /** What the card of {@code stage} shows, or null when the build said nothing about it. */
    StageBuild stage(Stage stage) {
        if (isEmpty()) {
            return null;
        }
        BuildEvent.StageChanged state = states.get(stage.index());
        StageReport measured = stageReports.get(stage.index());
        if (state == null && measured == null) {
            return null;
        }
        boolean needed = measured != null ? measured.needed() : stage.reachable();
        boolean built = measured != null ? measured.built() : state.state() != StepState.SKIPPED;
        StageBuild.Summary summary = report != null && report.targetStage() == stage.index()
                ? new StageBuild.Summary(report.finalSizeBytes(), report.leftBehindBytes()) : null;
        return new StageBuild(state == null ? null : state.state(), state == null ? null : state.elapsed(), measured,
                scaleBytes, builder == BuilderKind.CLASSIC && !needed && built, summary, stale);
    }

    /** The files that landed through the edge with this key, or null when the report has none. */
    EdgeReport edge(CopyEdgeKey key) {
        return key == null ? null : edgeReports.get(key);
    }

    /** The key of every COPY --from edge of {@code analysis}, by identity (edges are compared so). */
    static Map<StageEdge, CopyEdgeKey> keys(Analysis analysis) {
        List<StageEdge> copies = new ArrayList<>();
        for (StageEdge e : analysis.graph().edges()) {
            if (e.kind() == EdgeKind.COPY) {
                copies.add(e);
            }
        }
        copies.sort(Comparator.comparingInt(StageEdge::line));
        Map<StageEdge, CopyEdgeKey> keys = new IdentityHashMap<>();
        Map<List<GraphNode>, Integer> seen = new HashMap<>();
        for (StageEdge e : copies) {
            int nth = seen.merge(List.of(e.from(), new GraphNode.StageNode(e.to())), 1, Integer::sum) - 1;
            keys.put(e, new CopyEdgeKey(e.from(), e.to(), nth));
        }
        return keys;
    }
}
