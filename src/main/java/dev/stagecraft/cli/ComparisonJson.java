package dev.stagecraft.cli;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.compare.ComparedBuild;
import dev.stagecraft.compare.EdgeChange;
import dev.stagecraft.compare.FileChange;
import dev.stagecraft.compare.LayerChange;
import dev.stagecraft.compare.LeftBehindFile;
import dev.stagecraft.compare.StageRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code stagecraft compare --format json}: the contract written down in docs/cli.md. Each side's
 * {@code stages} are exactly what {@code stagecraft build --format json} prints.
 */
final class ComparisonJson {
    private ComparisonJson() {
    }

    static Map<String, Object> of(BuildComparison c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("a", side(c.a()));
        json.put("b", side(c.b()));
        json.put("deltaBytes", c.deltaBytes());
        json.put("deltaPercent", c.deltaPercent() == null ? null
                : Double.valueOf(String.format(Locale.ROOT, "%.1f", c.deltaPercent())));
        List<Object> stages = new ArrayList<>();
        for (StageRow r : c.stages()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("a", r.a() == null ? null : r.a().index());
            row.put("b", r.b() == null ? null : r.b().index());
            row.put("final", r.targets());
            row.put("sizeDeltaBytes", r.sizeDeltaBytes());
            row.put("ownDeltaBytes", r.ownDeltaBytes());
            stages.add(row);
        }
        json.put("stages", stages);
        List<Object> layers = new ArrayList<>();
        for (LayerChange l : c.layers()) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("instruction", l.instruction());
            layer.put("a", layerSide(l.a()));
            layer.put("b", layerSide(l.b()));
            layer.put("deltaBytes", l.deltaBytes());
            layers.add(layer);
        }
        json.put("layers", layers);
        List<Object> edges = new ArrayList<>();
        for (EdgeChange e : c.edges()) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("kind", e.kind());
            edge.put("from", e.from());
            edge.put("to", e.to());
            edge.put("instruction", e.instruction());
            edge.put("lineA", e.lineA());
            edge.put("lineB", e.lineB());
            edge.put("deltaBytes", e.deltaBytes());
            edge.put("files", files(e.files()));
            edges.add(edge);
        }
        json.put("edges", edges);
        json.put("finalFilesKnown", !c.finalFilesUnknown());
        json.put("finalFiles", files(c.finalFiles()));
        List<Object> left = new ArrayList<>();
        for (LeftBehindFile f : c.leftBehind()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", f.path());
            file.put("sizeBytes", f.sizeBytes());
            left.add(file);
        }
        json.put("leftBehind", left);
        return json;
    }

    private static Map<String, Object> side(ComparedBuild build) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", build.label());
        json.put("finalImageId", build.report().finalImageId());
        json.put("finalSizeBytes", build.report().finalSizeBytes());
        json.put("leftBehindBytes", build.report().leftBehindBytes());
        json.put("stages", BuildJson.stages(build.report()));
        json.put("finalFilesProblem", build.report().finalFilesProblem());
        return json;
    }

    private static Map<String, Object> layerSide(LayerChange.Side side) {
        if (side == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stage", side.stage());
        json.put("line", side.line());
        json.put("sizeBytes", side.sizeBytes());
        return json;
    }

    private static List<Object> files(List<FileChange> changes) {
        List<Object> files = new ArrayList<>();
        for (FileChange f : changes) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", f.path());
            file.put("change", f.kind().name().toLowerCase(Locale.ROOT));
            file.put("sizeA", f.sizeA());
            file.put("sizeB", f.sizeB());
            file.put("deltaBytes", f.deltaBytes());
            files.add(file);
        }
        return files;
    }
}
