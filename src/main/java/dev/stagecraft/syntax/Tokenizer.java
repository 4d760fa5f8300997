package dev.stagecraft.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Derives the highlighting tokens from a parse: one pass over directives, comments and nodes. */
final class Tokenizer {
    private static final TokenKind[] KINDS = TokenKind.values();
    private final List<Token> out;

    private Tokenizer(int expected) {
        out = new ArrayList<>(expected);
    }

    static List<Token> tokenize(ParseResult result) {
        return tokenize(result, null);
    }

    /** As {@link #tokenize(ParseResult)}, reusing and then updating {@code memo} (when not null). */
    static List<Token> tokenize(ParseResult result, TokenMemo memo) {
        Tokenizer t = new Tokenizer(result.nodes().size() * 4 + result.comments().size() + 4);
        for (Directive d : result.directives()) {
            t.add(TokenKind.DIRECTIVE, d.range().start(), d.range().end());
        }
        for (SourceRange c : result.comments()) {
            t.add(TokenKind.COMMENT, c.start(), c.end());
        }
        if (memo == null) {
            for (InstructionNode node : result.nodes()) {
                t.node(node, result.escape());
            }
        } else {
            t.nodes(result, memo);
        }
        t.out.sort(Comparator.comparingInt(Token::start).thenComparingInt(tok -> priority(tok.kind())));
        List<Token> clean = new ArrayList<>(t.out.size());
        int last = 0;
        for (Token tok : t.out) {
            if (tok.start() >= last) {
                clean.add(tok);
                last = tok.end();
            }
        }
        return List.copyOf(clean);
    }

    /** Each node's tokens: from the memo when it has seen the node's source text, worked out otherwise. */
    private void nodes(ParseResult result, TokenMemo memo) {
        String text = result.text();
        Map<String, int[]> seen = memo.escape == result.escape() ? memo.byText : Map.of();
        Map<String, int[]> next = new HashMap<>(result.nodes().size() * 2);
        for (InstructionNode node : result.nodes()) {
            int start = node.range().start();
            String source = text.substring(start, node.range().end());
            int[] relative = next.get(source);
            if (relative == null) {
                relative = seen.get(source);
            }
            if (relative != null) {
                for (int k = 0; k < relative.length; k += 3) {
                    out.add(new Token(KINDS[relative[k]], start + relative[k + 1], start + relative[k + 2]));
                }
            } else {
                int from = out.size();
                node(node, result.escape());
                relative = new int[3 * (out.size() - from)];
                for (int i = from, k = 0; i < out.size(); i++, k += 3) {
                    Token tok = out.get(i);
                    relative[k] = tok.kind().ordinal();
                    relative[k + 1] = tok.start() - start;
                    relative[k + 2] = tok.end() - start;
                }
            }
            next.put(source, relative);
        }
        memo.byText = next;
        memo.escape = result.escape();
    }

    private static int priority(TokenKind kind) {
        return kind == TokenKind.HEREDOC_MARKER || kind == TokenKind.ERROR ? 0 : 1;
    }

    private void add(TokenKind kind, int start, int end) {
        if (end > start) {
            out.add(new Token(kind, start, end));
        }
    }

