package dev.stagecraft.syntax;

/**
 * A here-document attached to a RUN, COPY or ADD instruction. {@code body} is the content with
 * leading tabs already stripped when {@code stripTabs} ({@code <<-}); {@code expand} is false when
 * any part of the delimiter was quoted. {@code terminatorRange} is null when the terminator is missing.
 */
public record Heredoc(String name, boolean stripTabs, boolean expand, Integer fileDescriptor,
        SourceRange markerRange, SourceRange bodyRange, String body, SourceRange terminatorRange) {

    public boolean terminated() {
        return terminatorRange != null;
    }
}
