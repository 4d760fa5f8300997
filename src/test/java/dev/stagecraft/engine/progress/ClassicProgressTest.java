package dev.stagecraft.engine.progress;

import static dev.stagecraft.engine.StepState.CACHED;
import static dev.stagecraft.engine.StepState.DONE;
import static dev.stagecraft.engine.StepState.FAILED;
import static dev.stagecraft.engine.StepState.QUEUED;
import static dev.stagecraft.engine.StepState.RUNNING;
import static dev.stagecraft.engine.StepState.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classic builds recorded from Docker 20.10.24 ({@code POST /build} without {@code version=2}, with
 * labels, as the engine adapter sends them), replayed. See {@link BuildKitProgressTest} for the files.
 */
class ClassicProgressTest {
    private static final int FINAL = 3;

    private static Replay replay(String folder, String stream, int target) {
        return Replay.of(folder, stream, target, ClassicProgress::new);
    }

    private static Map<Integer, StepState> lines(Replay r, int stage) {
        Map<Integer, StepState> out = new TreeMap<>();
        r.lastStep.values().stream().filter(s -> s.stageIndex() == stage).forEach(s -> out.put(s.line(), s.state()));
        return out;
    }

    @Test
    void everyStageUpToTheTargetIsBuilt_evenTheOneBuildKitSkips() {
        Replay r = replay("multi", "multi-classic.jsonl", FINAL);

        assertEquals(Map.of(9, DONE, 10, DONE, 11, DONE), lines(r, 1));
        assertEquals(List.of(DONE, DONE, DONE, DONE), List.of(r.stage(0), r.stage(1), r.stage(2), r.stage(3)));
        assertEquals(Map.of(3, DONE, 4, DONE, 5, DONE, 6, DONE, 7, DONE), lines(r, 0));
        assertEquals(Map.of(18, DONE, 19, DONE, 20, DONE, 21, DONE), lines(r, 3));
    }

    @Test
    void stageImages_areTheIdsPrintedAfterEachStagesLastStep() {
        Replay r = replay("multi", "multi-classic.jsonl", FINAL);
        // As recorded: step 6 (COPY, builder's last) printed 7bda1d47a86d, step 9 d7d4ee784492, step 12
        // 3caa7f868a8c, step 16 (CMD) ca62bf7d8b1e; the labels' step 17 belongs to no line and no stage.
        assertEquals(Map.of(0, "7bda1d47a86d", 1, "d7d4ee784492", 2, "3caa7f868a8c", 3, "ca62bf7d8b1e"),
                ((ClassicProgress) r.progress).stageImages());
    }

    @Test
    void globalArg_isAStepOfNoStage() {
        Replay r = replay("multi", "multi-classic.jsonl", FINAL);

        assertEquals(List.of(QUEUED, RUNNING, DONE), r.history(-1, 2));
    }

