package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.build.BuildReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text without a file of its own has no history: said once, and nothing is written. */
class HistoryRecordingTest {
    @TempDir
    Path dir;

    @Test
    void buildsOfAnUnsavedText_areNotKept_andThatIsSaidOnce() {
        List<String> notices = new ArrayList<>();
        HistoryRecorder recorder = new HistoryRecorder(notices::add, p -> { });
        recorder.useDataFolder(dir.resolve("data"));
        HistoryRecording recording = new HistoryRecording(recorder, () -> null, () -> null, notices::add);
        BuildController.Request request = new BuildController.Request("FROM scratch\n", dir.resolve("example/Dockerfile"),
                new BuildSettings(dir, null, Map.of(), false, BuilderKind.BUILDKIT, false), false);
        BuildReport report = new BuildReport(BuilderKind.BUILDKIT, 0, "sha256:e", 0, 0, List.of(), List.of(), List.of(), null,
                Duration.ofSeconds(1));
        for (int i = 0; i < 2; i++) {
            recording.started(request);
            recording.finished(report);
        }
        recorder.close();
        assertEquals(List.of(HistoryRecording.UNSAVED), notices);
        assertFalse(Files.exists(dir.resolve("data/history")), "nothing written");
    }
}
