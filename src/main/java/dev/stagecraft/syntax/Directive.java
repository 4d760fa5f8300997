package dev.stagecraft.syntax;

/** A parser directive from the top of the file ({@code # syntax=}, {@code # escape=}, {@code # check=}). */
public record Directive(String name, String value, SourceRange range, SourceRange valueRange) {
}
