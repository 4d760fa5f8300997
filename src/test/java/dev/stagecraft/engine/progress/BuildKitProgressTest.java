package dev.stagecraft.engine.progress;

import static dev.stagecraft.engine.StepState.CACHED;
import static dev.stagecraft.engine.StepState.DONE;
import static dev.stagecraft.engine.StepState.FAILED;
import static dev.stagecraft.engine.StepState.QUEUED;
import static dev.stagecraft.engine.StepState.RUNNING;
import static dev.stagecraft.engine.StepState.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.DockerfileRewrites;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * BuildKit builds recorded from Docker 20.10.24 ({@code POST /build?version=2}), replayed. The file
 * "multi" has four stages: builder (lines 3-7), an unnamed stage 1 the target does not need (9-11),
 * an unnamed stage 2 (13-16), and final (18-21), FROM builder.
 */
class BuildKitProgressTest {
    private static final int FINAL = 3;

    private static Replay replay(String folder, String stream, int target) {
        return Replay.of(folder, stream, target, BuildKitProgress::new);
    }

    /** The last state said for each line of a stage, by line. */
    private static Map<Integer, StepState> lines(Replay r, int stage) {
        Map<Integer, StepState> out = new TreeMap<>();
        r.lastStep.values().stream().filter(s -> s.stageIndex() == stage).forEach(s -> out.put(s.line(), s.state()));
        return out;
    }

    @Test
    void freshBuild_everyNeededLineEndsDoneOrCachedAsTheEngineSaid() {
        Replay r = replay("multi", "multi-buildkit.jsonl", FINAL);

        // BuildKit reports the image's FROM and the WORKDIR cached even with no-cache.
        assertEquals(Map.of(3, CACHED, 4, CACHED, 5, DONE, 6, DONE, 7, DONE), lines(r, 0));
        assertEquals(Map.of(13, CACHED, 14, DONE, 16, DONE), lines(r, 2));
        assertEquals(Map.of(18, DONE, 19, DONE, 20, DONE, 21, DONE), lines(r, 3));
        assertEquals(List.of(DONE, SKIPPED, DONE, DONE), List.of(r.stage(0), r.stage(1), r.stage(2), r.stage(3)));
        assertNull(r.error);
    }

    @Test
    void stageTheTargetDoesNotNeed_isSkippedFromTheStartAndNothingElse() {
        Replay r = replay("multi", "multi-buildkit.jsonl", FINAL);

        assertEquals(Map.of(9, SKIPPED, 10, SKIPPED, 11, SKIPPED), lines(r, 1));
        for (int line : new int[] {9, 10, 11}) {
            assertEquals(List.of(SKIPPED), r.history(1, line));
        }
        assertTrue(r.events.stream().noneMatch(e -> e instanceof BuildEvent.StageChanged s && s.stageIndex() == 1
                && s.state() != SKIPPED));
    }

    @Test
    void runStep_goesQueuedRunningDone_withTheEnginesTime() {
        Replay r = replay("multi", "multi-buildkit.jsonl", FINAL);

        assertEquals(List.of(QUEUED, RUNNING, DONE), r.history(2, 14));
        // The engine stamped this RUN 1.459 s (it sleeps 1 s).
        assertEquals(Duration.ofNanos(1_459_462_575L), r.lastStep.get("2:14").elapsed());
    }

    @Test
    void instructionsWithoutAVertex_settleWithTheStepAfterThem() {
        Replay r = replay("multi", "multi-buildkit.jsonl", FINAL);

        // ENV (6) is DONE once the COPY after it ran; CMD (21) ends with its stage; FROM builder (18) when COPY starts.
        assertEquals(List.of(QUEUED, DONE), r.history(0, 6));
        assertEquals(List.of(QUEUED, DONE), r.history(3, 21));
        assertEquals(List.of(QUEUED, DONE), r.history(3, 18));
    }

    @Test
    void rebuild_marksUnchangedStepsCached() {
        Replay r = replay("multi", "multi-buildkit-cached.jsonl", FINAL);

        // The image's FROM is reported done, not cached, on a rebuild; it does not make its stage uncached.
        assertEquals(Map.of(3, DONE, 4, CACHED, 5, CACHED, 6, CACHED, 7, CACHED), lines(r, 0));
        assertEquals(Map.of(13, DONE, 14, CACHED, 16, CACHED), lines(r, 2));
        assertEquals(Map.of(18, CACHED, 19, CACHED, 20, CACHED, 21, CACHED), lines(r, 3));
        assertEquals(List.of(CACHED, SKIPPED, CACHED, CACHED), List.of(r.stage(0), r.stage(1), r.stage(2), r.stage(3)));
        // Nothing ran, so nothing printed: the log still says what each step did.
        assertEquals(List.of(), r.logs(0, 5));
        assertEquals(List.of("RUN echo built > out.txt  (cached)"), r.notices(0, 5));
        assertEquals(List.of("COPY --from=2 /x /y  (cached)"), r.notices(3, 19));
    }

