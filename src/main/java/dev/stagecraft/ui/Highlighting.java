package dev.stagecraft.ui;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.Severity;
import dev.stagecraft.syntax.Token;
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

    private Highlighting() {
    }

    public static StyleSpans<Collection<String>> of(Analysis analysis) {
        int length = analysis.parse().text().length();
        List<Token> tokens = analysis.parse().tokens();
        // Diagnostic edges as events: position * 4 + kind (0 error ends, 1 warning ends, 2 error starts, 3 warning starts).
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
            int kind = d.severity() == Severity.ERROR ? 0 : 1;
            events[n++] = (long) s * 4 + 2 + kind;
            events[n++] = (long) e * 4 + kind;
        }
        Arrays.sort(events, 0, n);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int errors = 0;
        int warnings = 0;
        int ev = 0;
        int t = 0;
        int pos = 0;
        boolean any = false;
        while (pos < length) {
            while (ev < n && events[ev] / 4 <= pos) {
                int kind = (int) (events[ev] % 4);
                errors += kind == 2 ? 1 : kind == 0 ? -1 : 0;
                warnings += kind == 3 ? 1 : kind == 1 ? -1 : 0;
                ev++;
            }
            while (t < tokens.size() && tokens.get(t).end() <= pos) {
                t++;
            }
            int next = length;
            String tokenClass = null;
            if (t < tokens.size()) {
                Token token = tokens.get(t);
                if (token.start() <= pos) {
                    tokenClass = token.kind().styleClass();
                    next = token.end();
                } else {
                    next = token.start();
                }
            }
            if (ev < n) {
                next = (int) Math.min(next, events[ev] / 4);
            }
            List<String> style = new ArrayList<>(2);
            if (tokenClass != null) {
                style.add(tokenClass);
            }
            if (errors > 0) {
                style.add(ERROR);
            } else if (warnings > 0) {
                style.add(WARNING);
            }
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
