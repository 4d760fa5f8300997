package dev.stagecraft.cli;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.history.BuildSummary;
import dev.stagecraft.history.HistoryFolders;
import dev.stagecraft.history.HistoryStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagecraft history}: the builds of one Dockerfile that the window and {@code stagecraft build}
 * recorded, newest first. Reads only: a Dockerfile never built has no history file, and none is made.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the recorded builds of a Dockerfile, newest first: id, time, final size, change against the"
                + " build before, target, builder and outcome. Exit 0 when listed (also when there are none), 2 for usage"
                + " problems.")
public final class HistoryCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Output formats. */
    public enum Format { text, json }

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Parameters(arity = "1", paramLabel = "FILE", description = "The Dockerfile whose builds to list (it need not exist any more).")
    private Path file;

    /** One build as listed: the stored summary, and for a failed build the line it stopped at. */
    private record Line(BuildSummary summary, Integer failedLine) {
        String outcome() {
            return summary.succeeded() ? "built" : "failed";
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path data = HistoryFolders.defaultDataFolder();
        List<Line> lines = new ArrayList<>();
        if (Files.exists(HistoryFolders.databaseFile(data, file))) {
            try (HistoryStore store = HistoryStore.open(data, file.toAbsolutePath())) {
                for (BuildSummary s : store.list()) {
                    Integer failedLine = null;
                    if (!s.succeeded()) {
                        Optional<BuildRecord> record = store.load(s.id());
                        failedLine = record.map(BuildRecord::failedLine).orElse(null);
                    }
                    lines.add(new Line(s, failedLine));
                }
                store.problem().ifPresent(p -> err.println("stagecraft: " + p));
            }
        }
        if (format == Format.json) {
            out.println(Json.pretty(json(lines)));
        } else {
            out.print(text(file.toAbsolutePath().normalize(), lines));
        }
        out.flush();
        return EngineBuilds.DONE;
    }

    private static List<Object> json(List<Line> lines) {
        List<Object> array = new ArrayList<>();
        for (Line l : lines) {
            BuildSummary s = l.summary();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", s.id());
            o.put("time", s.startedAt().toString());
            o.put("finalSizeBytes", s.finalSizeBytes());
            o.put("changeBytes", s.sizeChangeBytes());
            o.put("target", s.target());
            o.put("builder", s.builder().id());
            o.put("outcome", l.outcome());
            o.put("failedLine", l.failedLine());
            o.put("finalImageId", s.finalImageId());
            o.put("textSha256", s.textSha256());
            array.add(o);
        }
        return array;
    }

    private static String text(Path file, List<Line> lines) {
        StringBuilder out = new StringBuilder();
        if (lines.isEmpty()) {
            return out.append("No builds of ").append(file).append(" are recorded.\n").toString();
        }
        out.append(lines.size()).append(lines.size() == 1 ? " build of " : " builds of ").append(file).append(", newest first:\n");
        out.append(String.format("%6s  %-23s  %10s  %11s  %-14s  %-8s  %s%n", "ID", "TIME", "FINAL SIZE", "CHANGE", "TARGET",
                "BUILDER", "OUTCOME"));
        for (Line l : lines) {
            BuildSummary s = l.summary();
            String outcome = s.succeeded() ? "built" : l.failedLine() == null ? "failed" : "failed at line " + l.failedLine();
            out.append(String.format("%6d  %-23s  %10s  %11s  %-14s  %-8s  %s%n", s.id(), WHEN.format(s.startedAt()),
                    s.finalSizeBytes() == null ? "-" : Sizes.human(s.finalSizeBytes()), change(s.sizeChangeBytes()),
                    s.target() == null ? "(last stage)" : s.target(), s.builder().id(), outcome));
        }
        return out.toString();
    }

    /** "+1.2 MB", "-300 KB", "0 B", or "-" when there is no build before to compare with. */
    static String change(Long bytes) {
        if (bytes == null) {
            return "-";
        }
        return (bytes > 0 ? "+" : bytes < 0 ? "-" : "") + Sizes.human(Math.abs(bytes));
    }
}
