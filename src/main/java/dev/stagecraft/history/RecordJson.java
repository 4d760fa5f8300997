package dev.stagecraft.history;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.JsonReader;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerEntry;
import dev.stagecraft.engine.measure.LayerSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Layout 1 of a stored record, the one Stagecraft wrote first: one gzip-compressed JSON document
 * (decision 0012), every field of the record and of its report by name, files as arrays
 * ({@code [path, bytes, mode, kind, linkTarget]}) because a final image has thousands. Histories
 * written then still hold such documents, so they are read as long as Stagecraft reads histories;
 * {@link RecordBinary} is written now, because reading this text back cost most of a comparison.
 * The writer stays so tests can make an old history as it was made.
 */
final class RecordJson {
    /** The number stored beside a document in this layout. */
    static final int FORMAT = 1;

    private RecordJson() {
    }

    static byte[] encode(BuildRecord record) {
        Json out = new Json();
        out.open('{');
        out.field("dockerfile").string(record.dockerfile().toString());
        out.field("text").string(record.dockerfileText());
        out.field("sha256").string(record.textSha256());
        out.field("buildArgs").open('{');
        record.buildArgs().forEach((name, value) -> out.field(name).string(value));
        out.close('}');
        out.field("target").string(record.target());
        out.field("builder").string(record.builder().id());
        out.field("engine").string(record.engine());
        out.field("startedAt").string(record.startedAt().toString());
        out.field("succeeded").literal(Boolean.toString(record.succeeded()));
        out.field("failure").string(record.failure());
        out.field("failedLine").number(record.failedLine());
        out.field("report");
        if (record.report() == null) {
            out.literal("null");
        } else {
            report(out, record.report());
        }
        out.close('}');
        return gzip(out.text());
    }

    private static void report(Json out, BuildReport report) {
        out.open('{');
        out.field("builder").string(report.builder().id());
        out.field("targetStage").number(report.targetStage());
        out.field("finalImageId").string(report.finalImageId());
        out.field("finalSizeBytes").number(report.finalSizeBytes());
        out.field("leftBehindBytes").number(report.leftBehindBytes());
        out.field("elapsed").string(report.elapsed().toString());
        out.field("stages").open('[');
        for (StageReport stage : report.stages()) {
            out.item().open('{');
            out.field("index").number(stage.index());
            out.field("name").string(stage.name());
            out.field("needed").literal(Boolean.toString(stage.needed()));
            out.field("built").literal(Boolean.toString(stage.built()));
            out.field("ships").literal(Boolean.toString(stage.ships()));
            out.field("imageId").string(stage.imageId());
            out.field("sizeBytes").number(stage.sizeBytes());
            out.field("baseSizeBytes").number(stage.baseSizeBytes());
            out.field("layers").open('[');
            for (LayerSize layer : stage.layers()) {
                out.item().open('[').item().number(layer.line()).item().number(layer.sizeBytes()).close(']');
            }
            out.close(']');
            out.field("problem").string(stage.problem());
            out.close('}');
        }
        out.close(']');
        out.field("edges").open('[');
        for (EdgeReport edge : report.edges()) {
            out.item().open('{');
            out.field("kind").string(edge.kind());
            out.field("fromStage").number(edge.fromStage());
            out.field("image").string(edge.image());
            out.field("to").number(edge.to());
            out.field("line").number(edge.line());
            out.field("files");
            files(out, edge.files());
            out.field("bytes").number(edge.bytes());
            out.field("problem").string(edge.problem());
            out.close('}');
        }
        out.close(']');
        out.field("finalFiles");
        files(out, report.finalFiles());
        out.field("finalFilesProblem").string(report.finalFilesProblem());
        out.close('}');
    }

    private static void files(Json out, List<LandedFile> files) {
        out.open('[');
        for (LandedFile file : files) {
            out.item().open('[');
            out.item().string(file.path()).item().number(file.sizeBytes()).item().number(file.mode());
            out.item().string(file.kind().name()).item().string(file.linkTarget());
            out.close(']');
        }
        out.close(']');
    }