    @Test
    void theBuildersOwnLabelStep_isTiedToNoLine() {
        Replay r = replay("multi", "multi-classic.jsonl", FINAL);

        // Step 17/17 is "LABEL helper=progress", from the request's labels: no line of the file.
        List<Integer> lines = new ArrayList<>();
        r.lastStep.values().forEach(s -> lines.add(s.line()));
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 9, 10, 11, 13, 14, 16, 18, 19, 20, 21), lines.stream().sorted().toList());
    }

    @Test
    void rebuild_marksStepsFromTheCacheCached() {
        Replay r = replay("multi", "multi-classic-cached.jsonl", FINAL);

        assertEquals(Map.of(3, DONE, 4, CACHED, 5, CACHED, 6, CACHED, 7, CACHED), lines(r, 0));
        assertEquals(Map.of(18, DONE, 19, CACHED, 20, CACHED, 21, CACHED), lines(r, 3));
        assertEquals(List.of(CACHED, CACHED, CACHED, CACHED), List.of(r.stage(0), r.stage(1), r.stage(2), r.stage(3)));
    }

    @Test
    void output_isTiedToItsStep_withTheBuildersStderrMarksDropped() {
        Replay r = replay("multi", "multi-classic.jsonl", FINAL);

        // The last line has no newline: the builder's next line must not be glued to it.
        assertEquals(List.of("one", "two", "three", "to-stderr", "partial", "no newline at the end"), r.logs(2, 14));
        List<String> elsewhere = new ArrayList<>();
        r.logs.stream().filter(l -> l.line() != 14).forEach(l -> elsewhere.add(l.stageIndex() + ":" + l.text()));
        assertEquals(List.of("-1:Successfully built afcb42f766b8", "-1:Successfully tagged helper-progress-multi:classic"),
                elsewhere);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fail-classic.jsonl", "fail-classic-forcerm.jsonl"})
    void failingRun_failsItsLineWithTheEnginesText(String stream) {
        // With forcerm the builder removes the failed step's container before it says the error.
        Replay r = replay("fail", stream, 2);
        String engineText = "The command '/bin/sh -c echo \"about to fail\" &&     exit 3' returned a non-zero code: 3";

        assertEquals(engineText, r.error);
        assertEquals(Map.of(4, DONE, 5, DONE, 6, FAILED, 8, QUEUED), lines(r, 1));
        assertEquals(engineText, r.lastStep.get("1:6").error());
        assertEquals(List.of("about to fail"), r.logs(1, 6));
        // The classic builder runs one step at a time: stage slow had finished.
        assertEquals(List.of(DONE, FAILED, QUEUED), List.of(r.stage(0), r.stage(1), r.stage(2)));
        assertEquals(Map.of(10, QUEUED, 11, QUEUED), lines(r, 2));
    }

    @Test
    void onbuildTriggers_runInsideTheFromStep_andEveryInstructionIsAStep() {
        Replay r = replay("onbuild", "onbuild-classic.jsonl", 2);

        assertEquals(List.of("# Executing 1 build trigger", "triggered"), r.logs(2, 12));
        assertEquals(Map.of(1, DONE, 2, DONE), lines(r, -1));
        assertEquals(Map.of(3, DONE, 4, DONE, 5, DONE, 6, DONE, 7, DONE), lines(r, 0));
        // The classic builder refuses RUN --mount when it reaches it.
        assertEquals(FAILED, r.step(2, 23));
        assertTrue(r.lastStep.get("2:23").error().startsWith("the --mount option requires BuildKit"));
        assertEquals(Map.of(24, QUEUED, 25, QUEUED), Map.of(24, r.step(2, 24), 25, r.step(2, 25)));
    }

    @Test
    void noRecordedBuild_leavesAStepOrStageRunning() {
        String[][] builds = {{"multi", "multi-classic.jsonl"}, {"multi", "multi-classic-cached.jsonl"},
            {"fail", "fail-classic.jsonl"}, {"fail", "fail-classic-forcerm.jsonl"}, {"onbuild", "onbuild-classic.jsonl"}};
        for (String[] b : builds) {
            Replay r = replay(b[0], b[1], b[0].equals("multi") ? FINAL : 2);
            r.lastStep.values().forEach(s -> assertTrue(s.state() != RUNNING, b[1] + ": " + s));
            r.lastStage.values().forEach(s -> assertTrue(s.state() != RUNNING, b[1] + ": " + s));
        }
    }

    // A target before the last stage, as recorded by hand from the engine: the builder stops after it.

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static List<BuildEvent> feed(BuildProgress p, String... texts) {
        List<BuildEvent> out = new ArrayList<>(p.start());
        for (String t : texts) {
            out.addAll(p.accept(new BuildMessage.Output(t)));
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
    void stagesAfterTheTarget_areSkipped_andTheLabelStepPastItTiesToNoLine() {
        ClassicProgress p = new ClassicProgress(Replay.analysis("onbuild"), 0, CLOCK);

        List<BuildEvent> events = feed(p, "Step 1/8 : ARG BASE=stagecraft-test/busybox:1", "\n",
                "Step 2/8 : ARG UNUSED=1", "\n", "Step 3/8 : FROM ${BASE} AS Alpha", "\n", " ---> 6dffd6b3749b\n",
                "Step 4/8 : ARG UNUSED", "\n", " ---> Using cache\n", " ---> 4429778c8ba4\n",
                "Step 5/8 : RUN echo alpha", "\n", " ---> Using cache\n", " ---> 86cbf361939a\n",
                "Step 6/8 : ONBUILD RUN echo triggered", "\n", " ---> Using cache\n", " ---> 10e10a9cdb17\n",
                "Step 7/8 : LABEL a=b", "\n", " ---> Using cache\n", " ---> 1da2904c2077\n",
                "Step 8/8 : LABEL helper=progress", "\n", " ---> Running in 1276a4dbd915\n",
                "Removing intermediate container 1276a4dbd915\n", " ---> 16add11a61c4\n");
        events.addAll(p.accept(new BuildMessage.ImageBuilt("sha256:16add11a61c4")));
        events.addAll(p.finishSucceeded());

        assertEquals(SKIPPED, last(events, 1, 9));
        assertEquals(SKIPPED, last(events, 2, 12));
        assertTrue(events.contains(new BuildEvent.StageChanged(2, SKIPPED, Duration.ZERO)));
        assertEquals(CACHED, last(events, 0, 7));
        assertTrue(events.contains(new BuildEvent.StageChanged(0, CACHED, Duration.ZERO)), events.toString());
        assertEquals(List.of(QUEUED, RUNNING, CACHED),
                events.stream().filter(e -> e instanceof BuildEvent.StepChanged s && s.line() == 7)
                        .map(e -> ((BuildEvent.StepChanged) e).state()).toList());
    }

    @Test
    void cancelledBuild_putsTheRunningStepBackToQueued() {
        ClassicProgress p = new ClassicProgress(DockerfileAnalyzer.analyze("FROM img\nRUN sleep 100\n"), 0, CLOCK);
        List<BuildEvent> events = feed(p, "Step 1/2 : FROM img", "\n", " ---> 6dffd6b3749b\n", "Step 2/2 : RUN sleep 100",
                "\n", " ---> Running in 1276a4dbd915\n");
        assertEquals(RUNNING, last(events, 0, 2));

        events.addAll(p.finishCancelled());

        assertEquals(QUEUED, last(events, 0, 2));
        assertTrue(events.contains(new BuildEvent.StageChanged(0, QUEUED, Duration.ZERO)));
        assertTrue(events.stream().noneMatch(e -> e instanceof BuildEvent.StepChanged s && s.state() == FAILED));
        assertEquals(List.of(), p.accept(new BuildMessage.Output("late\n")));
    }

    @Test
    void stepHeaderThatIsNotTheInstructionAtThatNumber_isTiedToNoLine() {
        ClassicProgress p = new ClassicProgress(DockerfileAnalyzer.analyze("FROM img\nRUN a\n"), 0, CLOCK);

        List<BuildEvent> events = feed(p, "Step 1/2 : FROM img\n", " ---> 6dffd6b3749b\n", "Step 2/2 : COPY x y\n",
                "output of nothing known\n");

        assertEquals(QUEUED, last(events, 0, 2));
        assertTrue(events.contains(new BuildEvent.LogLine(0, 0, "output of nothing known")), events.toString());
    }
}
