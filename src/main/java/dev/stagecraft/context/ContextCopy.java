package dev.stagecraft.context;

import dev.stagecraft.instruction.AddInstruction;
import dev.stagecraft.instruction.CopyInstruction;
import dev.stagecraft.instruction.FileTransfer;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.Word;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Glob;
import dev.stagecraft.stage.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A COPY without {@code --from}, or an ADD, in stage {@code stage}: it takes files from the build
 * context. Sources and destination are as written (a variable in them is not expanded here).
 */
public record ContextCopy(int stage, Instruction instruction, List<String> sources, String destination) {

    public ContextCopy {
        sources = List.copyOf(sources);
    }

    /**
     * Every instruction of the analysis that reads the build context, in file order: one whose
     * sources are all here-documents or URLs takes nothing from it and is left out.
     */
    public static List<ContextCopy> of(Analysis analysis) {
        List<ContextCopy> copies = new ArrayList<>();
        for (Stage stage : analysis.stages()) {
            for (Instruction i : stage.instructions()) {
                boolean fromContext = i instanceof AddInstruction || i instanceof CopyInstruction c && c.from() == null;
                FileTransfer t = fromContext ? (FileTransfer) i : null;
                if (t != null && t.sources().stream().anyMatch(w -> !notFromContext(w.text()))) {
                    copies.add(new ContextCopy(stage.index(), i, t.sources().stream().map(Word::text).toList(),
                            t.destination() == null ? null : t.destination().text()));
                }
            }
        }
        return copies;
    }

    private static boolean isHeredoc(String source) {
        return source.startsWith("<<");
    }

    private static boolean isUrl(String source) {
        return source.contains("://") || source.startsWith("git@");
    }

    private static boolean notFromContext(String source) {
        return isHeredoc(source) || isUrl(source);
    }

    /** "src1 src2 → dest", as written. */
    public String carries() {
        return String.join(" ", sources) + " → " + (destination == null ? "?" : destination);
    }

    /**
     * The files this instruction takes from {@code scan}: a file source is that file, a directory all
     * files under it, a pattern ({@code *}, {@code ?}, {@code [...]} per path element, as Go's
     * {@code filepath.Match}) every path it matches and everything under a matched directory. A
     * source that matches nothing is reported: BuildKit fails the build on it.
     */
    public CarriedFiles match(ContextScan scan, DockerIgnore ignore) {
        Map<String, Long> found = new TreeMap<>();
        List<String> unmatched = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String source : sources) {
            if (isHeredoc(source)) {
                notes.add(source + " is a here-document: its text is in the Dockerfile, not in the context");
                continue;
            }
            if (isUrl(source)) {
                notes.add(source + " is fetched at build time, not taken from the context");
                continue;
            }
            if (source.contains("$")) {
                notes.add(source + " uses a variable: not expanded here, so not matched");
                continue;
            }
            String path = ContextPaths.clean(source);
            int before = found.size();
            if (isPattern(path)) {
                matchPattern(path.split("/"), scan, found);
            } else if (path.isEmpty() || scan.isDirectory(path)) {
                String prefix = path.isEmpty() ? "" : path + "/";
                Map<String, Long> under = path.isEmpty() ? scan.files() : scan.files().subMap(prefix, prefix + Character.MAX_VALUE);
                found.putAll(under);
            } else if (scan.files().containsKey(path)) {
                found.put(path, scan.files().get(path));
            }
            if (found.size() == before && !alreadyMatched(path, found)) {
                unmatched.add(source);
                boolean ignored = !path.isEmpty() && ignore.excludes(path);
                notes.add(source + (ignored ? " is excluded by .dockerignore" : " matches no file in the context")
                        + ": BuildKit fails the build");
            }
        }
        if (scan.partial()) {
            notes.add("The context scan " + scan.partialReason() + ": the list may be incomplete");
        }
        List<ContextFile> files = new ArrayList<>(found.size());
        long total = 0;
        for (Map.Entry<String, Long> e : found.entrySet()) {
            files.add(new ContextFile(e.getKey(), e.getValue()));
            total += e.getValue();
        }
        return new CarriedFiles(files, total, unmatched, notes);
    }

    /** A source already carried by an earlier source of the same instruction is not unmatched. */
    private static boolean alreadyMatched(String path, Map<String, Long> found) {
        return !isPattern(path) && (found.containsKey(path) || found.keySet().stream().anyMatch(p -> p.startsWith(path + "/")));
    }

    private static boolean isPattern(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0 || path.indexOf('\\') >= 0;
    }

    private static void matchPattern(String[] pattern, ContextScan scan, Map<String, Long> found) {
        for (Map.Entry<String, Long> file : scan.files().entrySet()) {
            String[] parts = file.getKey().split("/");
            if (parts.length < pattern.length) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < pattern.length && match; i++) {
                match = Glob.matches(pattern[i], parts[i]);
            }
            // Matching a leading part of the path means the pattern matched a directory: all of it is copied.
            if (match) {
                found.put(file.getKey(), file.getValue());
            }
        }
    }
}
