package dev.stagecraft.ui;

import javafx.application.Application;

/** Starts the desktop app; a separate class so the headless commands never load JavaFX. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String... args) {
        if (args.length == 0) {
            // The window opens on the bundled example: copy its files out of the jar while the toolkit starts.
            ExampleGallery.prepareFolder(ExampleGallery.DEFAULT_SLUG);
        }
        Application.launch(StagecraftApp.class, args);
    }
}
