package dev.stagecraft.engine.progress;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.BuildMessage;
import dev.stagecraft.engine.EngineException;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A build recorded from the real engine (see src/test/resources/engine/progress/record.sh), played
 * through a progress: every JSON line read as the engine adapter reads it, the error line ending the
 * build as the adapter's exception would. Keeps every event, and the last state said per step and stage.
 */
final class Replay {
    static final String FOLDER = "/engine/progress/";

    final List<BuildEvent> events = new ArrayList<>();
    final Map<String, BuildEvent.StepChanged> lastStep = new LinkedHashMap<>();
    final Map<Integer, BuildEvent.StageChanged> lastStage = new LinkedHashMap<>();
    final List<BuildEvent.LogLine> logs = new ArrayList<>();
    final List<String> phases = new ArrayList<>();
    String error;
    BuildProgress progress;

    static String resource(String name) {
        try (InputStream in = Replay.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Analysis analysis(String folder) {
        return DockerfileAnalyzer.analyze(resource(folder + "/Dockerfile"));
    }

    /** Plays {@code stream} through the progress {@code make} builds from the analysis of {@code folder}'s Dockerfile. */
    static Replay of(String folder, String stream, int target, BiFunction<Analysis, Integer, BuildProgress> make) {
        Replay r = new Replay();
        BuildProgress progress = make.apply(analysis(folder), target);
        r.progress = progress;
        r.add(progress.start());
        for (String line : resource(stream).split("\n")) {
            Optional<BuildMessage> message;
            try {
                message = BuildStreamLines.toMessage(line);
            } catch (EngineException e) {
                r.error = e.getMessage();
                break;
            }
            message.ifPresent(m -> r.add(progress.accept(m)));
        }
        r.add(r.error == null ? progress.finishSucceeded() : progress.finishFailed(r.error));
        return r;
    }

    void add(List<BuildEvent> batch) {
        for (BuildEvent e : batch) {
            events.add(e);
            if (e instanceof BuildEvent.StepChanged s) {
                lastStep.put(s.stageIndex() + ":" + s.line(), s);
            } else if (e instanceof BuildEvent.StageChanged s) {
                lastStage.put(s.stageIndex(), s);
            } else if (e instanceof BuildEvent.LogLine l) {
                logs.add(l);
            } else if (e instanceof BuildEvent.PhaseChanged p) {
                phases.add(p.description());
            }
        }
    }

    /** The last state said for the step at {@code line} of {@code stage}. */
    StepState step(int stage, int line) {
        BuildEvent.StepChanged s = lastStep.get(stage + ":" + line);
        if (s == null) {
            throw new AssertionError("nothing said of stage " + stage + " line " + line + "; said: " + lastStep.keySet());
        }
        return s.state();
    }

    StepState stage(int stage) {
        return lastStage.get(stage).state();
    }

    /** Every state said for a step, in order. */
    List<StepState> history(int stage, int line) {
        List<StepState> out = new ArrayList<>();
        for (BuildEvent e : events) {
            if (e instanceof BuildEvent.StepChanged s && s.stageIndex() == stage && s.line() == line) {
                out.add(s.state());
            }
        }
        return out;
    }

    /** Stagecraft's own line for a step that started or ended ("RUN make  (cached)"). */
    static boolean notice(String text) {
        return text.matches("[A-Z]+ .*  \\((started|cached|failed|done in .*)\\)");
    }

    /** The output lines the build printed for {@code stage} and {@code line}, in order. */
    List<String> logs(int stage, int line) {
        List<String> out = new ArrayList<>();
        for (BuildEvent.LogLine l : logs) {
            if (l.stageIndex() == stage && l.line() == line && !notice(l.text())) {
                out.add(l.text());
            }
        }
        return out;
    }

    /** Stagecraft's lines for the steps of {@code stage} at {@code line}, in order. */
    List<String> notices(int stage, int line) {
        List<String> out = new ArrayList<>();
        for (BuildEvent.LogLine l : logs) {
            if (l.stageIndex() == stage && l.line() == line && notice(l.text())) {
                out.add(l.text());
            }
        }
        return out;
    }
}
