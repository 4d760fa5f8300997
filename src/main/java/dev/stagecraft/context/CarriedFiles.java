package dev.stagecraft.context;

import java.util.List;

/**
 * What one COPY/ADD takes from the build context: the files (path order), their total size, the
 * sources that matched nothing, and notes to show (unmatched sources, URLs, here-documents, a
 * partial scan).
 */
public record CarriedFiles(List<ContextFile> files, long totalBytes, List<String> unmatched, List<String> notes) {

    public CarriedFiles {
        files = List.copyOf(files);
        unmatched = List.copyOf(unmatched);
        notes = List.copyOf(notes);
    }

    public int count() {
        return files.size();
    }

    /** "3 files, 1.2 KB". */
    public String summary() {
        return count() + (count() == 1 ? " file, " : " files, ") + Sizes.human(totalBytes);
    }
}
