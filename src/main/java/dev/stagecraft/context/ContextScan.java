package dev.stagecraft.context;

import java.util.List;
import java.util.NavigableMap;

/**
 * What one walk of the context folder found: the files the build would send (ignored ones left out),
 * keyed by relative path in path order; whether the walk stopped early (too many files, out of
 * time), and the entries it could not read, each as a sentence.
 */
public record ContextScan(NavigableMap<String, Long> files, List<String> directories, boolean partial, String partialReason,
        List<String> problems) {

    public ContextScan {
        files = java.util.Collections.unmodifiableNavigableMap(files);
        directories = List.copyOf(directories);
        problems = List.copyOf(problems);
    }

    public boolean isDirectory(String path) {
        return path.isEmpty() || java.util.Collections.binarySearch(directories, path) >= 0;
    }
}
