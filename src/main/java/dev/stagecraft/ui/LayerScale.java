package dev.stagecraft.ui;

import java.util.Collection;

/**
 * One scale for every layer bar of a file: the largest layer fills {@code fullWidth}, the others
 * are linear in their bytes.
 *
 * <p>Linear, not logarithmic: the bars are there to show which instructions make the image heavy,
 * and a log scale would draw a 4 KB COPY half as long as a 400 MB RUN. Linear keeps lengths
 * honest; the exact bytes are in the text beside each bar. A layer that adds anything gets at least
 * {@link #MIN_VISIBLE} pixels, so "adds a little" still differs from "adds nothing" (an empty track).
 */
record LayerScale(long largestBytes, double fullWidth) {
    /** The thinnest bar a non-empty layer gets, in pixels. */
    static final double MIN_VISIBLE = 2;
    /** The scale before any sizes are known. */
    static final LayerScale NONE = new LayerScale(0, BuildGutterCells.BAR_WIDTH);

    LayerScale {
        if (largestBytes < 0 || fullWidth <= 0) {
            throw new IllegalArgumentException(largestBytes + " bytes over " + fullWidth + " px");
        }
    }

    /** The scale on which the largest of {@code sizes} fills {@code fullWidth}. */
    static LayerScale of(Collection<Long> sizes, double fullWidth) {
        long largest = 0;
        for (long s : sizes) {
            largest = Math.max(largest, s);
        }
        return new LayerScale(largest, fullWidth);
    }

    /** The length of the bar of a layer of {@code bytes}. */
    double width(long bytes) {
        if (bytes <= 0 || largestBytes == 0) {
            return 0;
        }
        return Math.max(MIN_VISIBLE, fullWidth * ((double) Math.min(bytes, largestBytes) / largestBytes));
    }
}