    @Test
    void output_isTiedToTheStageAndLineOfItsRun_partialLinesJoined() {
        Replay r = replay("multi", "multi-buildkit.jsonl", FINAL);

        // 'par' and 'tial' came in two messages a second apart; the last line has no newline at all.
        assertEquals(List.of("to-stderr", "one", "two", "three", "partial", "no newline at the end"), r.logs(2, 14));
        List<BuildEvent.LogLine> elsewhere = new ArrayList<>(r.logs);
        elsewhere.removeIf(l -> l.stageIndex() == 2 && l.line() == 14 || Replay.notice(l.text()));
        assertEquals(List.of(new BuildEvent.LogLine(-1, 0, "Successfully tagged helper-progress-multi:buildkit")), elsewhere);
    }

    @Test
    void generatedStageNames_mapAsTheUnnamedStagesTheyName() {
        String text = Replay.resource("multi/Dockerfile");
        // The recorded file is what the engine adapter sends to target an unnamed stage.
        assertEquals(Replay.resource("multi-named/Dockerfile"),
                DockerfileRewrites.withStageNames(text, DockerfileAnalyzer.analyze(text)).text());

        Replay r = replay("multi-named", "multi-named-buildkit.jsonl", FINAL);

        assertEquals(Map.of(13, DONE, 14, CACHED, 16, CACHED), lines(r, 2));
        assertEquals(List.of(CACHED, SKIPPED, CACHED, CACHED), List.of(r.stage(0), r.stage(1), r.stage(2), r.stage(3)));
        assertTrue(r.phases.contains("Building stage #2 (2 of 3)"), r.phases.toString());
    }

    @Test
    void failingRun_failsItsLineWithTheEnginesText_andStopsTheRest() {
        Replay r = replay("fail", "fail-buildkit.jsonl", 2);
        String engineText = "executor failed running [/bin/sh -c echo \"about to fail\" &&     exit 3]: exit code: 3";

        assertEquals(engineText, r.error);
        // Line 6 is the failing RUN (it goes on to line 7); the RUN before it ran.
        assertEquals(Map.of(4, CACHED, 5, DONE, 6, FAILED, 8, QUEUED), lines(r, 1));
        assertEquals(engineText, r.lastStep.get("1:6").error());
        assertEquals(FAILED, r.stage(1));
        assertEquals(List.of("about to fail"), r.logs(1, 6));
        assertEquals(List.of("RUN echo \"about to fail\" && \\  (started)",
                "RUN echo \"about to fail\" && \\  (failed)"), r.notices(1, 6));
        // The RUN after it, and the stage built on it, never ran.
        assertEquals(Map.of(10, QUEUED, 11, QUEUED), lines(r, 2));
        assertEquals(QUEUED, r.stage(2));
    }

    @Test
    void stepStoppedBecauseAnotherFailed_isNotMarkedFailed() {
        Replay r = replay("fail", "fail-buildkit.jsonl", 2);

        // 'sleep 2' in stage slow ran in parallel and ended with "context canceled".
        assertEquals(List.of(QUEUED, RUNNING, QUEUED), r.history(0, 2));
        assertEquals(1, r.events.stream().filter(e -> e instanceof BuildEvent.StepChanged s && s.state() == FAILED).count());
        assertEquals(QUEUED, r.stage(0));
    }

    @Test
    void onbuildTriggers_runInTheFromOfTheStageBuiltOnTheirs() {
        Replay r = replay("onbuild", "onbuild-buildkit.jsonl", 2);

        // [stage-2 1/11] is the trigger 'RUN echo triggered' of alpha; [stage-2 2/11] the first RUN (line 13).
        assertEquals(List.of("triggered"), r.logs(2, 12));
        assertEquals(List.of("1"), r.logs(2, 13));
        assertEquals(List.of("10"), r.logs(2, 22));
        // [stage-2 12/11]: the RUN --mount, numbered past the total.
        assertEquals(List.of("busybox"), r.logs(2, 23));
        assertEquals(DONE, r.step(2, 12));
        assertEquals(DONE, r.step(2, 23));
    }

