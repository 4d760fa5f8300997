package dev.stagecraft.ui;

import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.measure.LandedFile;
import java.time.Duration;
import java.util.Locale;

/**
 * The words and numbers the graph shows for a build: a state, an elapsed time ("1.2 s"), a stage's
 * size ("1.9 MB base + 98 KB own"), what landed through an edge ("3 files, 5.2 KB landed"), and a
 * file's mode as {@code ls} and {@code chmod} write it ({@code 0755}).
 */
final class BuildTexts {
    private BuildTexts() {
    }

    /** "queued", "running", "cached", "done", "failed", "skipped". */
    static String state(StepState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** "0.4 s", "12.0 s", then "2 min 05 s" from a minute on. */
    static String elapsed(Duration elapsed) {
        long tenths = elapsed.toMillis() / 100;
        if (tenths < 600) {
            return String.format(Locale.ROOT, "%d.%d s", tenths / 10, tenths % 10);
        }
        long seconds = elapsed.toSeconds();
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    /** What a built stage weighs: "1.9 MB base + 98 KB own", or "98 KB own" on scratch. */
    static String stageSize(BuildReport.StageReport stage) {
        String own = Sizes.human(stage.ownBytes()) + " own";
        return stage.baseSizeBytes() > 0 ? Sizes.human(stage.baseSizeBytes()) + " base + " + own : own;
    }

    /** "3 files, 5.2 KB landed"; "nothing landed" for an empty layer; "files unknown" when they could not be read. */
    static String landed(BuildReport.EdgeReport edge) {
        if (edge.problem() != null) {
            return "files unknown";
        }
        int count = edge.files().size();
        if (count == 0) {
            return "nothing landed";
        }
        return count + (count == 1 ? " file, " : " files, ") + Sizes.human(edge.bytes()) + " landed";
    }

    /** Permission bits in octal with four digits, setuid, setgid and sticky included: 0755, 4755. */
    static String mode(int mode) {
        return String.format(Locale.ROOT, "%04o", mode);
    }

    /** One landed file as the details window lists it: mode, size, path (and a link's target). */
    static String landedFile(LandedFile file) {
        String path = file.linkTarget().isEmpty() ? file.path() : file.path() + " \u2192 " + file.linkTarget();
        return String.format(Locale.ROOT, "%s  %9s  %s", mode(file.mode()), Sizes.human(file.sizeBytes()), path);
    }
}
