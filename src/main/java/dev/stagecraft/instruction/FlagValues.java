package dev.stagecraft.instruction;

import dev.stagecraft.syntax.Diagnostic;
import java.util.List;
import java.util.regex.Pattern;

/** Checks flag values BuildKit would refuse at parse time. Values holding a variable are checked at build time, not here. */
final class FlagValues {
    private static final Pattern DURATION = Pattern.compile("0|(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");
    private static final Pattern OCTAL = Pattern.compile("[0-7]{1,4}");
    private static final Pattern SYMBOLIC_MODE = Pattern.compile("([ugoa]*[-+=]([rwxXst]*|[ugo]))+(,([ugoa]*[-+=]([rwxXst]*|[ugo]))+)*");
    private static final Pattern CHECKSUM = Pattern.compile("(sha256:[0-9a-f]{64}|sha384:[0-9a-f]{96}|sha512:[0-9a-f]{128})");

    private FlagValues() {
    }

    static void check(InstructionKind kind, Flag flag, List<Diagnostic> out) {
        String v = flag.value();
        if (v == null || v.indexOf('$') >= 0) {
            return;
        }
        String problem = null;
        switch (flag.name()) {
            case "network":
                if (!v.equals("default") && !v.equals("none") && !v.equals("host")) {
                    problem = "--network must be default, none or host, not '" + v + "'";
                }
                break;
            case "security":
                if (!v.equals("sandbox") && !v.equals("insecure")) {
                    problem = "--security must be sandbox or insecure, not '" + v + "'";
                }
                break;
            case "chmod":
                if (!OCTAL.matcher(v).matches() && !SYMBOLIC_MODE.matcher(v).matches()) {
                    problem = "--chmod expects an octal mode such as 0755 (or a symbolic one such as u+x), not '" + v + "'";
                }
                break;
            case "checksum":
                if (!CHECKSUM.matcher(v).matches()) {
                    problem = "--checksum expects sha256:<64 hex digits> (or sha384/sha512), not '" + v + "'";
                }
                break;
            case "interval":
            case "timeout":
            case "start-period":
            case "start-interval":
                if (!DURATION.matcher(v).matches()) {
                    problem = "--" + flag.name() + " expects a duration such as 30s or 1m30s, not '" + v + "'";
                }
                break;
            case "retries":
                if (!v.matches("\\d{1,9}")) {
                    problem = "--retries expects a whole number, not '" + v + "'";
                }
                break;
            case "platform":
            case "from":
            case "chown":
                if (v.isEmpty()) {
                    problem = "--" + flag.name() + " needs a value";
                }
                break;
            default:
                break;
        }
        if (problem != null) {
            out.add(Diagnostic.error("invalid-flag-value", problem, flag.valueRange() != null ? flag.valueRange() : flag.range()));
        }
    }
}
