package dev.stagecraft.engine;

import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.Severity;
import dev.stagecraft.syntax.SourceRange;
import java.util.List;
import java.util.Objects;

/**
 * Syntax the chosen builder cannot handle, found before the build: the feature, how bad it is, the
 * line of the instruction (or directive) that uses it, the words to underline (the flag, the
 * here-document marker, the directive) and a sentence saying what is unsupported where and what to
 * do instead.
 */
public record SyntaxProblem(SyntaxFeature feature, Severity severity, int line, SourceRange range, String message) {

    public SyntaxProblem {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("line " + line);
        }
    }

    /** The diagnostic id: {@code unsupported-} and the feature's id. */
    public String id() {
        return "unsupported-" + feature.id();
    }

    /** As a diagnostic, so the editor's gutter and the CLI's report show it like any other problem. */
    public Diagnostic toDiagnostic() {
        return new Diagnostic(id(), severity, message, range, List.of());
    }

    /** One line for a terminal: {@code 3:5 error: message}. */
    public String format() {
        return range.startLine() + ":" + range.startColumn() + " " + severity.label() + ": " + message;
    }
}
