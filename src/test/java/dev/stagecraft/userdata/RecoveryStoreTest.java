package dev.stagecraft.userdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryStoreTest {
    @TempDir
    Path home;

    @Test
    void keepsOneCopyPerDocumentWithItsOriginalPath() throws Exception {
        RecoveryStore store = new RecoveryStore(home);
        Path odd = home.resolve("with space\nand newline").resolve("Dockerfile");
        store.write(odd, "FROM a\nRUN one\n");
        store.write(odd, "FROM a\nRUN two\n");
        store.write(null, "FROM untitled\n");
        List<RecoveryCopy> copies = store.list();
        assertEquals(2, copies.size());
        RecoveryCopy copy = copies.stream().filter(c -> c.original() != null).findFirst().orElseThrow();
        assertEquals(odd, copy.original());
        assertEquals("FROM a\nRUN two\n", copy.text());
        assertNull(copies.stream().filter(c -> c.text().equals("FROM untitled\n")).findFirst().orElseThrow().original());
        store.delete(odd);
        assertEquals(1, store.list().size());
        store.delete(null);
        assertTrue(store.list().isEmpty());
    }

    @Test
    void foreignFilesInTheFolderAreSkipped() throws Exception {
        RecoveryStore store = new RecoveryStore(home);
        Files.createDirectories(home.resolve("recovery"));
        Files.writeString(home.resolve("recovery/x.recovery"), "not a copy");
        assertTrue(store.list().isEmpty());
        assertTrue(new RecoveryStore(home.resolve("never-made")).list().isEmpty());
    }
}
