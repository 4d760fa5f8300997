package dev.stagecraft.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFoldersTest {
    @TempDir
    Path data;

    @Test
    void theDataPropertyNamesTheFolder() {
        String before = System.getProperty("stagecraft.data");
        System.setProperty("stagecraft.data", data.toString());
        try {
            assertEquals(data, HistoryFolders.defaultDataFolder());
        } finally {
            if (before == null) {
                System.clearProperty("stagecraft.data");
            } else {
                System.setProperty("stagecraft.data", before);
            }
        }
    }

    @Test
    void aHistoryIsNamedBySixteenHexDigitsOfItsPathUnderHistory() {
        Path file = HistoryFolders.databaseFile(data, Path.of("/p/Dockerfile"));
        assertEquals(data.resolve("history"), file.getParent());
        assertEquals(true, file.getFileName().toString().matches("[0-9a-f]{16}\\.db"), file.toString());
    }
}
