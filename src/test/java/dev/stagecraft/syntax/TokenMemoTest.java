package dev.stagecraft.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Tokens found with a memo of the previous text are exactly those found afresh, whatever the edits
 * between the texts; and the memo does serve: an edit re-tokenizes only the instructions it changed.
 */
class TokenMemoTest {
    /** One edit: at a place, remove some characters and insert a piece of Dockerfile. */
    private record Edit(int at, int removed, String inserted) {
        String apply(String text) {
            int from = Math.min(at, text.length());
            int to = Math.min(from + removed, text.length());
            return text.substring(0, from) + inserted + text.substring(to);
        }
    }

    @Provide
    Arbitrary<List<String>> editedTexts() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 4_000), Arbitraries.integers().between(0, 40),
                Arbitraries.of(ParserPropertiesTest.PIECES)).as(Edit::new);
        return Combinators.combine(Arbitraries.of(ParserPropertiesTest.samples()), edit.list().ofMaxSize(8)).as((text, edits) -> {
            List<String> texts = new ArrayList<>();
            texts.add(text);
            String now = text;
            for (Edit e : edits) {
                now = e.apply(now);
                texts.add(now);
            }
            return texts;
        });
    }

    @Property(tries = 500)
    void tokensFoundWithTheMemoAreThoseFoundAfresh(@ForAll("editedTexts") List<String> texts) {
        TokenMemo memo = new TokenMemo();
        for (String text : texts) {
            assertEquals(DockerfileParser.parse(text).tokens(), DockerfileParser.parse(text).tokens(memo), text);
        }
    }

    private static final String TEXT = """
            FROM golang:1.22 AS build
            RUN go build \\
                -o /out/app ./cmd/app
            COPY --from=build /out/app /app
            """;

    @Test
    void anEditReTokenizesOnlyTheInstructionsItChanged() {
        TokenMemo memo = new TokenMemo();
        DockerfileParser.parse(TEXT).tokens(memo);
        int[] from = memo.byText.get("FROM golang:1.22 AS build");
        int[] run = memo.byText.get("RUN go build \\\n    -o /out/app ./cmd/app");
        int[] copy = memo.byText.get("COPY --from=build /out/app /app");
        String edited = TEXT.replace("-o /out/app", "-o /out/server");
        List<Token> tokens = DockerfileParser.parse(edited).tokens(memo);
        assertEquals(DockerfileParser.parse(edited).tokens(), tokens);
        assertSame(from, memo.byText.get("FROM golang:1.22 AS build"), "the FROM line is reused");
        assertSame(copy, memo.byText.get("COPY --from=build /out/app /app"), "the COPY, now one character further, is reused");
        assertNotSame(run, memo.byText.get("RUN go build \\\n    -o /out/server ./cmd/app"), "the edited RUN is worked out");
        assertEquals(3, memo.byText.size(), "only the last text's instructions are kept");
    }

    @Test
    void anotherEscapeCharacterWorksEveryInstructionOutAgain() {
        TokenMemo memo = new TokenMemo();
        DockerfileParser.parse(TEXT).tokens(memo);
        int[] from = memo.byText.get("FROM golang:1.22 AS build");
        String backtick = "# escape=`\n" + TEXT;
        assertEquals(DockerfileParser.parse(backtick).tokens(), DockerfileParser.parse(backtick).tokens(memo));
        assertNotSame(from, memo.byText.get("FROM golang:1.22 AS build"));
    }
}
