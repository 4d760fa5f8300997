import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.compare.ComparedBuild;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerEntry;
import dev.stagecraft.engine.measure.LayerSize;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.history.BuildSummary;
import dev.stagecraft.history.HistoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The build history at its expected size (run by bench/history.sh).
 * {@code HistoryBench fill DATA DOCKERFILE N}: records N realistic builds (5 stages, 30 layers, 4 COPY
 * edges of 50 files, a final image of 2,000 files; one in ten failed).
 * {@code HistoryBench read DATA DOCKERFILE}: in this fresh JVM, times opening the history and listing it,
 * then loading the two newest successful builds; then the same again 21 times in this JVM. Prints
 * "open_ms", "list_ms", "open_list_ms", "load2_ms", and the medians of the repeats "warm_list_ms",
 * "warm_load2_ms", and "reopen_list_ms": a second store opened and listed in the same process.
 * {@code HistoryBench window DATA DOCKERFILE}: the window's case, in a fresh JVM: sqlite-jdbc is loaded
 * first (the window opens the history of the file it shows on a background thread as soon as it shows
 * it; here another file's, "preload_ms"; the file's text is analysed before, as the window does), then "loaded_open_list_ms": open + list of the 1,000 builds;
 * "panel_list_ms": the list the History tab shows first once the store is open; "panel_lines_ms": the
 * records of the failed builds it loads next for their line; "compare_ms": loading two builds picked at
 * random and {@code BuildComparison.of}, the first in this JVM ("compare_load_ms" of it the loading);
 * "warm_compare_ms": the median of 21 more pairs.
 */
