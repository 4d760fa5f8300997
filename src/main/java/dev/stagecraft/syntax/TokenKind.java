package dev.stagecraft.syntax;

/** What a highlighted piece of text is; the editor maps each kind to a CSS class. */
public enum TokenKind {
    KEYWORD, FLAG, VARIABLE, STRING, COMMENT, HEREDOC_MARKER, HEREDOC_BODY, DIRECTIVE, ERROR;

    public String styleClass() {
        return "token-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
