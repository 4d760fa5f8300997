package dev.stagecraft.engine.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * The files that really landed through a {@code COPY --from} edge: every entry of the layer the COPY on
 * {@code line} made that is not a directory, in the layer's order, and their total bytes.
 *
 * <p>Directories are left out on purpose: a layer holds every parent folder of what it adds
 * ({@code /deep/} and {@code /deep/er/} for a copy to {@code /deep/er/b.bin}), whether the COPY made
 * it or only passed through it. Symbolic links, hard links and special files are listed, with 0 bytes,
 * so the list is exactly the layer's non-directory entries. {@code bytes} is the sum of the regular
 * files' lengths; the engine's size of the same layer is equal with BuildKit and larger with the
 * classic builder, which also counts each symbolic link's target length.
 */
public record EdgeFiles(int line, List<LandedFile> files, long bytes) {
    public EdgeFiles {
        files = List.copyOf(files);
        long sum = 0;
        for (LandedFile f : files) {
            sum += f.sizeBytes();
        }
        if (line < 1 || bytes != sum) {
            throw new IllegalArgumentException("line " + line + ", " + bytes + " bytes for files of " + sum);
        }
    }

    /** The landed files of the layer whose entries are {@code layer}, for the COPY on {@code line}. */
    public static EdgeFiles of(int line, List<LayerEntry> layer) {
        List<LandedFile> files = new ArrayList<>();
        long bytes = 0;
        for (LayerEntry e : layer) {
            switch (e.kind()) {
                case FILE, SYMLINK, HARDLINK, OTHER -> {
                    files.add(new LandedFile(e.path(), e.sizeBytes(), e.mode(), e.kind(), e.linkTarget()));
                    bytes += e.sizeBytes();
                }
                default -> {
                    // Directories pass through; a COPY deletes nothing, so whiteouts never belong to it.
                }
            }
        }
        return new EdgeFiles(line, files, bytes);
    }

    /** No files: the COPY's layer is empty. */
    public static EdgeFiles none(int line) {
        return new EdgeFiles(line, List.of(), 0);
    }
}
