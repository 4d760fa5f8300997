package dev.stagecraft.syntax;

import java.util.Locale;

/** What a highlighted piece of text is; the editor maps each kind to a CSS class. */
public enum TokenKind {
    KEYWORD, FLAG, VARIABLE, STRING, COMMENT, HEREDOC_MARKER, HEREDOC_BODY, DIRECTIVE, ERROR;

    // Made once: the highlighting asks for it for every token of every keystroke's analysis.
    private final String styleClass = "token-" + name().toLowerCase(Locale.ROOT).replace('_', '-');

    public String styleClass() {
        return styleClass;
    }
}
