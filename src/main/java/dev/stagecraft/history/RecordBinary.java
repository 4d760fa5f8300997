package dev.stagecraft.history;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerEntry;
import dev.stagecraft.engine.measure.LayerSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Layout 2 of a stored record, the one written now: the record's fields in a fixed order, as
 * {@link DataOutputStream} writes numbers, gzip-compressed. Reading it back is a walk through a byte
 * array, where layout 1 ({@link RecordJson}) tokenised a JSON text into decimals and maps first: the
 * first comparison in a process loads two records, and that text took most of its time
 * (decision 0012). The price is that a field added to a report later needs a layout 3, read beside
 * this one; the layout number stored with each document says which.
 *
 * <p>A string is a tag byte (0: null, 1: every char below 256, one byte each, 2: UTF-16 chars, two
 * bytes each, which keeps lone surrogates), then its length in chars and its bytes. An optional int is
 * a flag byte and the int. A list is its size, then its items.
 */
final class RecordBinary {
    /** The number stored beside a document in this layout. */
    static final int FORMAT = 2;

    private static final LayerEntry.Kind[] KINDS = LayerEntry.Kind.values();

    private RecordBinary() {
    }

    static byte[] encode(BuildRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, record.dockerfile().toString());
            string(out, record.dockerfileText());
            string(out, record.textSha256());
            out.writeInt(record.buildArgs().size());
            for (Map.Entry<String, String> arg : record.buildArgs().entrySet()) {
                string(out, arg.getKey());
                string(out, arg.getValue());
            }
            string(out, record.target());
            string(out, record.builder().id());
            string(out, record.engine());
            out.writeLong(record.startedAt().getEpochSecond());
            out.writeInt(record.startedAt().getNano());
            out.writeBoolean(record.succeeded());
            string(out, record.failure());
            optional(out, record.failedLine());
            out.writeBoolean(record.report() != null);
            if (record.report() != null) {
                report(out, record.report());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return gzip(bytes.toByteArray());
    }

    private static void report(DataOutputStream out, BuildReport report) throws IOException {
        string(out, report.builder().id());
        out.writeInt(report.targetStage());
        string(out, report.finalImageId());
        out.writeLong(report.finalSizeBytes());
        out.writeLong(report.leftBehindBytes());
        out.writeLong(report.elapsed().getSeconds());
        out.writeInt(report.elapsed().getNano());
        out.writeInt(report.stages().size());
        for (StageReport stage : report.stages()) {
            out.writeInt(stage.index());
            string(out, stage.name());
            out.writeBoolean(stage.needed());
            out.writeBoolean(stage.built());
            out.writeBoolean(stage.ships());
            string(out, stage.imageId());
            out.writeLong(stage.sizeBytes());
            out.writeLong(stage.baseSizeBytes());
            out.writeInt(stage.layers().size());
            for (LayerSize layer : stage.layers()) {
                out.writeInt(layer.line());
                out.writeLong(layer.sizeBytes());
            }
            string(out, stage.problem());
        }
        out.writeInt(report.edges().size());
        for (EdgeReport edge : report.edges()) {
            string(out, edge.kind());
            optional(out, edge.fromStage());
            string(out, edge.image());
            out.writeInt(edge.to());
            out.writeInt(edge.line());
            files(out, edge.files());
            out.writeLong(edge.bytes());
            string(out, edge.problem());
        }
        files(out, report.finalFiles());
        string(out, report.finalFilesProblem());
    }

