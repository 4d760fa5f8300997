package dev.stagecraft.compare;

import dev.stagecraft.context.Sizes;
import java.util.Locale;

/** The words and numbers both reports share: sizes, signed changes, the summary line. */
final class ComparisonFormat {
    private ComparisonFormat() {
    }

    /** "+5.0 MB", "-512 B", "0 B". */
    static String delta(long bytes) {
        if (bytes == 0) {
            return "0 B";
        }
        return (bytes > 0 ? "+" : "-") + Sizes.human(Math.abs(bytes));
    }

    /** A stage row's change in size ({@code own}: in its own bytes), or its {@link StageRow#oneSide()} words. */
    static String stageChange(StageRow r, boolean own) {
        if (r.oneSide() != null) {
            return own ? "-" : r.oneSide();
        }
        return delta(own ? r.ownDeltaBytes() : r.sizeDeltaBytes());
    }

    /** "-96.3%", or "new" when A weighs nothing to compare with. */
    static String percent(Double percent) {
        return percent == null ? "new" : String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    /** "A: 1.2 GB -> B: 45 MB (-96.3%)". */
    static String summary(BuildComparison c) {
        return "A: " + Sizes.human(c.a().report().finalSizeBytes()) + " -> B: " + Sizes.human(c.b().report().finalSizeBytes())
                + " (" + percent(c.deltaPercent()) + ")";
    }

    /** An instruction's text on one line, at most {@code max} characters. */
    static String shortInstruction(String text, int max) {
        String line = text.replace('\n', ' ');
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }
}
