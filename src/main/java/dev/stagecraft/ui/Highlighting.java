package dev.stagecraft.ui;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.Severity;
import dev.stagecraft.syntax.Token;
import dev.stagecraft.syntax.TokenKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The editor's style spans for one analysis: a CSS class per token kind, plus an underline class
 * over each diagnostic's range. Pure data, computed off the FX thread in one sweep over the
 * boundaries (linear after sorting, whatever the number of diagnostics); colours live in the CSS.
 */
public final class Highlighting {
    static final String ERROR = "diagnostic-error";
    static final String WARNING = "diagnostic-warning";
    static final String INFO = "diagnostic-info";

    /**
     * Every style a span can have, made once: [no token, then each token kind][no diagnostic, error,
     * warning, info]. Spans share them, so comparing two highlightings mostly compares references.
     */
    private static final List<String>[][] STYLES = styles();

    private Highlighting() {
    }

    @SuppressWarnings("unchecked")
    private static List<String>[][] styles() {
        TokenKind[] kinds = TokenKind.values();
        String[] severities = {null, ERROR, WARNING, INFO};
        List<String>[][] styles = new List[kinds.length + 1][severities.length];
        for (int k = 0; k <= kinds.length; k++) {
            for (int s = 0; s < severities.length; s++) {
                List<String> style = new ArrayList<>(2);
                if (k > 0) {
                    style.add(kinds[k - 1].styleClass());
                }
                if (severities[s] != null) {
                    style.add(severities[s]);
                }
                styles[k][s] = List.copyOf(style);
            }
        }
        return styles;
    }

    public static StyleSpans<Collection<String>> of(Analysis analysis) {
        int length = analysis.parse().text().length();
        List<Token> tokens = analysis.parse().tokens();
        // Diagnostic edges as events: position * 8 + (4 if it starts) + severity (0 error, 1 warning, 2 info);
        // at one position ends sort before starts.
        List<Diagnostic> diagnostics = analysis.diagnostics();
        long[] events = new long[diagnostics.size() * 2];
        int n = 0;
        for (Diagnostic d : diagnostics) {
            if (d.range() == null) {
                continue;
            }
            int s = Math.min(d.range().start(), length);
            int e = Math.min(Math.max(d.range().end(), s + 1), length);
            if (e <= s) {
                continue;
            }
            int kind = d.severity() == Severity.ERROR ? 0 : d.severity() == Severity.WARNING ? 1 : 2;
            events[n++] = (long) s * 8 + 4 + kind;
            events[n++] = (long) e * 8 + kind;
        }
        Arrays.sort(events, 0, n);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int[] active = new int[3];
        int ev = 0;
        int t = 0;
        int pos = 0;
        boolean any = false;
        while (pos < length) {
            while (ev < n && events[ev] / 8 <= pos) {
                int code = (int) (events[ev] % 8);
                active[code & 3] += code >= 4 ? 1 : -1;
                ev++;
            }
            while (t < tokens.size() && tokens.get(t).end() <= pos) {
                t++;
            }
            int next = length;
            TokenKind tokenKind = null;
            if (t < tokens.size()) {
                Token token = tokens.get(t);
                if (token.start() <= pos) {
                    tokenKind = token.kind();
                    next = token.end();
                } else {
                    next = token.start();
                }
            }
            if (ev < n) {
                next = (int) Math.min(next, events[ev] / 8);
            }
            int severity = active[0] > 0 ? 1 : active[1] > 0 ? 2 : active[2] > 0 ? 3 : 0;
            List<String> style = STYLES[tokenKind == null ? 0 : tokenKind.ordinal() + 1][severity];
            spans.add(style, next - pos);
            any = true;
            pos = next;
        }
        if (!any) {
            spans.add(List.of(), 0);
        }
        return spans.create();
    }
}
