package dev.stagecraft.engine;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.syntax.Directive;
import dev.stagecraft.syntax.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code # syntax=} directive means for a build, in words for the window and the CLI.
 * BuildKit pulls the named frontend image before the first step, which fails when no registry
 * answers; the way out is the engine's built-in frontend, by sending the file without the
 * directive ({@link #textWithoutDirective}, every other line keeps its number). The classic builder
 * ignores the directive and reads the file itself (verified on Docker 20.10.24).
 *
 * <p>{@code builtInProblems} are what the built-in frontend of the connected engine would refuse in
 * this file: the price of that way out, said up front.
 */
public record SyntaxDirectiveNotice(Directive directive, BuilderKind builder, List<SyntaxProblem> builtInProblems,
        String message) {

    public SyntaxDirectiveNotice {
        Objects.requireNonNull(directive, "directive");
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(message, "message");
        builtInProblems = List.copyOf(builtInProblems);
    }

    /** The notice for the file's {@code # syntax=} directive, or empty when it has none. */
    public static Optional<SyntaxDirectiveNotice> of(Analysis analysis, BuilderKind builder, String engineVersion) {
        Directive syntax = syntaxDirective(analysis);
        if (syntax == null) {
            return Optional.empty();
        }
        int line = syntax.range().startLine();
        String image = syntax.value();
        if (builder == BuilderKind.CLASSIC) {
            return Optional.of(new SyntaxDirectiveNotice(syntax, builder, List.of(), "Line " + line + " names the Dockerfile "
                    + "frontend " + image + " (# syntax=); the classic builder ignores it and reads the file itself."));
        }
        List<SyntaxProblem> refused = SyntaxSupport.check(analysis, BuilderKind.BUILDKIT, engineVersion).stream()
                .filter(p -> p.severity() == Severity.ERROR).toList();
        StringBuilder s = new StringBuilder("Line ").append(line).append(" asks BuildKit to build with the Dockerfile frontend ")
                .append(image).append(" (# syntax=): it pulls that image from its registry before the first step, and the build "
                        + "fails when the registry cannot be reached. Offline, build with the engine's built-in frontend: "
                        + "Stagecraft then sends the file without line ").append(line)
                .append(", and every other line keeps its number.");
        if (!refused.isEmpty()) {
            s.append(" The built-in frontend of this engine cannot build ").append(describe(refused)).append('.');
        }
        return Optional.of(new SyntaxDirectiveNotice(syntax, builder, refused, s.toString()));
    }

    /** The {@code # syntax=} directive of the file, or null. */
    static Directive syntaxDirective(Analysis analysis) {
        for (Directive d : analysis.parse().directives()) {
            if (d.name().equals("syntax")) {
                return d;
            }
        }
        return null;
    }

    private static String describe(List<SyntaxProblem> problems) {
        StringBuilder s = new StringBuilder();
        int shown = Math.min(3, problems.size());
        for (int i = 0; i < shown; i++) {
            SyntaxProblem p = problems.get(i);
            if (i > 0) {
                s.append(i == shown - 1 && shown == problems.size() ? " and " : ", ");
            }
            s.append(p.feature().label()).append(" (line ").append(p.line()).append(')');
        }
        if (problems.size() > shown) {
            s.append(" and ").append(problems.size() - shown).append(" more");
        }
        return s.toString();
    }

    /** The line of the directive. */
    public int line() {
        return directive.range().startLine();
    }

    /** The frontend image the directive names, as written: {@code docker/dockerfile:1}. */
    public String frontendImage() {
        return directive.value();
    }

    /** Whether the build depends on pulling the frontend (BuildKit), so it fails offline. */
    public boolean needsRegistry() {
        return builder == BuilderKind.BUILDKIT;
    }

    /** The text to send for a build with the built-in frontend: {@link DockerfileRewrites#withoutSyntaxDirective}. */
    public static String textWithoutDirective(String text, Analysis analysis) {
        return DockerfileRewrites.withoutSyntaxDirective(text, analysis);
    }
}
