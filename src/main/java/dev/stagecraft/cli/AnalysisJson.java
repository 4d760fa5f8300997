package dev.stagecraft.cli;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.EdgeKind;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.SourceRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of an analysis; field names and meanings are a contract (see docs/cli.md). */
public final class AnalysisJson {
    private AnalysisJson() {
    }

    public static Map<String, Object> of(Analysis a) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> stages = new ArrayList<>();
        for (Stage s : a.stages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", s.index());
            m.put("name", s.name());
            m.put("base", s.base());
            m.put("baseStage", s.baseStage());
            m.put("line", s.line());
            m.put("reachable", s.reachable());
            m.put("instructions", s.instructions().size());
            stages.add(m);
        }
        root.put("stages", stages);
        root.put("target", a.target());
        List<Object> edges = new ArrayList<>();
        for (StageEdge e : a.graph().edges()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", e.kind().label());
            m.put("from", e.fromStage());
            m.put("image", e.fromImage());
            m.put("to", e.to());
            m.put("line", e.line());
            if (e.kind() != EdgeKind.BASE) {
                m.put("sources", e.sources());
                m.put("destination", e.destination());
            }
            edges.add(m);
        }
        root.put("edges", edges);
        root.put("buildOrder", a.buildOrder());
        root.put("diagnostics", diagnostics(a.diagnostics()));
        return root;
    }

    static List<Object> diagnostics(List<Diagnostic> diagnostics) {
        List<Object> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Map<String, Object> m = new LinkedHashMap<>();
            SourceRange r = d.range();
            m.put("id", d.id());
            m.put("severity", d.severity().label());
            m.put("line", r == null ? null : r.startLine());
            m.put("column", r == null ? null : r.startColumn());
            m.put("endLine", r == null ? null : r.endLine());
            m.put("endColumn", r == null ? null : r.endColumn());
            m.put("message", d.message());
            out.add(m);
        }
        return out;
    }
}
