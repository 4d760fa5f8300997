package dev.stagecraft.ui;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.fxmisc.richtext.CodeArea;

/**
 * What a build draws in the window besides its log: stage states, size bars and landed files on
 * the graph; step marks and layer bars in the editor's gutter; the caret on a failed step. Results
 * describe the text that was built, so they are marked stale once the editor's text differs, and
 * forgotten when another text replaces it. FX thread only.
 */
final class EditorBuildViews implements BuildController.Views {
    private final CodeArea editor;
    private final GraphView graph;
    private final BuildMarks marks;
    private final IntConsumer caretToLine;
    private final Map<Integer, BuildEvent.StageChanged> stageStates = new HashMap<>();
    private String builtText;

    EditorBuildViews(CodeArea editor, GraphView graph, BuildMarks marks, IntConsumer caretToLine) {
        this.editor = editor;
        this.graph = graph;
        this.marks = marks;
        this.caretToLine = caretToLine;
    }

    @Override
    public void started(BuildController.Request request) {
        stageStates.clear();
        builtText = request.text();
        graph.buildStarted(request.settings().builder());
        marks.startBuild(DockerfileAnalyzer.analyze(builtText));
    }

    @Override
    public void events(List<BuildEvent> events) {
        boolean stagesChanged = false;
        for (BuildEvent e : events) {
            if (e instanceof BuildEvent.StageChanged stage) {
                stageStates.put(stage.stageIndex(), stage);
                stagesChanged = true;
            }
        }
        marks.apply(events);
        // One redraw per batch: the graph redraws as a whole.
        if (stagesChanged) {
            graph.showStageStates(Map.copyOf(stageStates));
        }
    }

    @Override
    public void finished(BuildReport report) {
        graph.showReport(report);
        marks.showLayers(report);
        textEdited();
    }

    @Override
    public void failed(EngineException failure) {
        marks.failedLine().ifPresent(caretToLine);
    }

    /**
     * A build from the history whose text is the editor's: its results are drawn as if it had just
     * finished (and are marked stale as soon as the text changes, like any build's).
     */
    void showPast(String text, BuildReport report) {
        stageStates.clear();
        builtText = text;
        graph.clearBuild();
        marks.startBuild(DockerfileAnalyzer.analyze(text));
        finished(report);
    }

    /** The editor's text changed: results of another text are from the last build. */
    void textEdited() {
        if (builtText != null) {
            graph.markBuildStale(!builtText.equals(editor.getText()));
        }
    }

    /** Another text replaces the editor's: the last build's results are about something else. */
    void forget() {
        builtText = null;
        stageStates.clear();
        marks.clearBuild();
        graph.clearBuild();
    }
}
