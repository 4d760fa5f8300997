package dev.stagecraft.engine.progress;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.instruction.FromInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The progress of a classic build ({@code POST /build} without {@code version=2}), from its text.
 * The classic builder numbers every instruction of the file as a step, in file order, global ARGs
 * before the first FROM and ONBUILD included ({@code Step 3/7 : RUN ...}), up to the end of the
 * target stage; it runs every stage up to the target, needed or not, and none after it. It adds a
 * step of its own at the end for the labels of the request ({@code LABEL ...}), which is tied to no
 * line. After a step's header come {@code ---> Using cache} (the step is cached), {@code ---> Running
 * in <id>}, the program's output, {@code Removing intermediate container <id>}, and {@code ---> <id>}
 * when the step is done; ONBUILD triggers of the base run inside its FROM step.
 *
 * <p>Global ARG steps belong to no stage (stage -1). The classic builder sends no times, so elapsed
 * times come from {@code clock}, between the lines that mark a step's start and end. Its stderr
 * arrives wrapped in {@code ESC[91m ... ESC[0m}; that wrapping is the builder's and is dropped.
 */
public final class ClassicProgress implements BuildProgress {
    private static final Pattern STEP = Pattern.compile("Step (\\d+)/(\\d+) : (.*)", Pattern.DOTALL);
    private static final Pattern LAYER = Pattern.compile(" ---> ([0-9a-f]{12,64})?");
    private static final String STDERR_START = "\u001b[91m";
    private static final String STDERR_END = "\u001b[0m";
    private static final String[] BUILDER_LINES = {"Step ", " ---> ", "Removing intermediate container ",
        "Successfully built ", "Successfully tagged "};

    private enum Outcome { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private record Place(int stage, int line) {
    }

    private final Analysis sent;
    private final int target;
    private final Clock clock;
    /** Steps the builder numbers: the instructions from the first to the target stage's last. */
    private final int lastStep;
    private final Map<Instruction, Integer> stageOf = new IdentityHashMap<>();
    private final Map<Place, StepState> stepStates = new HashMap<>();
    private final StepState[] stageStates;
    private final Instant[] stageStarts;
    private final Map<Integer, String> stageImages = new HashMap<>();
    private final LineSplitter lines = new LineSplitter();
    private final EventLedger ledger = new EventLedger();
    private Outcome outcome = Outcome.RUNNING;
    /** The step running now: its place (null when it is tied to no line), start and whether it was cached. */
    private Place current;
    private int currentStage = -1;
    private boolean stepOpen;
    private boolean usingCache;
    private Instant stepStart;

    /** The progress of a classic build of the text {@code sent} was analysed from, towards stage {@code targetStage}. */
    public ClassicProgress(Analysis sent, int targetStage) {
        this(sent, targetStage, Clock.systemUTC());
    }

    /** As above, timed by {@code clock}. */
    public ClassicProgress(Analysis sent, int targetStage, Clock clock) {
        if (targetStage < 0 || targetStage >= sent.stages().size()) {
            throw new IllegalArgumentException("no stage " + targetStage + " in a file of " + sent.stages().size()
                    + " stages");
        }
        this.sent = sent;
        this.target = targetStage;
        this.clock = clock;
        for (Stage s : sent.stages()) {
            stageOf.put(s.from(), s.index());
            for (Instruction i : s.instructions()) {
                stageOf.put(i, s.index());
            }
        }
        Stage last = sent.stages().get(targetStage);
        Instruction end = last.instructions().isEmpty() ? last.from()
                : last.instructions().get(last.instructions().size() - 1);
        this.lastStep = sent.instructions().indexOf(end) + 1;
        this.stageStates = new StepState[sent.stages().size()];
        this.stageStarts = new Instant[sent.stages().size()];
    }

    /**
     * The image each stage ended with so far, by stage index: the id the builder printed after the
     * stage's last step (a short id). The classic builder keeps these as its cache; a stage's image
     * is what building that stage as the target would give, without the build's labels.
     */
    public Map<Integer, String> stageImages() {
        return java.util.Collections.unmodifiableMap(stageImages);
    }

    @Override
    public List<BuildEvent> start() {
        for (int k = 1; k <= sent.instructions().size(); k++) {
            Instruction i = sent.instructions().get(k - 1);
            step(new Place(stageOf.getOrDefault(i, -1), i.line()), k <= lastStep ? StepState.QUEUED : StepState.SKIPPED,
                    Duration.ZERO, null);
        }
        for (Stage s : sent.stages()) {
            stage(s.index(), s.index() <= target ? StepState.QUEUED : StepState.SKIPPED);
        }
        ledger.phase("Starting the build");
        return ledger.drain();
    }

    @Override
    public List<BuildEvent> accept(BuildMessage message) {
        if (outcome != Outcome.RUNNING) {
            return List.of();
        }
        if (message instanceof BuildMessage.Output output) {
            text(output.text());
        } else if (message instanceof BuildMessage.ImageBuilt) {
            // The builder names each stage's image as it ends one.
            closeStep();
            closeStage(StepState.DONE);
        }
        return ledger.drain();
    }

    @Override
    public List<BuildEvent> finishSucceeded() {
        if (outcome != Outcome.RUNNING) {
            return List.of();
        }
        outcome = Outcome.SUCCEEDED;
        flushProgramOutput();
        closeStep();
        closeStage(StepState.DONE);
        ledger.phase("Build finished");
        return ledger.drain();
    }

    @Override
    public List<BuildEvent> finishFailed(String engineError) {
        return stop(Outcome.FAILED, engineError, "Build failed");
    }

    @Override
    public List<BuildEvent> finishCancelled() {
        return stop(Outcome.CANCELLED, null, "Build cancelled");
    }

    private List<BuildEvent> stop(Outcome end, String error, String phase) {
        if (outcome != Outcome.RUNNING) {
            return List.of();
        }
        outcome = end;
        flushProgramOutput();
        StepState state = end == Outcome.FAILED ? StepState.FAILED : StepState.QUEUED;
        if (stepOpen && current != null) {
            step(current, state, elapsedSince(stepStart), end == Outcome.FAILED ? error : null);
        }
        stepOpen = false;
        if (currentStage >= 0 && stageStates[currentStage] == StepState.RUNNING) {
            // A failure in a step tied to no line (the builder's own LABEL) still ends its stage.
            stage(currentStage, state);
        }
        ledger.phase(phase);
        return ledger.drain();
    }

    private void text(String raw) {
        String text = raw;
        if (text.startsWith(STDERR_START) && text.endsWith(STDERR_END)) {
            text = text.substring(STDERR_START.length(), text.length() - STDERR_END.length());
        }
        // The builder writes its own lines in messages of their own; a step header comes without its
        // newline, which follows in the next message.
        boolean builderLine = lines.holdsPartial("builder") || startsBuilderLine(text);
        if (!builderLine) {
            for (String line : lines.add("program", text)) {
                programLine(line);
            }
            return;
        }
        flushProgramOutput();
        for (String line : lines.add("builder", text)) {
            builderLine(line);
        }
    }

    private static boolean startsBuilderLine(String text) {
        for (String prefix : BUILDER_LINES) {
            if (text.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private void flushProgramOutput() {
        String rest = lines.flush("program");
        if (rest != null) {
            programLine(rest);
        }
    }

    private void programLine(String line) {
        ledger.log(current == null ? currentStage : current.stage(), current == null ? 0 : current.line(), line);
    }

    private void builderLine(String line) {
        Matcher step = STEP.matcher(line);
        if (step.matches()) {
            closeStep();
            beginStep(Integer.parseInt(step.group(1)), step.group(3));
            return;
        }
        if (line.equals(" ---> Using cache")) {
            usingCache = true;
        } else if (LAYER.matcher(line).matches()) {
            Matcher layer = LAYER.matcher(line);
            if (layer.matches() && layer.group(1) != null && current != null && current.stage() >= 0) {
                stageImages.put(current.stage(), layer.group(1));
            }
            closeStep();
        } else if (line.startsWith("Successfully ")) {
            ledger.log(-1, 0, line);
        }
    }

    private void beginStep(int k, String command) {
        Instruction instruction = k <= lastStep && k <= sent.instructions().size() ? sent.instructions().get(k - 1) : null;
        if (instruction != null && !instruction.kind().name().equals(keyword(command))) {
            instruction = null;
        }
        stepOpen = true;
        usingCache = false;
        stepStart = clock.instant();
        if (instruction == null) {
            current = null;
            return;
        }
        int stage = stageOf.getOrDefault(instruction, -1);
        if (instruction instanceof FromInstruction) {
            closeStage(StepState.DONE);
            currentStage = stage;
            stageStarts[stage] = stepStart;
            stage(stage, StepState.RUNNING);
            ledger.phase("Building stage " + NeededStages.label(sent, stage) + " (" + (stage + 1) + " of " + (target + 1)
                    + ")");
        }
        current = new Place(stage, instruction.line());
        step(current, StepState.RUNNING, Duration.ZERO, null);
    }

    private static String keyword(String command) {
        String trimmed = command.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    private void closeStep() {
        if (stepOpen && current != null) {
            step(current, usingCache ? StepState.CACHED : StepState.DONE, elapsedSince(stepStart), null);
        }
        stepOpen = false;
    }

    /**
     * Ends the stage running now: CACHED when every step after its FROM came from the cache, else
     * {@code state}.
     */
    private void closeStage(StepState state) {
        if (currentStage < 0 || stageStates[currentStage] != StepState.RUNNING) {
            return;
        }
        Stage s = sent.stages().get(currentStage);
        boolean allCached = !s.instructions().isEmpty();
        for (Instruction i : s.instructions()) {
            allCached &= stepStates.get(new Place(currentStage, i.line())) == StepState.CACHED;
        }
        stage(currentStage, allCached ? StepState.CACHED : state);
    }

    private void step(Place place, StepState state, Duration elapsed, String error) {
        stepStates.put(place, state);
        ledger.step(place.stage(), place.line(), state, elapsed, error);
    }

    private void stage(int index, StepState state) {
        stageStates[index] = state;
        Duration elapsed = stageStarts[index] == null ? Duration.ZERO : elapsedSince(stageStarts[index]);
        ledger.stage(index, state, elapsed);
    }

    private Duration elapsedSince(Instant start) {
        Duration d = Duration.between(start, clock.instant());
        return d.isNegative() ? Duration.ZERO : d;
    }
}
