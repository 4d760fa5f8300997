package dev.stagecraft.ui;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.compare.StageRow;
import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import java.util.Locale;

/**
 * The words and numbers the comparison view and its chart show: signed changes ("-5.0 MB",
 * "+12 KB"), percentages, exact byte counts, a stage row's name, and the CSS class saying whether a
 * change is good (smaller), bad (bigger) or none.
 */
final class ComparisonTexts {
    /** A change that makes the image smaller: good news, green. */
    static final String SMALLER = "delta-smaller";
    /** A change that makes it bigger: red. */
    static final String BIGGER = "delta-bigger";
    static final String SAME = "delta-same";
    /**
     * A stage on one side only: its size is not a change of a stage, so it is neither good nor bad news
     * and keeps the plain text colour (no rule in the style sheets).
     */
    static final String ONE_SIDE = "delta-one-side";

    private ComparisonTexts() {
    }

    /** "+5.0 MB", "-512 B", "0 B". */
    static String delta(long bytes) {
        if (bytes == 0) {
            return "0 B";
        }
        return (bytes > 0 ? "+" : "\u2212") + Sizes.human(Math.abs(bytes));
    }

    /** "-41.3%", or "new" when A weighed nothing. */
    static String percent(Double percent) {
        if (percent == null) {
            return "new";
        }
        String text = String.format(Locale.ROOT, "%+.1f%%", percent);
        return text.replace('-', '\u2212');
    }

    /** "-5,242,886 bytes", exact, for checking against docker image inspect. */
    static String exactDelta(long bytes) {
        String sign = bytes > 0 ? "+" : bytes < 0 ? "\u2212" : "";
        return sign + String.format(Locale.ROOT, "%,d bytes", Math.abs(bytes));
    }

    /** "7,340,032 bytes". */
    static String exact(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    /** The CSS class of a change of {@code bytes}. */
    static String deltaClass(long bytes) {
        return bytes < 0 ? SMALLER : bytes > 0 ? BIGGER : SAME;
    }

    /** "-5.0 MB (-41.3%)": the final image's change. */
    static String finalChange(BuildComparison c) {
        return delta(c.deltaBytes()) + " (" + percent(c.deltaPercent()) + ")";
    }

    /** A stage's size, or "-" when it is absent or was skipped. */
    static String size(StageReport s) {
        return s == null || !s.built() ? "\u2013" : Sizes.human(s.sizeBytes());
    }

    /** The bytes a side's stage counts for: 0 when absent or skipped. */
    static long bytes(StageReport s) {
        return s == null || !s.built() ? 0 : s.sizeBytes();
    }

    /**
     * "build", "#0 / build" when the two sides' stages are named differently, "build (new in B)" or
     * "test (removed in B)" for a stage on one side only, "(final)" on the targets' row.
     */
    static String stageName(StageRow r) {
        String a = r.a() == null ? null : StageRow.label(r.a());
        String b = r.b() == null ? null : StageRow.label(r.b());
        String name;
        if (a == null) {
            name = b + " (new in B)";
        } else if (b == null) {
            name = a + " (removed in B)";
        } else {
            name = a.equals(b) ? a : a + " / " + b;
        }
        return r.targets() ? name + " (final)" : name;
    }

    /**
     * A stage row's change: "+5.0 MB" for a stage on both sides; "new stage" or "removed stage" for one
     * on one side only, whose bar already shows its size: "+12 MB" in red would read as a stage that grew.
     */
    static String stageDelta(StageRow r) {
        return r.oneSide() != null ? r.oneSide() : delta(r.sizeDeltaBytes());
    }

    /** The CSS class of {@link #stageDelta}: {@link #ONE_SIDE} for a stage on one side only. */
    static String stageDeltaClass(StageRow r) {
        return r.oneSide() != null ? ONE_SIDE : deltaClass(r.sizeDeltaBytes());
    }
}
