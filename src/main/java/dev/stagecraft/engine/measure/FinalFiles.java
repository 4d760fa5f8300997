package dev.stagecraft.engine.measure;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The files of an image as a container sees them: its layers applied bottom first, the way the
 * engine unpacks them. A whiteout ({@code .wh.name}) deletes a path and everything under it from the
 * layers below; an opaque marker ({@code .wh..wh..opq}) hides everything the layers below put under its
 * directory; a file or link replaces a directory of the same path below (and what was in it), and a
 * directory replaces a file. A layer's whiteouts apply to the layers below it only, never to what the
 * same layer adds.
 *
 * <p>Regular files, symbolic links and hard links are listed; directories are left out (as on the edges)
 * and so are devices and FIFOs, which a container gets from the engine, not from the image.
 */
public final class FinalFiles {
    private FinalFiles() {
    }

    /** The files that {@code layers} (each one's entries in tar order, bottom layer first) leave, sorted by path. */
    public static List<LandedFile> of(List<List<LayerEntry>> layers) {
        TreeMap<String, LandedFile> files = new TreeMap<>();
        for (List<LayerEntry> layer : layers) {
            // Deletions first: they are about the layers below, wherever the tar lists them.
            for (LayerEntry e : layer) {
                if (e.kind() == LayerEntry.Kind.WHITEOUT) {
                    files.remove(e.path());
                    removeUnder(files, e.path());
                } else if (e.kind() == LayerEntry.Kind.OPAQUE_WHITEOUT) {
                    removeUnder(files, e.path());
                }
            }
            for (LayerEntry e : layer) {
                switch (e.kind()) {
                    case FILE, SYMLINK, HARDLINK -> {
                        removeUnder(files, e.path());
                        files.put(e.path(), new LandedFile(e.path(), e.sizeBytes(), e.mode(), e.kind(), e.linkTarget()));
                    }
                    case DIRECTORY, OTHER -> files.remove(e.path());
                    default -> {
                        // Whiteouts were applied above.
                    }
                }
            }
        }
        return new ArrayList<>(files.values());
    }

    /** Removes every path strictly under the directory {@code dir} ({@code /} is the root). */
    private static void removeUnder(NavigableMap<String, LandedFile> files, String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        Iterator<Map.Entry<String, LandedFile>> under = files.tailMap(prefix, true).entrySet().iterator();
        while (under.hasNext() && under.next().getKey().startsWith(prefix)) {
            under.remove();
        }
    }
}
