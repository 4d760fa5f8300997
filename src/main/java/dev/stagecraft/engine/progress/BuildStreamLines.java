package dev.stagecraft.engine.progress;

import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.JsonReader;
import java.util.Base64;
import java.util.Optional;

/**
 * One line of the engine's {@code POST /build} answer, as a {@link BuildMessage}. The engine writes
 * one JSON object a line: {@code {"stream":"..."}} for text, {@code {"id":"moby.buildkit.trace",
 * "aux":"<base64>"}} for a BuildKit status, {@code {"aux":{"ID":"sha256:..."}}} for an image made
 * (the classic builder sends one per stage, BuildKit one with id {@code moby.image.id}), and
 * {@code {"error":"...","errorDetail":{...}}} when the build fails. Anything else (blank lines,
 * pull progress, lines that are not JSON) is no message.
 */
public final class BuildStreamLines {
    private static final String TRACE_ID = "moby.buildkit.trace";

    private BuildStreamLines() {
    }

    /**
     * The message {@code line} carries, or empty when it carries none.
     *
     * @throws EngineException of kind {@link EngineException.Kind#BUILD_FAILED}, with the engine's
     *     text, when the line reports the build's failure
     */
    public static Optional<BuildMessage> toMessage(String line) {
        if (line == null || line.isBlank()) {
            return Optional.empty();
        }
        Object json;
        try {
            json = JsonReader.parse(line);
        } catch (IllegalArgumentException notJson) {
            return Optional.empty();
        }
        String error = errorText(json);
        if (error != null) {
            throw new EngineException(EngineException.Kind.BUILD_FAILED, error);
        }
        String stream = JsonReader.string(json, "stream");
        if (stream != null) {
            return Optional.of(new BuildMessage.Output(stream));
        }
        Object aux = JsonReader.member(json, "aux");
        if (TRACE_ID.equals(JsonReader.string(json, "id")) && aux instanceof String base64) {
            try {
                return Optional.of(new BuildMessage.Trace(Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        String imageId = JsonReader.string(aux, "ID");
        if (imageId != null && imageId.startsWith("sha256:")) {
            return Optional.of(new BuildMessage.ImageBuilt(imageId));
        }
        return Optional.empty();
    }

    /** The engine's words for a failed build: {@code errorDetail.message}, else {@code error}; null if none. */
    private static String errorText(Object json) {
        if (JsonReader.member(json, "error") == null && JsonReader.member(json, "errorDetail") == null) {
            return null;
        }
        String detail = JsonReader.string(JsonReader.member(json, "errorDetail"), "message");
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        String error = JsonReader.string(json, "error");
        if (error != null && !error.isBlank()) {
            return error;
        }
        return "the engine reported a failed build without saying why";
    }
}
