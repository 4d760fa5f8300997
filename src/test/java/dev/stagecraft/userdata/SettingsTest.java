package dev.stagecraft.userdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path home;

    @Test
    void valuesSurviveASaveAndALoad() throws Exception {
        Settings settings = Settings.load(home.resolve("new-folder"));
        settings.putNumber("window.width", 1234.5);
        settings.putFlag("theme.dark", true);
        settings.putString("name", "x y=z");
        settings.putList("files", List.of("a", "b", "c"));
        settings.putList("files", List.of("d", "e"));
        settings.save();
        Settings again = Settings.load(home.resolve("new-folder"));
        assertEquals(1234.5, again.number("window.width").getAsDouble());
        assertTrue(again.flag("theme.dark", false));
        assertEquals("x y=z", again.string("name").orElseThrow());
        assertEquals(List.of("d", "e"), again.list("files"), "a shorter list replaces a longer one");
        assertFalse(again.flag("missing", false));
        try (var files = Files.list(home.resolve("new-folder"))) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void aBrokenFileOrValueIsIgnored() throws Exception {
        Files.writeString(home.resolve("settings.properties"), "window.width=wide\nbad=\\uZZZZ\n");
        Settings settings = Settings.load(home);
        assertTrue(settings.number("window.width").isEmpty());
    }

    @Test
    void recentFilesAreMostRecentFirstAtMostTenWithoutDuplicates() throws Exception {
        RecentFiles recent = new RecentFiles(Settings.inMemory());
        for (int i = 0; i < 12; i++) {
            recent.add(home.resolve("f" + i));
        }
        recent.add(home.resolve("f5"));
        List<Path> all = recent.all();
        assertEquals(RecentFiles.MAX, all.size());
        assertEquals(home.resolve("f5"), all.get(0));
        assertEquals(home.resolve("f11"), all.get(1));
        assertEquals(1, all.stream().filter(p -> p.endsWith("f5")).count());
        assertFalse(all.contains(home.resolve("f0")), "the oldest is forgotten");
        Files.writeString(home.resolve("f11"), "FROM a\n");
        assertEquals(List.of(home.resolve("f11")), recent.existing(), "missing files are left out");
    }

    @Test
    void dataFolderFollowsOverrideThenPlatform() {
        assertEquals(Path.of("/tmp/x"), DataFolder.resolve("/tmp/x", "Linux", "/home/u", Map.of()));
        assertEquals(Path.of("/data/stagecraft"), DataFolder.resolve(null, "Linux", "/home/u", Map.of("XDG_DATA_HOME", "/data")));
        assertEquals(Path.of("/home/u/.local/share/stagecraft"),
                DataFolder.resolve(null, "Linux", "/home/u", Map.of("XDG_DATA_HOME", "relative")));
        assertEquals(Path.of("/home/u/Library/Application Support/stagecraft"), DataFolder.resolve(null, "Mac OS X", "/home/u", Map.of()));
        assertEquals(Path.of("C:/Users/u/AppData/Roaming", "stagecraft"),
                DataFolder.resolve(null, "Windows 11", "/home/u", Map.of("APPDATA", "C:/Users/u/AppData/Roaming")));
    }
}
