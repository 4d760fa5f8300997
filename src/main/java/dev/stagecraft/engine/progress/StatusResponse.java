package dev.stagecraft.engine.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code StatusResponse} of BuildKit's control API ({@code moby.buildkit.v1}, control.proto):
 * what changed in a build since the last one. BuildKit sends a vertex again each time it changes,
 * whole; statuses, logs and warnings only once. Absent timestamps are null; absent strings empty.
 * Fields this schema does not name are skipped, so newer engines decode too.
 */
public record StatusResponse(List<Vertex> vertexes, List<VertexStatus> statuses, List<VertexLog> logs,
        List<VertexWarning> warnings) {

    public StatusResponse {
        vertexes = List.copyOf(vertexes);
        statuses = List.copyOf(statuses);
        logs = List.copyOf(logs);
        warnings = List.copyOf(warnings);
    }

    /**
     * One step of the build graph: its digest, the digests it reads from, its name ("[builder 2/3] RUN
     * make", "[internal] load metadata for ..."), whether the cache answered it, when it started and
     * completed, and the error that ended it (empty when none).
     */
    public record Vertex(String digest, List<String> inputs, String name, boolean cached, Instant started,
            Instant completed, String error) {
        public Vertex {
            Objects.requireNonNull(digest, "digest");
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(error, "error");
        }

        public boolean failed() {
            return !error.isEmpty();
        }
    }

    /** Progress of one task inside a vertex ("exporting layers", "transferring context: 2B"). */
    public record VertexStatus(String id, String vertex, String name, long current, long total, Instant timestamp,
            Instant started, Instant completed) {
        public VertexStatus {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(vertex, "vertex");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Bytes a vertex wrote: {@code stream} 1 is stdout, 2 stderr. Lines may be cut anywhere. */
    public record VertexLog(String vertex, Instant timestamp, long stream, byte[] message) {
        public VertexLog {
            Objects.requireNonNull(vertex, "vertex");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A warning the frontend attached to a vertex (newer engines only): its short text and details. */
    public record VertexWarning(String vertex, long level, String shortText, List<String> details, String url) {
        public VertexWarning {
            Objects.requireNonNull(vertex, "vertex");
            Objects.requireNonNull(shortText, "shortText");
            details = List.copyOf(details);
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * Decodes the protobuf bytes of one {@code StatusResponse}.
     *
     * @throws MalformedTraceException when the bytes are truncated or not of this message
     */
    public static StatusResponse decode(byte[] bytes) {
        ProtoReader r = new ProtoReader(Objects.requireNonNull(bytes, "bytes"));
        List<Vertex> vertexes = new ArrayList<>();
        List<VertexStatus> statuses = new ArrayList<>();
        List<VertexLog> logs = new ArrayList<>();
        List<VertexWarning> warnings = new ArrayList<>();
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag) {
                case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> vertexes.add(vertex(r.message()));
                case 2 << 3 | ProtoReader.LENGTH_DELIMITED -> statuses.add(status(r.message()));
                case 3 << 3 | ProtoReader.LENGTH_DELIMITED -> logs.add(log(r.message()));
                case 4 << 3 | ProtoReader.LENGTH_DELIMITED -> warnings.add(warning(r.message()));
                default -> r.skip(tag);
            }
        }
        return new StatusResponse(vertexes, statuses, logs, warnings);
    }

    private static Vertex vertex(ProtoReader r) {
        String digest = "";
        List<String> inputs = new ArrayList<>();
        String name = "";
        boolean cached = false;
        Instant started = null;
        Instant completed = null;
        String error = "";
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag) {
                case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> digest = r.string();
                case 2 << 3 | ProtoReader.LENGTH_DELIMITED -> inputs.add(r.string());
                case 3 << 3 | ProtoReader.LENGTH_DELIMITED -> name = r.string();
                case 4 << 3 | ProtoReader.VARINT -> cached = r.bool();
                case 5 << 3 | ProtoReader.LENGTH_DELIMITED -> started = r.timestamp();
                case 6 << 3 | ProtoReader.LENGTH_DELIMITED -> completed = r.timestamp();
                case 7 << 3 | ProtoReader.LENGTH_DELIMITED -> error = r.string();
                default -> r.skip(tag);
            }
        }
        return new Vertex(digest, inputs, name, cached, started, completed, error);
    }

    private static VertexStatus status(ProtoReader r) {
        String id = "";
        String vertex = "";
        String name = "";
        long current = 0;
        long total = 0;
        Instant timestamp = null;
        Instant started = null;
        Instant completed = null;
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag) {
                case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> id = r.string();
                case 2 << 3 | ProtoReader.LENGTH_DELIMITED -> vertex = r.string();
                case 3 << 3 | ProtoReader.LENGTH_DELIMITED -> name = r.string();
                case 4 << 3 | ProtoReader.VARINT -> current = r.varint();
                case 5 << 3 | ProtoReader.VARINT -> total = r.varint();
                case 6 << 3 | ProtoReader.LENGTH_DELIMITED -> timestamp = r.timestamp();
                case 7 << 3 | ProtoReader.LENGTH_DELIMITED -> started = r.timestamp();
                case 8 << 3 | ProtoReader.LENGTH_DELIMITED -> completed = r.timestamp();
                default -> r.skip(tag);
            }
        }
        return new VertexStatus(id, vertex, name, current, total, timestamp, started, completed);
    }

    private static VertexLog log(ProtoReader r) {
        String vertex = "";
        Instant timestamp = null;
        long stream = 0;
        byte[] message = new byte[0];
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag) {
                case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> vertex = r.string();
                case 2 << 3 | ProtoReader.LENGTH_DELIMITED -> timestamp = r.timestamp();
                case 3 << 3 | ProtoReader.VARINT -> stream = r.varint();
                case 4 << 3 | ProtoReader.LENGTH_DELIMITED -> message = r.bytes();
                default -> r.skip(tag);
            }
        }
        return new VertexLog(vertex, timestamp, stream, message);
    }

    private static VertexWarning warning(ProtoReader r) {
        String vertex = "";
        long level = 0;
        String shortText = "";
        List<String> details = new ArrayList<>();
        String url = "";
        while (r.hasMore()) {
            int tag = r.tag();
            switch (tag) {
                case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> vertex = r.string();
                case 2 << 3 | ProtoReader.VARINT -> level = r.varint();
                case 3 << 3 | ProtoReader.LENGTH_DELIMITED -> shortText = r.string();
                case 4 << 3 | ProtoReader.LENGTH_DELIMITED -> details.add(r.string());
                case 5 << 3 | ProtoReader.LENGTH_DELIMITED -> url = r.string();
                default -> r.skip(tag);
            }
        }
        return new VertexWarning(vertex, level, shortText, details, url);
    }
}
