package dev.stagecraft.history;

import dev.stagecraft.userdata.DataFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Where histories live: {@code <data folder>/history/<first 16 hex digits of the SHA-256 of the
 * Dockerfile's absolute path>.db}, one file per project. The data folder is the app's own (settings,
 * recent files and recovery copies are there too), or {@code -Dstagecraft.data=DIR} when given.
 */
public final class HistoryFolders {
    private HistoryFolders() {
    }

    /**
     * The user's data folder: {@code -Dstagecraft.data}, else {@link DataFolder#resolve()}
     * ({@code -Dstagecraft.home}, XDG_DATA_HOME or ~/.local/share/stagecraft, ~/Library/Application
     * Support/stagecraft, %APPDATA%\stagecraft).
     */
    public static Path defaultDataFolder() {
        String override = System.getProperty("stagecraft.data");
        return override != null && !override.isBlank() ? Path.of(override) : DataFolder.resolve();
    }

    /** The history file of {@code dockerfile} under {@code dataFolder}. */
    public static Path databaseFile(Path dataFolder, Path dockerfile) {
        return dataFolder.resolve("history").resolve(projectKey(dockerfile) + ".db");
    }

    /** The Dockerfile's path as the history names it: absolute and normalized. */
    static Path projectPath(Path dockerfile) {
        return dockerfile.toAbsolutePath().normalize();
    }

    private static String projectKey(Path dockerfile) {
        byte[] hash = PathHash.sha256(projectPath(dockerfile).toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 8);
    }
}
