package dev.stagecraft.context;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;

/**
 * Walks a context folder once, the way the build client would send it: ignored paths are skipped
 * (whole directories when no exception can bring anything back), symbolic links are not followed
 * (BuildKit sends the link itself, so nothing outside the context leaks in), and an unreadable
 * entry becomes a problem in the result, never an exception. The walk is bounded: past
 * {@code maxFiles} files or {@code budget} it stops and says the result is partial.
 */
public final class ContextScanner {
    public static final int DEFAULT_MAX_FILES = 200_000;
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

    private final int maxFiles;
    private final Duration budget;

    public ContextScanner() {
        this(DEFAULT_MAX_FILES, DEFAULT_BUDGET);
    }

    public ContextScanner(int maxFiles, Duration budget) {
        if (maxFiles < 1) {
            throw new IllegalArgumentException("maxFiles must be positive: " + maxFiles);
        }
        this.maxFiles = maxFiles;
        this.budget = budget;
    }

    /**
     * Scans {@code root} with {@code ignore}. Blocking; checks the thread's interrupt flag between
     * entries so a newer request can cancel it.
     *
     * @throws InterruptedException when the calling thread is interrupted
     */
    public ContextScan scan(Path root, DockerIgnore ignore) throws InterruptedException {
        TreeMap<String, Long> files = new TreeMap<>();
        List<String> directories = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long deadline = System.nanoTime() + budget.toNanos();
        Deque<String> pending = new ArrayDeque<>();
        pending.push("");
        String partial = null;
        walk:
        while (!pending.isEmpty()) {
            String dir = pending.pop();
            Path folder = dir.isEmpty() ? root : root.resolve(dir);
            List<String> subdirs = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("context scan cancelled");
                    }
                    if (System.nanoTime() > deadline) {
                        partial = "stopped after " + budget.toSeconds() + " s";
                        break walk;
                    }
                    String name = entry.getFileName().toString();
                    String path = dir.isEmpty() ? name : dir + "/" + name;
                    BasicFileAttributes attrs;
                    try {
                        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        problems.add(path + ": cannot read (" + reason(e) + ")");
                        continue;
                    }
                    boolean excluded = ignore.excludes(path);
                    if (attrs.isDirectory()) {
                        if (!excluded || ignore.mayReincludeUnder(path)) {
                            subdirs.add(path);
                        }
                        if (!excluded) {
                            directories.add(path);
                        }
                    } else if (!excluded) {
                        if (files.size() >= maxFiles) {
                            partial = "stopped after " + maxFiles + " files";
                            break walk;
                        }
                        // A symbolic link is sent as a link: its size is the link's, never its target's.
                        files.put(path, attrs.size());
                    }
                }
            } catch (IOException | SecurityException e) {
                problems.add((dir.isEmpty() ? "." : dir) + ": cannot list (" + reason(e) + ")");
            }
            subdirs.sort(null);
            for (int i = subdirs.size() - 1; i >= 0; i--) {
                pending.push(subdirs.get(i));
            }
        }
        directories.sort(null);
        return new ContextScan(files, directories, partial != null, partial, problems);
    }

    /** Why a path could not be read, in words: the exception's class name means nothing to a user. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "removed while the context was read";
        }
        String message = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
