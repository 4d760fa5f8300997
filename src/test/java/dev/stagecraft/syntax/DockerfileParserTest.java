package dev.stagecraft.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

    private static String tokens(String text) {
        ParseResult r = DockerfileParser.parse(text);
        return r.tokens().stream().map(t -> t.kind() + ":" + text.substring(t.start(), t.end()))
                .collect(Collectors.joining(" | "));
    }

    @Test
    void continuationJoinsLinesAndKeepsSourcePositions() {
        String text = "FROM alpine\nRUN apk add \\\n  # a comment\n    curl \\  \n    git\n";
        ParseResult r = DockerfileParser.parse(text);
        assertEquals(2, r.nodes().size());
        InstructionNode run = r.nodes().get(1);
        assertEquals("RUN apk add     curl     git", run.text());
        int git = run.text().indexOf("git");
        SourceRange range = run.range(git, git + 3);
        assertEquals(5, range.startLine());
        assertEquals(5, range.startColumn());
        assertEquals("git", text.substring(range.start(), range.end()));
        assertEquals(1, r.comments().size());
    }

    @Test
    void escapeDirectiveSwitchesContinuationToBacktick() {
        ParseResult r = DockerfileParser.parse("# escape=`\nFROM x\nRUN dir c:\\ `\n  /s\n");
        assertEquals('`', r.escape());
        assertEquals("RUN dir c:\\   /s", r.nodes().get(1).text());
    }

    @Test
    void directiveAfterInstructionIsAComment() {
        ParseResult r = DockerfileParser.parse("FROM x\n# escape=`\n");
        assertEquals('\\', r.escape());
        assertTrue(r.directives().isEmpty());
        assertEquals(1, r.comments().size());
    }

    @Test
    void heredocBodiesAreNotInstructions() {
        String text = "FROM x\nRUN <<EOF\nFROM y\nEOF\nCOPY <<A <<-B /dst/\nbody a\nA\n\tbody b\n\tB\n";
        ParseResult r = DockerfileParser.parse(text);
        assertEquals(3, r.nodes().size());
        List<Heredoc> docs = r.nodes().get(2).heredocs();
        assertEquals(2, docs.size());
        assertEquals("body a\n", docs.get(0).body());
        assertEquals("body b\n", docs.get(1).body());
        assertTrue(docs.get(1).stripTabs());
        assertEquals(9, r.nodes().get(2).range().endLine());
    }

    @Test
    void quotedHeredocDelimiterDisablesExpansion() {
        ParseResult r = DockerfileParser.parse("FROM x\nRUN 3<<E\"O\"F cat\n$HOME\nEOF\n");
        Heredoc doc = r.nodes().get(1).heredocs().get(0);
        assertEquals("EOF", doc.name());
        assertFalse(doc.expand());
        assertEquals(3, doc.fileDescriptor());
    }

    @Test
    void execFormHasNoHeredoc() {
        ParseResult r = DockerfileParser.parse("FROM x\nRUN [\"sh\", \"<<EOF\"]\nEOF\n");
        assertTrue(r.nodes().get(1).heredocs().isEmpty());
        assertEquals(3, r.nodes().size());
    }

    @Test
    void byteOrderMarkIsNotAColumn() {
        ParseResult r = DockerfileParser.parse("\uFEFFFROM x\n");
        SourceRange kw = r.nodes().get(0).keywordRange();
        assertEquals(1, kw.startColumn());
        assertEquals(1, kw.start());
    }

    @Test
    void crlfLinesEndBeforeTheCarriageReturn() {
        ParseResult r = DockerfileParser.parse("FROM x\r\nRUN a \\\r\n  b\r\n");
        assertEquals("RUN a   b", r.nodes().get(1).text());
    }

    @Test
    void tokensCoverKeywordsFlagsVariablesStringsAndComments() {
        assertEquals("KEYWORD:FROM | FLAG:--platform | VARIABLE:$BUILDPLATFORM | KEYWORD:AS",
                tokens("FROM --platform=$BUILDPLATFORM golang AS build"));
        assertEquals("COMMENT:# hi | KEYWORD:ENV | STRING:\"a  | VARIABLE:${B} | STRING: c\"",
                tokens("# hi\nENV A=\"a ${B} c\""));
        assertEquals("DIRECTIVE:# syntax=docker/dockerfile:1 | KEYWORD:FROM", tokens("# syntax=docker/dockerfile:1\nFROM x"));
        assertEquals("ERROR:FORM", tokens("FORM x"));
        assertEquals("KEYWORD:RUN | HEREDOC_MARKER:<<EOF | HEREDOC_BODY:echo $x | HEREDOC_MARKER:EOF",
                tokens("RUN <<EOF\necho $x\nEOF"));
    }

    @Test
    void tokensAreSortedAndDisjoint() {
        String text = "FROM a AS b\nRUN --mount=type=cache,target=/x \\\n  # c\n  echo \"$A\" '$B' <<EOF\nbody\nEOF\n";
        List<Token> tokens = DockerfileParser.parse(text).tokens();
        int last = 0;
        for (Token t : tokens) {
            assertTrue(t.start() >= last, "sorted and disjoint at " + t);
            last = t.end();
        }
        assertTrue(tokens.stream().anyMatch(t -> t.kind() == TokenKind.COMMENT && text.substring(t.start(), t.end()).equals("# c")));
    }
}