public final class HistoryBench {
    private static final int STAGES = 5;
    private static final int LAYERS_PER_STAGE = 6;
    private static final int EDGES = 4;
    private static final int FILES_PER_EDGE = 50;
    private static final int FINAL_FILES = 2000;
    private static final int WARM_RUNS = 21;

    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[1]);
        Path dockerfile = Path.of(args[2]).toAbsolutePath();
        if (args[0].equals("fill")) {
            fill(data, dockerfile, Integer.parseInt(args[3]));
        } else if (args[0].equals("window")) {
            window(data, dockerfile);
        } else {
            read(data, dockerfile);
        }
    }

    private static void fill(Path data, Path dockerfile, int count) {
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T09:00:00Z");
        String text = dockerfileText();
        try (HistoryStore store = HistoryStore.open(data, dockerfile)) {
            for (int i = 0; i < count; i++) {
                Instant at = start.plus(Duration.ofMinutes(17L * i));
                Map<String, String> args = new LinkedHashMap<>();
                args.put("VERSION", "1." + i);
                String version = text + "# build " + (i / 3) + "\n";
                BuildRecord record = i % 10 == 7
                        ? BuildRecord.failed(dockerfile, version, args, null, BuilderKind.BUILDKIT, "Docker 20.10.24 (API 1.41)", at,
                                "RUN make exited with code 2.", 12)
                        : BuildRecord.succeeded(dockerfile, version, args, null, "Docker 20.10.24 (API 1.41)", at, report(random, i));
                store.record(record);
            }
            store.problem().ifPresent(p -> {
                throw new IllegalStateException(p);
            });
            System.err.println("filled " + store.list().size() + " builds into " + store.file());
        }
    }

    private static void read(Path data, Path dockerfile) {
        long t0 = System.nanoTime();
        try (HistoryStore store = HistoryStore.open(data, dockerfile)) {
            long t1 = System.nanoTime();
            List<BuildSummary> list = store.list();
            long t2 = System.nanoTime();
            List<Long> newest = list.stream().filter(BuildSummary::succeeded).limit(2).map(BuildSummary::id).toList();
            long files = 0;
            for (long id : newest) {
                files += store.load(id).orElseThrow().report().finalFiles().size();
            }
            long t3 = System.nanoTime();
            if (store.problem().isPresent() || list.size() < 2 || files != 2L * FINAL_FILES) {
                throw new IllegalStateException("unexpected history: " + store.problem() + ", " + list.size() + " builds");
            }
            System.out.printf("open_ms %.1f%nlist_ms %.1f%nopen_list_ms %.1f%nload2_ms %.1f%nbuilds %d%n",
                    ms(t1 - t0), ms(t2 - t1), ms(t2 - t0), ms(t3 - t2), list.size());
            // The window's case: the same process lists and loads again (JIT warm, file in the page cache).
            double[] lists = new double[WARM_RUNS];
            double[] loads = new double[WARM_RUNS];
            for (int i = 0; i < WARM_RUNS; i++) {
                long a = System.nanoTime();
                store.list();
                long b = System.nanoTime();
                newest.forEach(id -> store.load(id).orElseThrow());
                lists[i] = ms(b - a);
                loads[i] = ms(System.nanoTime() - b);
            }
            System.out.printf("warm_list_ms %.1f%nwarm_load2_ms %.1f%n", median(lists), median(loads));
        }
        // A second window of the same process opening the history: sqlite-jdbc's start-up is paid.
        long r0 = System.nanoTime();
        try (HistoryStore again = HistoryStore.open(data, dockerfile)) {
            again.list();
            System.out.printf("reopen_list_ms %.1f%n", ms(System.nanoTime() - r0));
        }
    }

    private static void window(Path data, Path dockerfile) {
        // The window has analysed the file it shows before anything is asked of the history.
        dev.stagecraft.stage.DockerfileAnalyzer.analyze(dockerfileText());
        long t0 = System.nanoTime();
        try (HistoryStore other = HistoryStore.open(data, dockerfile.resolveSibling("Other.Dockerfile"))) {
            other.list();
        }
        long t1 = System.nanoTime();
        try (HistoryStore store = HistoryStore.open(data, dockerfile)) {
            List<BuildSummary> list = store.list();
            long t2 = System.nanoTime();
            store.list();
            long t2b = System.nanoTime();
            int failed = panelLines(store, list);
            long t3 = System.nanoTime();
            List<Long> built = list.stream().filter(BuildSummary::succeeded).map(BuildSummary::id).toList();
            Random random = new Random(7);
            long[] loaded = new long[1];
            long layers = compare(store, built, random, loaded);
            long t4 = System.nanoTime();
            double[] compares = new double[WARM_RUNS];
            for (int i = 0; i < WARM_RUNS; i++) {
                long a = System.nanoTime();
                layers += compare(store, built, random, new long[1]);
                compares[i] = ms(System.nanoTime() - a);
            }
            if (store.problem().isPresent() || failed == 0 || layers == 0) {
                throw new IllegalStateException("unexpected history: " + store.problem() + ", " + failed + " failed");
            }
            System.out.printf("preload_ms %.1f%nloaded_open_list_ms %.1f%npanel_list_ms %.1f%npanel_lines_ms %.1f%ncompare_ms %.1f%n"
                    + "compare_load_ms %.1f%nwarm_compare_ms %.1f%n", ms(t1 - t0), ms(t2 - t1), ms(t2b - t2), ms(t3 - t2b), ms(t4 - t3),
                    ms(loaded[0] - t3), median(compares));
        }
    }

    /** What the History tab reads after the list: each failed build's record, for the line it stopped at. */
    private static int panelLines(HistoryStore store, List<BuildSummary> list) {
        int lines = 0;
        for (BuildSummary s : list) {
            if (!s.succeeded() && store.load(s.id()).orElseThrow().failedLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    /** Loads two different builds picked at random and compares them, as the History tab's "Compare" does. */
    private static long compare(HistoryStore store, List<Long> built, Random random, long[] loadedAt) {
        long a = built.get(random.nextInt(built.size()));
        long b;
        do {
            b = built.get(random.nextInt(built.size()));
        } while (b == a);
        BuildRecord older = store.load(Math.min(a, b)).orElseThrow();
        BuildRecord newer = store.load(Math.max(a, b)).orElseThrow();
        loadedAt[0] = System.nanoTime();
        BuildComparison c = BuildComparison.of(new ComparedBuild("A", older.dockerfileText(), older.report()),
                new ComparedBuild("B", newer.dockerfileText(), newer.report()));
        return c.layers().size() + c.finalFiles().size();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String dockerfileText() {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < STAGES; s++) {
            text.append("FROM ").append(s == 0 ? "golang:1.22" : "stage" + (s - 1)).append(" AS stage").append(s).append('\n');
            for (int l = 1; l < LAYERS_PER_STAGE; l++) {
                text.append("RUN step ").append(s).append('-').append(l).append(" && echo done\n");
            }
        }
        return text.toString();
    }

    private static BuildReport report(Random random, int build) {
        List<StageReport> stages = new ArrayList<>();
        int line = 1;
        for (int s = 0; s < STAGES; s++) {
            List<LayerSize> layers = new ArrayList<>();
            for (int l = 0; l < LAYERS_PER_STAGE; l++) {
                layers.add(new LayerSize(line++, random.nextInt(50_000_000)));
            }
            stages.add(new StageReport(s, "stage" + s, true, true, s == STAGES - 1, "sha256:" + hex(random),
                    200_000_000L + random.nextInt(100_000_000), 80_000_000, layers, null));
        }
        List<EdgeReport> edges = new ArrayList<>();
        for (int e = 0; e < EDGES; e++) {
            List<LandedFile> files = files(random, "/app/stage" + e + "/pkg/", FILES_PER_EDGE);
            edges.add(new EdgeReport("copy", e, null, e + 1, 6 * (e + 1) + 2, files,
                    files.stream().mapToLong(LandedFile::sizeBytes).sum(), null));
        }
        List<LandedFile> finalFiles = files(random, "/usr/lib/python3.11/site-packages/", FINAL_FILES);
        return new BuildReport(BuilderKind.BUILDKIT, STAGES - 1, "sha256:" + hex(random), 45_000_000L + build * 1_000L,
                900_000_000L, stages, edges, finalFiles, null, Duration.ofMillis(20_000 + random.nextInt(60_000)));
    }

    private static List<LandedFile> files(Random random, String root, int count) {
        List<LandedFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String path = root + "package" + (i / 40) + "/module_" + i + (i % 3 == 0 ? ".py" : ".so");
            files.add(i % 50 == 0
                    ? new LandedFile(path, 0, 0777, LayerEntry.Kind.SYMLINK, "module_0.py")
                    : new LandedFile(path, random.nextInt(2_000_000), 0644, LayerEntry.Kind.FILE, ""));
        }
        return files;
    }

    private static String hex(Random random) {
        return String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }
}
