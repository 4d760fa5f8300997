package dev.stagecraft.engine.build;

import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.EngineException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Removes images Stagecraft made, found by their labels, and nothing else: the images of one
 * Dockerfile that a newer build superseded, or (the Clean up action) every image it ever made.
 * Removing an image also removes its untagged parents that nothing else uses, which is how the
 * classic builder's intermediate images go; a base image or anyone else's image is never named.
 */
public final class ImageCleanup {
    private ImageCleanup() {
    }

    /** The value of {@link BuildRunner#FILE_LABEL} for a Dockerfile (null: an unsaved text). */
    public static String fileLabel(java.nio.file.Path dockerfile) {
        return dockerfile == null ? "untitled" : dockerfile.toAbsolutePath().normalize().toString();
    }

    /**
     * Removes the images built from {@code fileLabel} except {@code keep}; returns how many went.
     * Failures (an image in use by a container) are skipped: the next clean-up tries again.
     */
    public static int removeSuperseded(BuildEngine engine, String fileLabel, Collection<String> keep) {
        List<String> old = new ArrayList<>(engine.imagesLabelled(BuildRunner.FILE_LABEL, fileLabel));
        old.removeAll(keep);
        return remove(engine, old);
    }

    /** Removes every image carrying {@code label=value} (the Clean up action uses Stagecraft's owner label). */
    public static int removeLabelled(BuildEngine engine, String label, String value) {
        int removed = 0;
        // Children before parents: a round removes what it can, the next what that freed.
        for (int round = 0; round < 5; round++) {
            List<String> left = engine.imagesLabelled(label, value);
            int now = remove(engine, left);
            removed += now;
            if (now == 0 || now == left.size()) {
                break;
            }
        }
        return removed;
    }

    /** Removes every image Stagecraft made. */
    public static int removeAllOwned(BuildEngine engine) {
        return removeLabelled(engine, BuildRunner.OWNER_LABEL, BuildRunner.OWNER_VALUE);
    }

    private static int remove(BuildEngine engine, List<String> ids) {
        int removed = 0;
        for (String id : ids) {
            try {
                engine.removeImage(id);
                removed++;
            } catch (EngineException inUse) {
                if (inUse.kind() == EngineException.Kind.UNREACHABLE || inUse.kind() == EngineException.Kind.CONNECTION_LOST) {
                    throw inUse;
                }
            }
        }
        return removed;
    }
}
