import dev.stagecraft.ui.MainWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;

/**
 * Edit latency of the desktop window (run by bench/edit-latency.sh under Xvfb).
 *
 * <p>Opens the real {@link MainWindow} on a generated Dockerfile of LINES lines (default 1,000), then
 * makes WARMUP + EDITS edits (default 50 + 200) one at a time, as a user would, each waiting for its
 * analysis to reach the screen. For every edit it measures from the text snapshot (the moment the
 * analysis thread takes the text, after the 150 ms quiet period, which is not counted) to the end of
 * the first layout pulse after the result was applied: highlighting, diagnostics, problems list and
 * graph all in the scene, laid out. Rasterising that pulse happens afterwards on the render thread
 * and is not included. Edits cycle through: type a character in a RUN line, delete it, retarget a
 * COPY --from (the graph's shape changes), restore it, insert an ENV line, delete it.
 *
 * <p>Prints one line per measure: median, 95th percentile and max over the timed edits. Then, side
 * by side, the same measure for a window that does no work: a label whose text a timer sets after
 * the same quiet period. That is the floor the frame clock alone puts under the TOTAL: a result
 * reaches the screen at a pulse, and pulses come every 16.7 ms whatever the window does.
 */
public final class EditLatency {
    private static final int LINES = Integer.getInteger("lines", 1000);
    private static final int WARMUP = Integer.getInteger("warmup", 50);
    private static final int EDITS = Integer.getInteger("edits", 200);
    /** The window's quiet period after an edit (MainWindow's), before the analysis takes its snapshot. */
    private static final long QUIET_MILLIS = 150;
    /**
     * With -DrandomPhase=true each edit waits a random part of a frame first, as a user's keystrokes
     * fall anywhere in the frame; by default each edit follows the previous result's pulse at once.
     */
    private static final boolean RANDOM_PHASE = Boolean.getBoolean("randomPhase");

    private EditLatency() {
    }

