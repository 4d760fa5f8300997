package dev.stagecraft.ui;

/**
 * How thick a COPY --from edge is drawn for the bytes that landed through it: on a log scale, so
 * a 10 KB copy and a 10 MB copy both read at a glance, from {@link #MIN} (100 B or less) to
 * {@link #MAX} (10 MB or more). The scale is fixed, not relative to the build, so the same copy
 * looks the same in every build.
 */
final class EdgeThickness {
    static final double MIN = 1.5;
    static final double MAX = 8;
    /** log10 of the bytes drawn at {@link #MIN} and at {@link #MAX}. */
    private static final double THINNEST = 2;
    private static final double THICKEST = 7;

    private EdgeThickness() {
    }

    /** The stroke width, in pixels, of an edge that carried {@code bytes}. */
    static double of(long bytes) {
        double magnitude = Math.log10(Math.max(1, bytes));
        double share = (magnitude - THINNEST) / (THICKEST - THINNEST);
        double width = MIN + (MAX - MIN) * Math.max(0, Math.min(1, share));
        // Tenths of a pixel: finer steps are invisible, and would only make more distinct styles.
        return Math.round(width * 10) / 10.0;
    }
}