    private static void files(DataOutputStream out, List<LandedFile> files) throws IOException {
        out.writeInt(files.size());
        for (LandedFile file : files) {
            string(out, file.path());
            out.writeLong(file.sizeBytes());
            out.writeInt(file.mode());
            out.writeByte(file.kind().ordinal());
            string(out, file.linkTarget());
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        boolean narrow = true;
        for (int i = 0; i < value.length() && narrow; i++) {
            narrow = value.charAt(i) < 256;
        }
        out.writeByte(narrow ? 1 : 2);
        out.writeInt(value.length());
        if (narrow) {
            out.write(value.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.writeChars(value);
        }
    }

    private static void optional(DataOutputStream out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    /**
     * The record a layout-2 document holds, under {@code id}. A document that is cut short or not this
     * layout is an {@link IllegalArgumentException} saying what is wrong.
     */
    static BuildRecord decode(long id, byte[] document) {
        ByteBuffer in = ByteBuffer.wrap(gunzip(document));
        try {
            Path dockerfile = Path.of(required(in, "dockerfile"));
            String text = required(in, "text");
            String sha256 = required(in, "sha256");
            int argCount = count(in);
            Map<String, String> args = new LinkedHashMap<>();
            for (int i = 0; i < argCount; i++) {
                args.put(required(in, "build arg"), string(in));
            }
            String target = string(in);
            BuilderKind builder = BuilderKind.fromId(required(in, "builder"));
            String engine = required(in, "engine");
            Instant startedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
            boolean succeeded = in.get() != 0;
            String failure = string(in);
            Integer failedLine = optional(in);
            BuildReport report = in.get() != 0 ? report(in) : null;
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes follow the record");
            }
            return new BuildRecord(id, dockerfile, text, sha256, args, target, builder, engine, startedAt, succeeded, failure,
                    failedLine, report);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the document ends before the record does", e);
        }
    }

    private static BuildReport report(ByteBuffer in) {
        BuilderKind builder = BuilderKind.fromId(required(in, "report's builder"));
        int targetStage = in.getInt();
        String finalImageId = required(in, "finalImageId");
        long finalSize = in.getLong();
        long leftBehind = in.getLong();
        Duration elapsed = Duration.ofSeconds(in.getLong(), in.getInt());
        int stageCount = count(in);
        List<StageReport> stages = new ArrayList<>(stageCount);
        for (int s = 0; s < stageCount; s++) {
            int index = in.getInt();
            String name = string(in);
            boolean needed = in.get() != 0;
            boolean built = in.get() != 0;
            boolean ships = in.get() != 0;
            String imageId = string(in);
            long size = in.getLong();
            long baseSize = in.getLong();
            int layerCount = count(in);
            List<LayerSize> layers = new ArrayList<>(layerCount);
            for (int l = 0; l < layerCount; l++) {
                layers.add(new LayerSize(in.getInt(), in.getLong()));
            }
            stages.add(new StageReport(index, name, needed, built, ships, imageId, size, baseSize, layers, string(in)));
        }
        int edgeCount = count(in);
        List<EdgeReport> edges = new ArrayList<>(edgeCount);
        for (int e = 0; e < edgeCount; e++) {
            String kind = required(in, "edge kind");
            Integer fromStage = optional(in);
            String image = string(in);
            int to = in.getInt();
            int line = in.getInt();
            List<LandedFile> files = files(in);
            edges.add(new EdgeReport(kind, fromStage, image, to, line, files, in.getLong(), string(in)));
        }
        List<LandedFile> finalFiles = files(in);
        return new BuildReport(builder, targetStage, finalImageId, finalSize, leftBehind, stages, edges, finalFiles, string(in),
                elapsed);
    }

    private static List<LandedFile> files(ByteBuffer in) {
        int count = count(in);
        List<LandedFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String path = required(in, "file path");
            long size = in.getLong();
            int mode = in.getInt();
            int kind = in.get();
            if (kind < 0 || kind >= KINDS.length) {
                throw new IllegalArgumentException("file kind " + kind + " is not known");
            }
            files.add(new LandedFile(path, size, mode, KINDS[kind], string(in)));
        }
        return files;
    }

    private static int count(ByteBuffer in) {
        int count = in.getInt();
        // Each item takes at least one byte, so a count beyond what is left is damage, not a list to allocate.
        if (count < 0 || count > in.remaining()) {
            throw new IllegalArgumentException("a list of " + count + " items where " + in.remaining() + " bytes are left");
        }
        return count;
    }

    private static String required(ByteBuffer in, String what) {
        String value = string(in);
        if (value == null) {
            throw new IllegalArgumentException("the " + what + " is missing");
        }
        return value;
    }

    private static String string(ByteBuffer in) {
        int tag = in.get();
        if (tag == 0) {
            return null;
        }
        int length = in.getInt();
        if (length < 0 || (tag == 1 ? length : 2L * length) > in.remaining()) {
            throw new IllegalArgumentException("a text of " + length + " chars where " + in.remaining() + " bytes are left");
        }
        if (tag == 1) {
            String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.ISO_8859_1);
            in.position(in.position() + length);
            return value;
        }
        if (tag != 2) {
            throw new IllegalArgumentException("text tag " + tag + " is not known");
        }
        char[] chars = new char[length];
        in.asCharBuffer().get(chars);
        in.position(in.position() + 2 * length);
        return new String(chars);
    }

    private static Integer optional(ByteBuffer in) {
        return in.get() != 0 ? in.getInt() : null;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] document) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(document))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("the document is not gzip: " + e.getMessage(), e);
        }
    }
}
