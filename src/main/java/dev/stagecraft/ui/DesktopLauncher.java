package dev.stagecraft.ui;

import javafx.application.Application;

/** Starts the desktop app; a separate class so the headless commands never load JavaFX. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String... args) {
        Application.launch(StagecraftApp.class, args);
    }
}
