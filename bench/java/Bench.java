import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Stagecraft side of the benchmark (run by bench/compare.sh).
 *
 * <p>Usage: {@code java -cp target/stagecraft.jar:bench/work/classes Bench SET=LISTFILE ...}
 * where LISTFILE holds one Dockerfile path per line and SET is a label.
 *
 * <p>For each set: read every file into memory, warm up, then time passes (one pass =
 * {@link DockerfileAnalyzer#analyze(String)} of every file in the set, consuming
 * {@code stages().size() + diagnostics().size()}) and print ONE JSON line on stdout:
 * {@code {"tool":"stagecraft","set":..,"files":..,"lines":..,"passes":..,"samples":..,"batch":..,
 * "median_ns":..,"min_ns":..,"max_ns":..,"lines_per_sec":..,"sink":..}}; median_ns is the median
 * time of one pass (passes faster than ~1 ms are timed in batches and divided).
 * Same protocol and timing knobs as bench/node/bench.js:
 * BENCH_WARMUP_MS (10000), BENCH_MIN_PASSES (20), BENCH_MIN_MS (3000), BENCH_MAX_MS (30000),
 * BENCH_CAP_PASSES (5).
 */
public final class Bench {

    private static final long WARMUP_MS = envLong("BENCH_WARMUP_MS", 10000);
    private static final long MIN_PASSES = envLong("BENCH_MIN_PASSES", 20);
    private static final long MIN_MS = envLong("BENCH_MIN_MS", 3000);
    private static final long MAX_MS = envLong("BENCH_MAX_MS", 30000);
    private static final long CAP_PASSES = envLong("BENCH_CAP_PASSES", 5);

    /** Blackhole: every analysis result feeds it; printed at the end. */
    private static long sink;

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--linearity")) {
            System.out.println(linearity(Path.of(args[1]), Path.of(args[2])));
            System.err.println("stagecraft bench blackhole: " + sink);
            return;
        }
        if (args.length == 0) {
            System.err.println("usage: Bench SET=LISTFILE [SET=LISTFILE ...]");
            System.exit(2);
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected SET=LISTFILE, got " + arg);
            }
            System.out.println(runSet(arg.substring(0, eq), Path.of(arg.substring(eq + 1))));
            System.out.flush();
        }
        System.err.println("stagecraft bench blackhole: " + sink);
    }

    /**
     * The cost of a large file against a small one, measured interleaved: rounds of one large pass
     * and two small passes (the second timed), so both see the same machine. A ratio of two medians taken minutes apart
     * on a shared host mixes in the host's drift (we saw the same code's 10k median move 2x).
     */
    private static String linearity(Path smallList, Path largeList) throws IOException {
        String[] small = read(smallList);
        String[] large = read(largeList);
        long warmEnd = System.nanoTime() + WARMUP_MS * 1_000_000L;
        long s = 0;
        while (System.nanoTime() < warmEnd) {
            s += pass(large);
            s += pass(small);
        }
        List<Double> smallTimes = new ArrayList<>();
        List<Double> largeTimes = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long start = System.nanoTime();
        while (largeTimes.size() < MIN_PASSES || System.nanoTime() - start < MIN_MS * 1_000_000L) {
            // Each timed pass starts on a collected heap, so neither size pays for the other's garbage.
            System.gc();
            long t0 = System.nanoTime();
            s += pass(large);
            long t1 = System.nanoTime();
            System.gc();
            // An untimed small pass first: the small file is timed with its data back in the cache,
            // as in its own set, not cold after the large pass evicted it.
            s += pass(small);
            long t1b = System.nanoTime();
            s += pass(small);
            long t2 = System.nanoTime();
            largeTimes.add((double) (t1 - t0));
            smallTimes.add((double) (t2 - t1b));
            ratios.add((t1 - t0) / (double) (t2 - t1b));
        }
        sink += s;
        return String.format(Locale.ROOT, "{\"tool\":\"stagecraft\",\"set\":\"linearity\",\"rounds\":%d,"
                + "\"small_median_ns\":%d,\"large_median_ns\":%d,\"ratio\":%.3f,\"round_ratio_median\":%.3f}",
                largeTimes.size(), Math.round(median(smallTimes)), Math.round(median(largeTimes)),
                median(largeTimes) / median(smallTimes), median(ratios));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static String[] read(Path listFile) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String p : Files.readAllLines(listFile, StandardCharsets.UTF_8)) {
            if (!p.isEmpty()) {
                texts.add(new String(Files.readAllBytes(Path.of(p)), StandardCharsets.UTF_8));
            }
        }
        return texts.toArray(new String[0]);
    }

    private static String runSet(String name, Path listFile) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String p : Files.readAllLines(listFile, StandardCharsets.UTF_8)) {
            if (!p.isEmpty()) {
                texts.add(new String(Files.readAllBytes(Path.of(p)), StandardCharsets.UTF_8));
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("set " + name + ": no files in " + listFile);
        }
        String[] in = texts.toArray(new String[0]);
        long lines = 0;
        for (String t : in) {
            lines += countLines(t);
        }

        long setSink = 0;
        long warmStart = System.nanoTime();
        long warmEnd = warmStart + WARMUP_MS * 1_000_000L;
        long warmPasses = 0;
        long t = warmStart;
        do {
            setSink += pass(in);
            warmPasses++;
            t = System.nanoTime();
        } while (t < warmEnd);
        // Very fast passes are timed in batches of >= ~1 ms so timer overhead does not count.
        long batch = Math.max(1, (long) Math.ceil(warmPasses * 1e6 / Math.max(1, t - warmStart)));

        double[] times = new double[64];
        int n = 0;
        long start = System.nanoTime();
        for (;;) {
            long t0 = System.nanoTime();
            for (long b = 0; b < batch; b++) {
                setSink += pass(in);
            }
            long t1 = System.nanoTime();
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
            }
            times[n++] = (t1 - t0) / (double) batch;
            long elapsedMs = (t1 - start) / 1_000_000L;
            if (n >= MIN_PASSES && elapsedMs >= MIN_MS) {
                break;
            }
            if (n >= CAP_PASSES && elapsedMs >= MAX_MS) {
                break;
            }
        }
        sink += setSink;
        double[] sorted = Arrays.copyOf(times, n);
        Arrays.sort(sorted);
        double median = (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return String.format(Locale.ROOT,
                "{\"tool\":\"stagecraft\",\"set\":\"%s\",\"files\":%d,\"lines\":%d,\"passes\":%d,"
                        + "\"samples\":%d,\"batch\":%d,\"median_ns\":%d,\"min_ns\":%d,\"max_ns\":%d,"
                        + "\"lines_per_sec\":%.1f,\"sink\":%d}",
                name.replace("\\", "\\\\").replace("\"", "\\\""), in.length, lines, n * batch,
                n, batch, Math.round(median), Math.round(sorted[0]), Math.round(sorted[n - 1]),
                lines / (median / 1e9), setSink);
    }

    /** One pass: full analysis of every file, results consumed. */
    private static long pass(String[] texts) {
        long s = 0;
        for (String text : texts) {
            Analysis a = DockerfileAnalyzer.analyze(text);
            s += a.stages().size() + a.diagnostics().size();
        }
        return s;
    }

    private static long envLong(String name, long dflt) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        long n = Long.parseLong(v.trim());
        if (n < 0) {
            throw new IllegalArgumentException("bad " + name + ": " + v);
        }
        return n;
    }

    /** Lines as {@code wc -l} counts them, plus a final line without a newline. */
    private static long countLines(String text) {
        long n = 0;
        for (int i = text.indexOf('\n'); i != -1; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            n++;
        }
        return n;
    }
}
