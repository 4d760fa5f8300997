package dev.stagecraft.syntax;

import java.util.Collections;
import java.util.List;

/**
 * What the syntax layer makes of a Dockerfile: directives, instruction nodes, comments and the
 * problems found on the way. The token stream for highlighting is computed on first use.
 */
public final class ParseResult {
    private final String text;
    private final LineIndex lines;
    private final char escape;
    private final List<Directive> directives;
    private final List<InstructionNode> nodes;
    private final List<SourceRange> comments;
    private final List<Diagnostic> diagnostics;
    private volatile List<Token> tokens;

    ParseResult(String text, LineIndex lines, char escape, List<Directive> directives, List<InstructionNode> nodes,
            List<SourceRange> comments, List<Diagnostic> diagnostics) {
        this.text = text;
        this.lines = lines;
        this.escape = escape;
        // The parser hands over lists it no longer touches: wrap them instead of copying 100,000 nodes.
        this.directives = Collections.unmodifiableList(directives);
        this.nodes = Collections.unmodifiableList(nodes);
        this.comments = Collections.unmodifiableList(comments);
        this.diagnostics = Collections.unmodifiableList(diagnostics);
    }

    public String text() {
        return text;
    }

    public LineIndex lines() {
        return lines;
    }

    /** The continuation and escape character: '\\' unless an escape directive says '`'. */
    public char escape() {
        return escape;
    }

    public List<Directive> directives() {
        return directives;
    }

    /** The value of a directive (name in lower case), or null. */
    public String directive(String name) {
        for (Directive d : directives) {
            if (d.name().equals(name)) {
                return d.value();
            }
        }
        return null;
    }

    public List<InstructionNode> nodes() {
        return nodes;
    }

    /** Comment lines, those inside continuations included (directives are not comments here). */
    public List<SourceRange> comments() {
        return comments;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Highlighting tokens, sorted and non-overlapping. */
    public List<Token> tokens() {
        return tokens(null);
    }

    /**
     * As {@link #tokens()}; when they are not yet worked out, the memo's tokens serve for the
     * instructions whose source text it has seen (and it then holds this text's).
     */
    public List<Token> tokens(TokenMemo memo) {
        List<Token> t = tokens;
        if (t == null) {
            t = Tokenizer.tokenize(this, memo);
            tokens = t;
        }
        return t;
    }
}
