package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.AnsiText.Line;
import dev.stagecraft.engine.AnsiText.Span;
import dev.stagecraft.engine.AnsiText.Style;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Build output reads as a terminal shows it: escapes gone or turned into styles, progress at its final state. */
class AnsiTextTest {
    private static final String E = "\u001b";

    @Test
    void plainText_isUnchangedAndSplitAtLineBreaks() {
        assertEquals("#5 [builder 2/3] RUN make\nok", AnsiText.strip("#5 [builder 2/3] RUN make\nok"));
        assertEquals(List.of("a", "", "b"), texts(AnsiText.lines("a\n\nb")));
    }

    @Test
    void finalLineBreak_startsNoLine_andEmptyOutputIsOneBlankLine() {
        assertEquals(List.of("a"), texts(AnsiText.lines("a\n")));
        assertEquals(List.of(""), texts(AnsiText.lines("")));
        assertEquals(List.of(), AnsiText.lines("").get(0).spans());
        assertEquals(List.of("", ""), texts(AnsiText.lines("\n\n")));
    }

    @Test
    void colours_becomeStyles_andTheEscapesVanish() {
        Line line = AnsiText.lines(E + "[31mERROR" + E + "[0m: " + E + "[1;92mfixed" + E + "[m done").get(0);
        assertEquals("ERROR: fixed done", line.text());
        assertEquals(List.of(new Span("ERROR", new Style(1, false)), new Span(": ", Style.PLAIN),
                new Span("fixed", new Style(10, true)), new Span(" done", Style.PLAIN)), line.spans());
        assertTrue(!line.plain());
        assertTrue(AnsiText.lines("plain").get(0).plain());
    }

    @Test
    void colourCarriesOverToTheNextLine_asOnATerminal() {
        List<Line> lines = AnsiText.lines(E + "[33mwarning: one\ntwo" + E + "[39m\nthree");
        assertEquals(new Style(3, false), lines.get(1).spans().get(0).style());
        assertEquals(Style.PLAIN, lines.get(2).spans().get(0).style());
    }

    @Test
    void extendedColours_comeToTheNearestPaletteColour() {
        Line line = AnsiText.lines(E + "[38;5;196mred" + E + "[38;2;0;200;0mgreen" + E + "[38;5;4mblue" + E + "[48;5;22mbg").get(0);
        assertEquals("redgreenbluebg", line.text());
        assertEquals(9, line.spans().get(0).style().foreground(), "256-colour 196 is a bright red");
        assertEquals(10, line.spans().get(1).style().foreground(), "true colour (0,200,0) is a bright green");
        assertEquals(4, line.spans().get(2).style().foreground(), "the first 16 of 256 are the palette");
        assertEquals(line.spans().get(2).style(), new Style(4, false), "a background leaves the text colour alone");
    }

    @Test
    void carriageReturn_letsLaterTextOverwrite_asAptProgressDoes() {
        String apt = "Reading package lists... 0%\r\rReading package lists... 100%\r\rReading package lists... Done\r\r\n"
                + "(Reading database ... 5%\r(Reading database ... 100%\r(Reading database ... 4135 files and directories"
                + " currently installed.)\r\n";
        assertEquals(List.of("Reading package lists... Done",
                "(Reading database ... 4135 files and directories currently installed.)"), texts(AnsiText.lines(apt)));
    }

    @Test
    void carriageReturn_overwritesOnlyWhatIsWrittenAgain_asATerminalShowsIt() {
        assertEquals("Doneing 50%", AnsiText.strip("Copying 50%\rDone"));
        assertEquals("Done", AnsiText.strip("Copying 50%\rDone" + E + "[K"));
        assertEquals("ok", AnsiText.strip("ok\r\n"), "CRLF is a line ending");
    }

    @Test
    void eraseAndColumnMoves_asNpmSpinnersUseThem() {
        String npm = E + "[1G" + E + "[0K\u2819" + E + "[1G" + E + "[0K\u2839" + E + "[1G" + E + "[0K"
                + "added 120 packages in 3s";
        assertEquals("added 120 packages in 3s", AnsiText.strip(npm));
        assertEquals("", AnsiText.strip("progress" + E + "[2K"));
        assertEquals("ab   x", AnsiText.strip("ab" + E + "[3Cx"));
        assertEquals("abXd", AnsiText.strip("abcd" + E + "[2DX"));
        assertEquals("    X", AnsiText.strip("abcd" + E + "[1K" + "X"));
        assertEquals("abd", AnsiText.strip("abcd\b\b" + E + "[P"));
        assertEquals("a  d", AnsiText.strip("abcd" + E + "[2G" + E + "[2X"));
        assertEquals("xbc", AnsiText.strip("abc" + E + "[5;1Hx"));
    }

