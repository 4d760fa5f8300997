package dev.stagecraft.userdata;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Stagecraft keeps its data: {@code -Dstagecraft.home=DIR} when given (tests use a temporary
 * folder), else the platform's place for application data.
 */
public final class DataFolder {
    static final String NAME = "stagecraft";

    private DataFolder() {
    }

    public static Path resolve() {
        return resolve(System.getProperties().getProperty("stagecraft.home"), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), System.getenv());
    }

    static Path resolve(String override, String osName, String userHome, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, NAME) : Path.of(userHome, "AppData", "Roaming", NAME);
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", NAME);
        }
        // XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, NAME);
        }
        return Path.of(userHome, ".local", "share", NAME);
    }
}
