package dev.stagecraft.userdata;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything remembered for the user, from one data folder. A window made without one (tests,
 * screenshots) gets {@link #inMemory()}: it remembers nothing and keeps no recovery copies.
 */
public record UserData(Settings settings, RecentFiles recentFiles, Optional<RecoveryStore> recovery) {
    public static UserData open(Path folder) {
        Settings settings = Settings.load(folder);
        return new UserData(settings, new RecentFiles(settings), Optional.of(new RecoveryStore(folder)));
    }

    public static UserData inMemory() {
        Settings settings = Settings.inMemory();
        return new UserData(settings, new RecentFiles(settings), Optional.empty());
    }
}
