package dev.stagecraft.syntax;

/** A highlighted span: offsets into the text, end exclusive. Tokens of one parse are sorted and never overlap. */
public record Token(TokenKind kind, int start, int end) {
    public Token {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative token " + start + ".." + end);
        }
    }
}
