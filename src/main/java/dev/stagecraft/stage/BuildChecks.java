package dev.stagecraft.stage;

import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code # check=skip=RuleA,RuleB;error=true} directive: BuildKit's build checks can be skipped
 * by rule name, or turned into errors. Only warnings that mirror a BuildKit rule are affected.
 */
final class BuildChecks {
    /** Our diagnostic id to BuildKit's rule name. */
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("stage-name-casing", "StageNameCasing"),
            Map.entry("from-as-casing", "FromAsCasing"),
            Map.entry("json-args-recommended", "JSONArgsRecommended"),
            Map.entry("maintainer-deprecated", "MaintainerDeprecated"),
            Map.entry("duplicate-stage-name", "DuplicateStageName"),
            Map.entry("reserved-stage-name", "ReservedStageName"),
            Map.entry("undefined-arg-in-from", "UndefinedArgInFrom"),
            Map.entry("empty-continuation-line", "NoEmptyContinuation"),
            Map.entry("legacy-key-value-format", "LegacyKeyValueFormat"));

    private final Set<String> skip = new HashSet<>();
    private boolean skipAll;
    private boolean error;

    private BuildChecks() {
    }

    static BuildChecks of(String directive) {
        BuildChecks c = new BuildChecks();
        if (directive == null) {
            return c;
        }
        for (String part : directive.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim();
            if (key.equals("skip")) {
                for (String rule : value.split(",")) {
                    String r = rule.trim().toLowerCase(Locale.ROOT);
                    if (r.equals("all")) {
                        c.skipAll = true;
                    }
                    c.skip.add(r);
                }
            } else if (key.equals("error")) {
                c.error = value.equalsIgnoreCase("true");
            }
        }
        return c;
    }

    List<Diagnostic> apply(List<Diagnostic> diagnostics) {
        if (!skipAll && skip.isEmpty() && !error) {
            return diagnostics;
        }
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            String rule = RULES.get(d.id());
            if (rule == null || d.severity() != Severity.WARNING) {
                out.add(d);
            } else if (!skipAll && !skip.contains(rule.toLowerCase(Locale.ROOT))) {
                out.add(error ? d.withSeverity(Severity.ERROR) : d);
            }
        }
        return out;
    }
}
