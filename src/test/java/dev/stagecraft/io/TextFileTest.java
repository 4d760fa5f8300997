package dev.stagecraft.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {
    @TempDir
    Path dir;

    @Test
    void detectsTheMostCommonLineEnding() {
        assertEquals(LineEnding.LF, LineEnding.detect("FROM a\nRUN b\n"));
        assertEquals(LineEnding.CRLF, LineEnding.detect("FROM a\r\nRUN b\r\n"));
        assertEquals(LineEnding.CR, LineEnding.detect("FROM a\rRUN b\r"));
        assertEquals(LineEnding.CRLF, LineEnding.detect("FROM a\r\nRUN b\r\nCMD c\n"));
        assertEquals(LineEnding.LF, LineEnding.detect("FROM a"));
    }

    @Test
    void editorTextHasLfOnly() {
        assertEquals("a\nb\nc\n", LineEnding.toLf("a\r\nb\rc\n"));
        assertEquals("a\r\nb\r\n", LineEnding.CRLF.fromLf("a\nb\n"));
    }

    @Test
    void crlfFileWithBomRoundTripsByteIdentical() {
        byte[] bytes = "\uFEFFFROM alpine\r\nRUN echo \u00e9t\u00e9\r\n".getBytes(StandardCharsets.UTF_8);
        TextFile file = TextFile.decode(bytes);
        assertEquals("FROM alpine\nRUN echo \u00e9t\u00e9\n", file.text());
        assertEquals(LineEnding.CRLF, file.lineEnding());
        assertTrue(file.byteOrderMark());
        assertFalse(file.malformed());
        assertArrayEquals(bytes, file.encode());
        assertArrayEquals("\uFEFFFROM alpine\r\nCMD x\r\n".getBytes(StandardCharsets.UTF_8),
                file.withText("FROM alpine\nCMD x\n").encode(), "new lines get the file's ending too");
    }

    @Test
    void binaryJunkDecodesWithReplacementAndSaysSo() {
        byte[] junk = {'F', 'R', 'O', 'M', ' ', (byte) 0xFF, (byte) 0xC3, 0, '\r', '\n', (byte) 0x80};
        TextFile file = TextFile.decode(junk);
        assertTrue(file.malformed());
        assertTrue(file.text().startsWith("FROM \uFFFD"), file.text());
        assertFalse(file.text().contains("\r"));
    }

    @Test
    void readRefusesFoldersMissingAndHugeFilesWithAReason() throws Exception {
        UnreadableFileException folder = assertThrows(UnreadableFileException.class, () -> TextFile.read(dir));
        assertTrue(folder.getMessage().contains("folder"), folder.getMessage());
        UnreadableFileException missing = assertThrows(UnreadableFileException.class, () -> TextFile.read(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path big = dir.resolve("big");
        Files.write(big, new byte[4096]);
        UnreadableFileException huge = assertThrows(UnreadableFileException.class, () -> TextFile.read(big, 1024));
        assertTrue(huge.reason().contains("not opened"), huge.getMessage());
        assertEquals("", TextFile.read(Files.writeString(dir.resolve("empty"), "")).text());
    }
}