    @Test
    void onbuildFile_everyLineEndsDone() {
        Replay r = replay("onbuild", "onbuild-buildkit.jsonl", 2);

        // Lines 4 (ARG), 6 (ONBUILD), 7 (LABEL), 9 (FROM scratch), 24 (EXPOSE), 25 (USER) make no vertex.
        assertEquals(Map.of(3, CACHED, 4, DONE, 5, DONE, 6, DONE, 7, DONE), lines(r, 0));
        assertEquals(Map.of(9, DONE, 10, DONE), lines(r, 1));
        lines(r, 2).forEach((line, state) -> assertEquals(DONE, state, "line " + line));
        assertEquals(14, lines(r, 2).size());
        assertEquals(List.of(DONE, DONE, DONE), List.of(r.stage(0), r.stage(1), r.stage(2)));
    }

    @Test
    void noRecordedBuild_leavesAStepOrStageRunning() {
        String[][] builds = {{"multi", "multi-buildkit.jsonl", "3"}, {"multi", "multi-buildkit-cached.jsonl", "3"},
            {"multi-named", "multi-named-buildkit.jsonl", "3"}, {"fail", "fail-buildkit.jsonl", "2"},
            {"onbuild", "onbuild-buildkit.jsonl", "2"}};
        for (String[] b : builds) {
            Replay r = replay(b[0], b[1], Integer.parseInt(b[2]));
            r.lastStep.values().forEach(s -> assertTrue(s.state() != RUNNING, b[1] + ": " + s));
            r.lastStage.values().forEach(s -> assertTrue(s.state() != RUNNING, b[1] + ": " + s));
            assertTrue(r.phases.get(r.phases.size() - 1).startsWith("Build "), b[1]);
        }
    }

    @Test
    void phases_followTheBuild() {
        Replay r = replay("multi", "multi-buildkit.jsonl", FINAL);

        assertEquals(List.of("Starting the build", "Loading the build context", "Building stage builder (1 of 3)",
                "Building stage #2 (2 of 3)", "Building stage final (3 of 3)", "Exporting the image", "Build finished"),
                r.phases);
    }

    // Cases the recordings do not show, with traces made by hand.

    private static List<BuildEvent> feed(BuildProgress p, BuildMessage... messages) {
        List<BuildEvent> out = new ArrayList<>(p.start());
        for (BuildMessage m : messages) {
            out.addAll(p.accept(m));
        }
        return out;
    }

    private static StepState last(List<BuildEvent> events, int stage, int line) {
        StepState state = null;
        for (BuildEvent e : events) {
            if (e instanceof BuildEvent.StepChanged s && s.stageIndex() == stage && s.line() == line) {
                state = s.state();
            }
        }
        return state;
    }

    @Test
    void vertexSharedByTwoStages_isTiedToBoth() {
        // Same FROM and same first RUN: BuildKit makes one vertex of each, named after stage a only.
        String text = "FROM img AS a\nRUN x\n\nFROM img AS b\nRUN x\nRUN y\n";
        BuildKitProgress p = new BuildKitProgress(DockerfileAnalyzer.analyze(text), 1);
        p.start();

        List<BuildEvent> events = p.accept(Traces.status()
                .vertex("sha256:f", "[a 1/2] FROM docker.io/library/img:latest", false, 10, 10, null)
                .vertex("sha256:x", "[a 2/2] RUN x", false, 10, 11, null, "sha256:f")
                .vertex("sha256:y", "[b 3/3] RUN y", false, 11, 12, null, "sha256:x").trace());

        // Before the build ends: stage b's FROM and first RUN ran as stage a's.
        assertEquals(DONE, last(events, 1, 4));
        assertEquals(DONE, last(events, 1, 5));
        assertEquals(DONE, last(events, 1, 6));
        assertTrue(events.contains(new BuildEvent.StageChanged(1, DONE, Duration.ofSeconds(2))), events.toString());
    }

    @Test
    void oneStageFile_stepsWithoutStageName_areStageZero() {
        BuildKitProgress p = new BuildKitProgress(DockerfileAnalyzer.analyze("FROM img\nRUN a\nENV X=1\nRUN b\n"), 0);

        List<BuildEvent> events = feed(p, Traces.status()
                .vertex("sha256:f", "[1/3] FROM docker.io/library/img:latest", true, 1, 1, null)
                .vertex("sha256:a", "[2/3] RUN a", false, 1, 2, null, "sha256:f")
                .vertex("sha256:b", "[3/3] RUN b", false, 2, -1, null, "sha256:a").trace());

        assertEquals(DONE, last(events, 0, 2));
        assertEquals(DONE, last(events, 0, 3));
        assertEquals(RUNNING, last(events, 0, 4));
    }