    @Test
    void linesUpAndDown_areIgnored_asBuildKitRedrawsUseThem() {
        String redraw = "[+] Building 1.2s (3/5)" + E + "[1A" + E + "[2K\r[+] Building 1.5s (4/5)";
        assertEquals("[+] Building 1.5s (4/5)", AnsiText.strip(redraw));
    }

    @Test
    void backspace_movesBackOneColumn() {
        assertEquals("abX", AnsiText.strip("abc\bX"));
        assertEquals("X", AnsiText.strip("\b\bX"));
    }

    @Test
    void titlesHyperlinksPrivateModesAndStrayControls_vanish() {
        assertEquals("see docs here", AnsiText.strip(E + "]0;my title\u0007see " + E + "]8;;https://x.dev" + E + "\\docs"
                + E + "]8;;" + E + "\\ here"));
        assertEquals("hidden cursor", AnsiText.strip(E + "[?25lhidden" + E + "[?25h cursor"));
        assertEquals("ab", AnsiText.strip("a\u0007\u0000b\u007f"));
        assertEquals("tab\tkept", AnsiText.strip("tab\tkept"));
        assertEquals("charset", AnsiText.strip(E + "(Bcharset" + E + "="));
        assertEquals("8-bit red", AnsiText.strip("\u009b31m8-bit red"));
    }

    @Test
    void truncatedEscapes_atTheEnd_vanish() {
        assertEquals("a", AnsiText.strip("a" + E));
        assertEquals("a", AnsiText.strip("a" + E + "[31"));
        assertEquals("a", AnsiText.strip("a" + E + "]title"));
    }

    @Test
    void anyInput_givesLinesWithoutControlCharacters() {
        Random random = new Random(42);
        String alphabet = "ab1;[]?m\u001b\r\n\b\u0007\u009bKDGHJPX\\()038 ";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (Line line : AnsiText.lines(b.toString())) {
                for (char c : line.text().toCharArray()) {
                    assertTrue(c >= 0x20 && c != 0x7f && (c < 0x80 || c >= 0xa0), () -> "control char in " + line + " from " + b);
                }
                for (Span s : line.spans()) {
                    assertTrue(!s.text().isEmpty(), () -> "empty span from " + b);
                }
            }
        }
    }

    @Test
    void chunks_goOnWhereTheLastStopped_asTheClassicBuilderSendsAStepAndItsLineBreakApart() {
        AnsiText.Terminal t = new AnsiText.Terminal();
        assertEquals(List.of(), t.write("Step 2/5 : RUN make"));
        assertEquals("Step 2/5 : RUN make", t.openLine().text());
        assertEquals(List.of("Step 2/5 : RUN make"), texts(t.write("\n")));
        assertEquals(null, t.openLine(), "nothing written on the next line yet");
        assertEquals(List.of("", "a"), texts(t.write("\na\n")));
    }

    @Test
    void progressAcrossChunks_showsItsLatestState() {
        AnsiText.Terminal t = new AnsiText.Terminal();
        t.write("Downloading  10%\r");
        assertEquals("Downloading  10%", t.openLine().text());
        t.write("Downloading 100%\r");
        assertEquals("Downloading 100%", t.openLine().text());
        assertEquals(List.of("Downloaded      "), texts(t.write("Downloaded      \r\n")));
    }

    @Test
    void anEscapeCutBetweenChunks_isReadWhole() {
        AnsiText.Terminal t = new AnsiText.Terminal();
        assertEquals(List.of(), t.write("ok " + E + "[3"));
        assertEquals("ok ", t.openLine().text());
        List<Line> lines = t.write("1mfailed" + E);
        assertEquals(List.of(), lines);
        lines = t.write("[0m\nnext\n");
        assertEquals(List.of("ok failed", "next"), texts(lines));
        assertEquals(new Span("failed", new Style(1, false)), lines.get(0).spans().get(1));
        assertEquals(Style.PLAIN, lines.get(1).spans().get(0).style());
    }

    @Test
    void endLine_endsAPieceThatIsAWholeLine_keepingTheStyle() {
        AnsiText.Terminal t = new AnsiText.Terminal();
        t.write(E + "[32mgreen" + E + "[");
        assertEquals("green", t.endLine().text());
        assertEquals(null, t.endLine(), "nothing written since");
        assertEquals(List.of(new Span("[m still green", new Style(2, false))), t.write("[m still green\n").get(0).spans(),
                "the cut escape went with its line; the colour stays");
    }

    @Test
    void anEndlessEscape_isDroppedInsteadOfHeldForever() {
        AnsiText.Terminal t = new AnsiText.Terminal();
        t.write(E + "]0;" + "x".repeat(10_000));
        assertEquals(List.of("after"), texts(t.write("after\n")));
    }

    @Test
    void anEscapeCutByALineBreak_isDropped() {
        assertEquals(List.of("a", "b"), texts(AnsiText.lines("a" + E + "[3\nb")));
    }

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }
}
