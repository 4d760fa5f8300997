package dev.stagecraft.cli;

import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerSize;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code stagecraft build --format json}: the contract written down in docs/cli.md. */
final class BuildJson {
    private BuildJson() {
    }

    static Map<String, Object> of(String file, BuildReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file);
        json.put("builder", report.builder().id());
        json.put("target", report.targetStage());
        json.put("finalImageId", report.finalImageId());
        json.put("finalSizeBytes", report.finalSizeBytes());
        json.put("leftBehindBytes", report.leftBehindBytes());
        json.put("elapsedMillis", report.elapsed().toMillis());
        json.put("stages", stages(report));
        List<Object> edges = new ArrayList<>();
        for (EdgeReport e : report.edges()) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("kind", e.kind());
            edge.put("from", e.fromStage());
            edge.put("image", e.image());
            edge.put("to", e.to());
            edge.put("line", e.line());
            List<Object> files = new ArrayList<>();
            for (LandedFile f : e.files()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", f.path());
                entry.put("sizeBytes", f.sizeBytes());
                entry.put("mode", String.format("%04o", f.mode() & 07777));
                files.add(entry);
            }
            edge.put("files", files);
            edge.put("bytes", e.bytes());
            edges.add(edge);
        }
        json.put("edges", edges);
        return json;
    }

    /** The {@code stages} array: one object per stage, as docs/cli.md writes it down (also used by {@code compare}). */
    static List<Object> stages(BuildReport report) {
        List<Object> stages = new ArrayList<>();
        for (StageReport s : report.stages()) {
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("index", s.index());
            stage.put("name", s.name());
            stage.put("needed", s.needed());
            stage.put("built", s.built());
            stage.put("ships", s.ships());
            stage.put("imageId", s.imageId());
            stage.put("sizeBytes", s.built() ? s.sizeBytes() : null);
            stage.put("baseSizeBytes", s.built() ? s.baseSizeBytes() : null);
            List<Object> layers = new ArrayList<>();
            for (LayerSize l : s.layers()) {
                Map<String, Object> layer = new LinkedHashMap<>();
                layer.put("line", l.line());
                layer.put("sizeBytes", l.sizeBytes());
                layers.add(layer);
            }
            stage.put("layers", layers);
            stages.add(stage);
        }
        return stages;
    }
}
