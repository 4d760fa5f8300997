package dev.stagecraft.syntax;

import java.util.Map;

/**
 * The highlighting tokens of the instructions last tokenized with it, by each instruction's source
 * text. Tokenizing the next text (most often the same text after an edit) works out only the
 * instructions whose source text it has not seen, and moves the others' tokens to where they now
 * start: an instruction's tokens follow from its own text and the escape character alone. It keeps
 * the instructions of the last text only. Not thread-safe: one memo per tokenizing thread.
 */
public final class TokenMemo {
    /** Per instruction source text: its tokens as (kind ordinal, start, end) triples, from its start. */
    Map<String, int[]> byText = Map.of();
    /** The escape character the tokens were found with. */
    char escape;
}