    /**
     * The record a layout-1 document holds, under {@code id}. A document that is not this layout is an
     * {@link IllegalArgumentException} saying what is wrong.
     */
    static BuildRecord decode(long id, byte[] document) {
        Object root = JsonReader.parse(gunzip(document));
        Map<String, String> args = new LinkedHashMap<>();
        if (JsonReader.member(root, "buildArgs") instanceof Map<?, ?> map) {
            map.forEach((name, value) -> args.put((String) name, (String) value));
        }
        Object report = JsonReader.member(root, "report");
        return new BuildRecord(id, Path.of(required(root, "dockerfile")), required(root, "text"), required(root, "sha256"),
                args, JsonReader.string(root, "target"), BuilderKind.fromId(required(root, "builder")), required(root, "engine"),
                Instant.parse(required(root, "startedAt")), Boolean.TRUE.equals(JsonReader.member(root, "succeeded")),
                JsonReader.string(root, "failure"), integer(root, "failedLine"), report == null ? null : report(report));
    }

    private static BuildReport report(Object r) {
        List<StageReport> stages = list(r, "stages", s -> new StageReport(integer(s, "index"), JsonReader.string(s, "name"),
                flag(s, "needed"), flag(s, "built"), flag(s, "ships"), JsonReader.string(s, "imageId"), number(s, "sizeBytes"),
                number(s, "baseSizeBytes"), list(s, "layers", l -> new LayerSize(at(l, 0).intValueExact(), at(l, 1).longValueExact())),
                JsonReader.string(s, "problem")));
        List<EdgeReport> edges = list(r, "edges", e -> new EdgeReport(required(e, "kind"), integer(e, "fromStage"),
                JsonReader.string(e, "image"), integer(e, "to"), integer(e, "line"), list(e, "files", RecordJson::file),
                number(e, "bytes"), JsonReader.string(e, "problem")));
        return new BuildReport(BuilderKind.fromId(required(r, "builder")), integer(r, "targetStage"), required(r, "finalImageId"),
                number(r, "finalSizeBytes"), number(r, "leftBehindBytes"), stages, edges, list(r, "finalFiles", RecordJson::file),
                JsonReader.string(r, "finalFilesProblem"), Duration.parse(required(r, "elapsed")));
    }

    private static LandedFile file(Object f) {
        List<?> a = (List<?>) f;
        return new LandedFile((String) a.get(0), at(f, 1).longValueExact(), at(f, 2).intValueExact(),
                LayerEntry.Kind.valueOf((String) a.get(3)), (String) a.get(4));
    }

    private static <T> List<T> list(Object object, String key, Function<Object, T> item) {
        List<T> items = new ArrayList<>();
        if (JsonReader.member(object, key) instanceof List<?> values) {
            for (Object value : values) {
                items.add(item.apply(value));
            }
        }
        return items;
    }

    private static BigDecimal at(Object array, int index) {
        return (BigDecimal) ((List<?>) array).get(index);
    }

    private static String required(Object object, String key) {
        String value = JsonReader.string(object, key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }

    private static Integer integer(Object object, String key) {
        return JsonReader.member(object, key) instanceof BigDecimal n ? n.intValueExact() : null;
    }

    private static long number(Object object, String key) {
        if (JsonReader.member(object, key) instanceof BigDecimal n) {
            return n.longValueExact();
        }
        throw new IllegalArgumentException("'" + key + "' is missing");
    }

    private static boolean flag(Object object, String key) {
        return Boolean.TRUE.equals(JsonReader.member(object, key));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] document) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(document))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("the document is not gzip: " + e.getMessage(), e);
        }
    }

    /** A JSON text written in order; commas are placed by {@link #field} and {@link #item}. */
    private static final class Json {
        private final StringBuilder text = new StringBuilder(4096);
        private boolean first = true;

        Json open(char bracket) {
            text.append(bracket);
            first = true;
            return this;
        }

        Json close(char bracket) {
            text.append(bracket);
            first = false;
            return this;
        }

        Json field(String name) {
            item();
            quoted(name);
            text.append(':');
            return this;
        }

        Json item() {
            if (!first) {
                text.append(',');
            }
            first = false;
            return this;
        }

        Json string(String value) {
            if (value == null) {
                return literal("null");
            }
            quoted(value);
            return this;
        }

        Json number(Number value) {
            return literal(String.valueOf(value));
        }

        Json literal(String value) {
            text.append(value);
            return this;
        }

        String text() {
            return text.toString();
        }

        private void quoted(String value) {
            text.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    text.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c)) {
                    // Surrogates escaped one by one, so a lone one survives (UTF-8 would turn it into '?').
                    text.append(String.format("\\u%04x", (int) c));
                } else {
                    text.append(c);
                }
            }
            text.append('"');
        }
    }
}
