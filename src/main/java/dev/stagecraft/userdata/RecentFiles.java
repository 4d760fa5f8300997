package dev.stagecraft.userdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files opened or saved lately, most recent first, at most {@value #MAX}; kept in {@link Settings}. */
public final class RecentFiles {
    public static final int MAX = 10;
    static final String KEY = "recent.file";

    private final Settings settings;

    public RecentFiles(Settings settings) {
        this.settings = settings;
    }

    /** Puts {@code file} first (moving it up if it was there already) and forgets the eleventh. */
    public void add(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        List<String> list = new ArrayList<>(settings.list(KEY));
        list.remove(path);
        list.add(0, path);
        settings.putList(KEY, list.subList(0, Math.min(MAX, list.size())));
    }

    /** Every remembered file, most recent first, whether or not it still exists. */
    public List<Path> all() {
        List<Path> files = new ArrayList<>();
        for (String path : settings.list(KEY)) {
            files.add(Path.of(path));
        }
        return files;
    }

    /** The remembered files that still exist: what the Open Recent menu shows. */
    public List<Path> existing() {
        List<Path> files = new ArrayList<>();
        for (Path file : all()) {
            if (Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        return files;
    }
}