    public static void main(String[] args) throws Exception {
        String text = generate(LINES);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        // Closing the window before the zero-work one opens must not end the toolkit: this ends it at the end.
        Platform.setImplicitExit(false);
        BlockingQueue<long[]> samples = new LinkedBlockingQueue<>();
        MainWindow[] window = new MainWindow[1];
        onFx(() -> {
            window[0] = new MainWindow(text);
            Scene scene = new Scene(window[0], 1400, 900);
            scene.getStylesheets().add(MainWindow.class.getResource("stagecraft.css").toExternalForm());
            window[0].shownProperty().addListener((obs, old, result) -> {
                if (result != null) {
                    measure(scene, result.snapshotNanos(), result.analyzedNanos(), samples);
                }
            });
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        if (samples.poll(30, TimeUnit.SECONDS) == null) {
            throw new IllegalStateException("the window never showed its first analysis");
        }
        CodeArea editor = window[0].editor();
        List<long[]> timed = new ArrayList<>();
        for (int i = 0; i < WARMUP + EDITS; i++) {
            int kind = i % 6;
            somewhereInTheFrame();
            onFx(() -> edit(editor, kind));
            long[] sample = samples.poll(30, TimeUnit.SECONDS);
            if (sample == null) {
                throw new IllegalStateException("edit " + i + " never reached the screen");
            }
            if (i >= WARMUP) {
                timed.add(new long[] {sample[0], sample[1], sample[2], sample[3], sample[4], kind});
            }
        }
        int stages = text.split("\nFROM ", -1).length;
        System.out.printf(Locale.ROOT, "edit latency, %d lines, %d stages, %d timed edits after %d warm-up edits%s%n",
                LINES, stages, EDITS, WARMUP, RANDOM_PHASE ? ", each at a random point of the frame" : "");
        report("snapshot -> analysed + highlighting computed (analysis thread)", timed, 0, 1);
        report("analysed -> applied on the FX thread", timed, 1, 2);
        report("applied -> laid out (end of next pulse's layout)", timed, 2, 4);
        report("  of which: waiting for the pulse (60 Hz frame clock)", timed, 2, 3);
        report("  of which: the pulse's CSS and layout", timed, 3, 4);
        report("TOTAL snapshot -> on screen", timed, 0, 4);
        report("TOTAL less the wait for the pulse (work done)", timed.stream()
                .map(t -> new long[] {0, t[1] - t[0] + t[2] - t[1] + t[4] - t[3]}).toList(), 0, 1);
        String[] kinds = {"type a character", "delete it", "retarget a COPY --from", "restore it", "insert a line", "delete it"};
        System.out.printf(Locale.ROOT, "%nby edit, p95 in ms: %-22s %9s %9s %9s %9s %9s%n", "", "analysis", "apply", "wait", "css+lay",
                "total");
        for (int k = 0; k < kinds.length; k++) {
            int kind = k;
            List<long[]> these = timed.stream().filter(t -> t[5] == kind).toList();
            System.out.printf(Locale.ROOT, "  edits that %-30s %9.2f %9.2f %9.2f %9.2f %9.2f%n", kinds[k], p95(these, 0, 1), p95(these, 1, 2),
                    p95(these, 2, 3), p95(these, 3, 4), p95(these, 0, 4));
        }
        onFx(() -> {
            window[0].close();
            window[0].getScene().getWindow().hide();
        });
        List<long[]> floor = zeroWorkFloor();
        report("zero-work window, snapshot -> on screen (the frame clock's floor)", floor, 0, 4);
        System.out.printf(Locale.ROOT, "TOTAL p95 / zero-work p95: %.2f%n", p95(timed, 0, 4) / p95(floor, 0, 4));
        Platform.exit();
    }

    /**
     * The TOTAL of a window that does no work, measured the same way: each "edit" sets a label's
     * text and starts the quiet period; when it ends, a timer thread takes its snapshot stamp and
     * hands the label a new text, as the analysis thread would hand over its result at once.
     */
    private static List<long[]> zeroWorkFloor() throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zero-work-quiet-period");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<long[]> samples = new LinkedBlockingQueue<>();
        Label label = new Label("no work");
        Scene[] scene = new Scene[1];
        onFx(() -> {
            scene[0] = new Scene(new StackPane(label), 1400, 900);
            Stage stage = new Stage();
            stage.setScene(scene[0]);
            stage.show();
        });
        List<long[]> timed = new ArrayList<>();
        for (int i = 0; i < WARMUP + EDITS; i++) {
            String edit = "edit " + i;
            somewhereInTheFrame();
            onFx(() -> {
                label.setText(edit);
                timer.schedule(() -> {
                    long snapshot = System.nanoTime();
                    Platform.runLater(() -> {
                        label.setText(edit + " shown");
                        measure(scene[0], snapshot, snapshot, samples);
                    });
                }, QUIET_MILLIS, TimeUnit.MILLISECONDS);
            });
            long[] sample = samples.poll(30, TimeUnit.SECONDS);
            if (sample == null) {
                throw new IllegalStateException("zero-work edit " + i + " never reached the screen");
            }
            if (i >= WARMUP) {
                timed.add(sample);
            }
        }
        timer.shutdownNow();
        onFx(() -> scene[0].getWindow().hide());
        return timed;
    }

    /**
     * Records the stamps of one result: applied, then when the next pulse begins (its CSS pass comes
     * after the pre-layout listeners), then after that pulse's layout.
     */
    private static void measure(Scene scene, long snapshotNanos, long analyzedNanos, BlockingQueue<long[]> samples) {
        long applied = System.nanoTime();
        long[] pulseStart = new long[1];
        Runnable[] before = new Runnable[1];
        before[0] = () -> {
            pulseStart[0] = System.nanoTime();
            scene.removePreLayoutPulseListener(before[0]);
        };
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            long laidOut = System.nanoTime();
            scene.removePostLayoutPulseListener(once[0]);
            samples.add(new long[] {snapshotNanos, analyzedNanos, applied, pulseStart[0], laidOut});
        };
        scene.addPreLayoutPulseListener(before[0]);
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static void edit(CodeArea editor, int kind) {
        String text = editor.getText();
        int middle = text.indexOf("FROM ", text.length() / 2);
        switch (kind) {
            case 0 -> {
                int run = text.indexOf("RUN ", middle);
                int eol = text.indexOf('\n', run);
                editor.insertText(eol, "x");
            }
            case 1 -> {
                int run = text.indexOf("RUN ", middle);
                int eol = text.indexOf('\n', run);
                editor.deleteText(eol - 1, eol);
            }
            case 2 -> {
                int from = text.indexOf("--from=", middle) + "--from=".length();
                int end = text.indexOf(' ', from);
                retargeted = text.substring(from, end);
                editor.replaceText(from, end, "s0");
            }
            case 3 -> {
                int from = text.indexOf("--from=", middle) + "--from=".length();
                editor.replaceText(from, text.indexOf(' ', from), retargeted);
            }
            case 4 -> editor.insertText(text.indexOf('\n', middle) + 1, "ENV EDITED=1\n");
            case 5 -> {
                int at = text.indexOf("ENV EDITED=1\n", middle);
                editor.deleteText(at, at + "ENV EDITED=1\n".length());
            }
            default -> throw new IllegalArgumentException("edit kind " + kind);
        }
    }

    private static void somewhereInTheFrame() throws InterruptedException {
        if (RANDOM_PHASE) {
            long nanos = java.util.concurrent.ThreadLocalRandom.current().nextLong(16_667_000);
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    /** The stage name that edit kind 2 replaced, restored by kind 3. */
    private static String retargeted;

    private static double p95(List<long[]> samples, int from, int to) {
        double[] ms = samples.stream().mapToDouble(s -> (s[to] - s[from]) / 1e6).sorted().toArray();
        return ms[(int) Math.ceil(ms.length * 0.95) - 1];
    }

    private static void report(String what, List<long[]> samples, int from, int to) {
        double[] ms = samples.stream().mapToDouble(s -> (s[to] - s[from]) / 1e6).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-64s median %7.2f ms   p95 %7.2f ms   max %7.2f ms%n", what,
                ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1]);
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    /**
     * A realistic multi-stage Dockerfile of exactly {@code lines} lines: stages of 25 lines, each with
     * ARG, ENV, a continued RUN, a cache mount, COPY --from an earlier stage, a heredoc and comments.
     */
    static String generate(int lines) {
        List<String> out = new ArrayList<>();
        out.add("# syntax=docker/dockerfile:1");
        out.add("ARG GO_VERSION=1.22");
        for (int s = 0; out.size() < lines; s++) {
            out.add("");
            out.add("# stage " + s + ": builds part " + s);
            out.add(s % 3 == 0 || s == 0 ? "FROM golang:${GO_VERSION} AS s" + s : "FROM s" + (s - 1) + " AS s" + s);
            out.add("ARG VERSION=" + s);
            out.add("ENV APP_HOME=/srv/app" + s + " \\");
            out.add("    APP_PORT=80" + (s % 10));
            out.add("WORKDIR /src/part" + s);
            out.add("COPY go.mod go.sum ./");
            out.add("RUN --mount=type=cache,target=/go/pkg/mod go mod download");
            out.add("RUN apt-get update \\");
            out.add("    && apt-get install -y --no-install-recommends ca-certificates curl \\");
            out.add("    && rm -rf /var/lib/apt/lists/*");
            out.add("COPY . .");
            out.add("RUN go build -o /out/part" + s + " ./cmd/part" + s);
            out.add(s == 0 ? "COPY --from=golang:1.22 /usr/local/go/VERSION /out/go-version"
                    : "COPY --from=s" + Math.max(0, s - 2) + " /out/ /opt/earlier/");
            out.add("RUN <<EOF");
            out.add("set -e");
            out.add("echo built part " + s + " > /out/part" + s + ".txt");
            out.add("EOF");
            out.add("LABEL org.opencontainers.image.title=\"part " + s + "\"");
            out.add("USER 1000:1000");
            out.add("EXPOSE 80" + (s % 10));
            out.add("HEALTHCHECK CMD [\"/out/part" + s + "\", \"-health\"]");
            out.add("ENTRYPOINT [\"/out/part" + s + "\"]");
        }
        return String.join("\n", out.subList(0, lines)) + "\n";
    }

}
