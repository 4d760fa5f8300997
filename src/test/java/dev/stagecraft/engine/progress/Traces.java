package dev.stagecraft.engine.progress;

import dev.stagecraft.engine.BuildMessage;
import java.nio.charset.StandardCharsets;

/**
 * BuildKit traces made by hand, for cases the recorded builds do not show. Times are seconds since
 * the epoch; -1 leaves a time out.
 */
final class Traces {
    private final ProtoWriter response = new ProtoWriter();

    static Traces status() {
        return new Traces();
    }

    Traces vertex(String digest, String name, boolean cached, long started, long completed, String error,
            String... inputs) {
        ProtoWriter v = new ProtoWriter().string(1, digest);
        for (String input : inputs) {
            v.string(2, input);
        }
        v.string(3, name);
        if (cached) {
            v.varint(4, 1);
        }
        if (started >= 0) {
            v.timestamp(5, started, 0);
        }
        if (completed >= 0) {
            v.timestamp(6, completed, 0);
        }
        if (error != null) {
            v.string(7, error);
        }
        response.message(1, v);
        return this;
    }

    Traces log(String digest, int stream, byte[] bytes) {
        response.message(3, new ProtoWriter().string(1, digest).timestamp(2, 1, 0).varint(3, stream).bytes(4, bytes));
        return this;
    }

    Traces log(String digest, String text) {
        return log(digest, 1, text.getBytes(StandardCharsets.UTF_8));
    }

    BuildMessage.Trace trace() {
        return new BuildMessage.Trace(response.toByteArray());
    }
}