    @Test
    void cancelledBuild_putsRunningStepsBackToQueued_andFailsNothing() {
        BuildKitProgress p = new BuildKitProgress(DockerfileAnalyzer.analyze("FROM img\nRUN a\n"), 0);
        List<BuildEvent> events = feed(p, Traces.status()
                .vertex("sha256:f", "[1/2] FROM docker.io/library/img:latest", false, 1, 1, null)
                .vertex("sha256:a", "[2/2] RUN a", false, 1, -1, null, "sha256:f").trace());
        assertEquals(RUNNING, last(events, 0, 2));

        events.addAll(p.finishCancelled());

        assertEquals(QUEUED, last(events, 0, 2));
        assertTrue(events.contains(new BuildEvent.StageChanged(0, QUEUED, Duration.ZERO)));
        assertTrue(events.contains(new BuildEvent.PhaseChanged("Build cancelled")));
        assertTrue(events.stream().noneMatch(e -> e instanceof BuildEvent.StepChanged s && s.state() == FAILED));
        assertEquals(List.of(), p.accept(Traces.status().vertex("sha256:a", "[2/2] RUN a", false, 1, 3, null).trace()));
    }

    @Test
    void neededStageThatNeverRan_isSkippedWhenTheBuildSucceeds() {
        // The analysis says stage 0 is needed, but the engine showed none of its vertices.
        String text = "FROM img AS a\nRUN a\nFROM img AS b\nCOPY --from=a /x /x\n";
        BuildKitProgress p = new BuildKitProgress(DockerfileAnalyzer.analyze(text), 1);
        List<BuildEvent> events = feed(p, Traces.status()
                .vertex("sha256:f", "[b 1/2] FROM docker.io/library/img:latest", false, 1, 1, null).trace());
        events.addAll(p.finishSucceeded());

        assertEquals(SKIPPED, last(events, 0, 1));
        assertEquals(SKIPPED, last(events, 0, 2));
        assertEquals(DONE, last(events, 1, 4));
    }

    @Test
    void targetOtherThanTheAnalysisOne_decidesWhatIsSkipped() {
        BuildKitProgress p = new BuildKitProgress(DockerfileAnalyzer.analyze("FROM img AS a\nRUN a\nFROM img AS b\nRUN b\n"), 0);

        List<BuildEvent> events = p.start();

        assertEquals(QUEUED, last(events, 0, 2));
        assertEquals(SKIPPED, last(events, 1, 4));
    }

    @Test
    void logLineCutInsideAUtf8Character_isJoinedWhole() {
        BuildKitProgress p = new BuildKitProgress(DockerfileAnalyzer.analyze("FROM img\nRUN a\n"), 0);
        byte[] cafe = "café\n".getBytes(StandardCharsets.UTF_8);
        String a = "sha256:a";

        List<BuildEvent> events = feed(p,
                Traces.status().vertex(a, "[2/2] RUN a", false, 1, -1, null).log(a, 1, java.util.Arrays.copyOf(cafe, 4))
                        .trace(),
                Traces.status().log(a, 1, java.util.Arrays.copyOfRange(cafe, 4, cafe.length)).trace());

        assertTrue(events.contains(new BuildEvent.LogLine(0, 2, "café")), events.toString());
    }

    @Test
    void unreadableTrace_becomesALogLine_andTheBuildGoesOn() {
        BuildKitProgress p = new BuildKitProgress(DockerfileAnalyzer.analyze("FROM img\nRUN a\n"), 0);
        p.start();

        List<BuildEvent> events = p.accept(new BuildMessage.Trace(new byte[] {0x0A, 0x7F, 0x01}));

        assertEquals(1, events.size());
        BuildEvent.LogLine log = (BuildEvent.LogLine) events.get(0);
        assertEquals(-1, log.stageIndex());
        assertTrue(log.text().startsWith("Stagecraft could not read a progress message from the engine"), log.text());
        assertFalse(p.accept(Traces.status().vertex("sha256:a", "[2/2] RUN a", false, 1, -1, null).trace()).isEmpty());
    }

    @Test
    void warning_isALogLineOfItsStep() {
        BuildKitProgress p = new BuildKitProgress(DockerfileAnalyzer.analyze("FROM img\nRUN a\n"), 0);
        p.start();
        byte[] trace = new ProtoWriter()
                .message(1, new ProtoWriter().string(1, "sha256:a").string(3, "[2/2] RUN a"))
                .message(4, new ProtoWriter().string(1, "sha256:a").string(3, "Something to know"))
                .toByteArray();

        List<BuildEvent> events = p.accept(new BuildMessage.Trace(trace));

        assertTrue(events.contains(new BuildEvent.LogLine(0, 2, "WARNING: Something to know")), events.toString());
    }
}
