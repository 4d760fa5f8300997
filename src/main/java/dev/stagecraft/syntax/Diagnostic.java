package dev.stagecraft.syntax;

import java.util.List;
import java.util.Objects;

/**
 * A problem found in a Dockerfile: a stable id (a contract for tools and tests), a severity, a
 * message for people, and where it is. {@code range} is null only for problems that are not in the
 * text (an unknown {@code --target}). {@code related} holds further places, one per edge of a cycle.
 */
public record Diagnostic(String id, Severity severity, String message, SourceRange range, List<SourceRange> related) {

    public Diagnostic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        related = List.copyOf(related);
    }

    public static Diagnostic error(String id, String message, SourceRange range) {
        return new Diagnostic(id, Severity.ERROR, message, range, List.of());
    }

    public static Diagnostic warning(String id, String message, SourceRange range) {
        return new Diagnostic(id, Severity.WARNING, message, range, List.of());
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(id, newSeverity, message, range, related);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "2 errors, 1 warning, 3 notes": how many diagnostics of each severity. */
    public static String summary(List<Diagnostic> diagnostics) {
        long[] n = new long[3];
        for (Diagnostic d : diagnostics) {
            n[d.severity().ordinal()]++;
        }
        return n[0] + (n[0] == 1 ? " error, " : " errors, ") + n[1] + (n[1] == 1 ? " warning, " : " warnings, ")
                + n[2] + (n[2] == 1 ? " note" : " notes");
    }

    /**
     * A value as a message quotes it: whole when it fits a line, else its start and its length, so an
     * expanded value of thousands of characters does not make a message of thousands.
     */
    public static String excerpt(String value) {
        return value.length() <= 120 ? value
                : value.substring(0, 100) + String.format(java.util.Locale.ROOT, "... (%,d characters)", value.length());
    }

    /** {@code line:column} of the start, or "-" when the problem is not in the text. */
    public String position() {
        return range == null ? "-" : range.startLine() + ":" + range.startColumn();
    }
}