    private void node(InstructionNode node, char escape) {
        String text = node.text();
        int kwEnd = node.keywordEnd();
        String keyword = node.keyword();
        boolean known = Keywords.isInstruction(keyword);
        node.forEachSourcePiece(0, kwEnd, (s, e) -> add(known ? TokenKind.KEYWORD : TokenKind.ERROR, s, e));
        if (!known) {
            return;
        }
        int argsFrom = kwEnd;
        String inner = keyword;
        if (keyword.equalsIgnoreCase("onbuild")) {
            int w = Chars.skipSpaces(text, kwEnd);
            int we = Chars.wordEnd(text, w);
            inner = text.substring(w, we);
            TokenKind kind = Keywords.isInstruction(inner) ? TokenKind.KEYWORD : TokenKind.ERROR;
            node.forEachSourcePiece(w, we, (s, e) -> add(kind, s, e));
            argsFrom = we;
        }
        FlagWords flags = FlagWords.scan(text, argsFrom);
        for (FlagWords.Word flag : flags.words()) {
            int nameEnd = flag.start();
            while (nameEnd < flag.end() && text.charAt(nameEnd) != '=') {
                nameEnd++;
            }
            node.forEachSourcePiece(flag.start(), nameEnd, (s, e) -> add(TokenKind.FLAG, s, e));
            arguments(node, nameEnd, flag.end(), escape);
        }
        if (flags.endMarker() >= 0) {
            node.forEachSourcePiece(flags.endMarker(), flags.endMarker() + 2, (s, e) -> add(TokenKind.FLAG, s, e));
        }
        int rest = flags.restStart();
        if (inner.equalsIgnoreCase("from") || inner.equalsIgnoreCase("healthcheck")) {
            RawWords words = RawWords.splitOnBlanks(text, rest, text.length());
            for (int w = 0; w < words.count(); w++) {
                String word = text.substring(words.start(w), words.end(w));
                boolean isKeyword = inner.equalsIgnoreCase("from") ? w == 1 && word.equalsIgnoreCase("as")
                        : w == 0 && (word.equalsIgnoreCase("cmd") || word.equalsIgnoreCase("none"));
                if (isKeyword) {
                    node.forEachSourcePiece(words.start(w), words.end(w), (s, e) -> add(TokenKind.KEYWORD, s, e));
                    arguments(node, rest, words.start(w), escape);
                    rest = words.end(w);
                    break;
                }
            }
        }
        arguments(node, rest, text.length(), escape);
        for (Heredoc doc : node.heredocs()) {
            add(TokenKind.HEREDOC_MARKER, doc.markerRange().start(), doc.markerRange().end());
            add(TokenKind.HEREDOC_BODY, doc.bodyRange().start(), doc.bodyRange().end());
            if (doc.terminated()) {
                add(TokenKind.HEREDOC_MARKER, doc.terminatorRange().start(), doc.terminatorRange().end());
            } else {
                add(TokenKind.ERROR, doc.markerRange().start(), doc.markerRange().end());
            }
        }
    }


    /** Strings and variables in logical text[from, to). */
    private void arguments(InstructionNode node, int from, int to, char escape) {
        String text = node.text();
        int i = from;
        int stringStart = -1;
        char quote = 0;
        while (i < to) {
            char c = text.charAt(i);
            if (quote == 0) {
                if (c == '\'' || c == '"') {
                    quote = c;
                    stringStart = i;
                    i++;
                    continue;
                }
                if (c == escape) {
                    i += 2;
                    continue;
                }
                if (c == '$') {
                    i = variable(node, i, to);
                    continue;
                }
                i++;
                continue;
            }
            if (c == quote) {
                emit(node, TokenKind.STRING, stringStart, i + 1);
                quote = 0;
                i++;
                continue;
            }
            if (c == escape && quote == '"') {
                i += 2;
                continue;
            }
            if (c == '$' && quote == '"') {
                int end = variable(node, i, to);
                if (end > i + 1) {
                    emit(node, TokenKind.STRING, stringStart, i);
                    stringStart = end;
                }
                i = end;
                continue;
            }
            i++;
        }
        if (quote != 0) {
            emit(node, TokenKind.STRING, stringStart, to);
        }
    }

    /** Emits a variable token starting at the '$' at i; returns the offset after it (i + 1 when none). */
    private int variable(InstructionNode node, int i, int to) {
        String text = node.text();
        int j = i + 1;
        if (j < to && text.charAt(j) == '{') {
            int depth = 1;
            j++;
            while (j < to && depth > 0) {
                char c = text.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                j++;
            }
        } else {
            while (j < to && Chars.isNameChar(text.charAt(j))) {
                j++;
            }
        }
        if (j == i + 1) {
            return i + 1;
        }
        emit(node, TokenKind.VARIABLE, i, j);
        return j;
    }

    private void emit(InstructionNode node, TokenKind kind, int from, int to) {
        node.forEachSourcePiece(from, Math.min(to, node.text().length()), (s, e) -> add(kind, s, e));
    }
}
