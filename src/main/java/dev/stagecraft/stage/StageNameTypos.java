package dev.stagecraft.stage;

import java.util.List;
import java.util.Locale;

/**
 * Guesses which stage a {@code --from=x} or {@code from=x} meant when x names no stage: BuildKit
 * silently pulls x as an image then, and the build fails far from the typo (or, worse, works with
 * a stranger's image). Only names within a small edit distance count, and never image-like words.
 */
public final class StageNameTypos {
    /** Characters that only image references hold (a registry, a tag, a digest). */
    private static final String IMAGE_CHARS = ":/@";

    private StageNameTypos() {
    }

    /**
     * The stage name closest to {@code value} (first in the given order on a tie), or null when none
     * is close: within 2 edits (a swap of two neighbours is one edit) for names of 7 characters or
     * more, 1 edit for 5 or 6; a name of up to 4 characters only when the two are the same letters
     * with two neighbours swapped, because many real images have short names one letter apart from
     * a stage's ({@code node} and {@code code}, {@code ruby} and {@code rust}).
     */
    public static String suggestion(String value, List<String> stageNames) {
        String word = value.toLowerCase(Locale.ROOT);
        for (int k = 0; k < word.length(); k++) {
            if (IMAGE_CHARS.indexOf(word.charAt(k)) >= 0) {
                return null;
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : stageNames) {
            if (name.equals(word)) {
                return null;
            }
            int shorter = Math.min(name.length(), word.length());
            int d = distance(word, name);
            boolean close = shorter >= 7 ? d <= 2 : shorter >= 5 ? d <= 1 : d == 1 && sameLetters(word, name);
            if (close && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    /** Edits (insert, delete, replace, swap of neighbours) from a to b: optimal string alignment. */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > 2) {
            return Math.abs(n - m);
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
