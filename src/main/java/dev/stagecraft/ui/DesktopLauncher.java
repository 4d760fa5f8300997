package dev.stagecraft.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;

/** Starts the desktop app; a separate class so the headless commands never load JavaFX. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String... args) {
        if (Boolean.getBoolean("exp.preload")) {
            Thread t = new Thread(() -> {
                try {
                    if (args.length == 0) {
                        ExampleGallery.example(ExampleGallery.DEFAULT_SLUG).folder();
                    }
                    if (Boolean.getBoolean("exp.classes")) {
                        ClassLoader cl = DesktopLauncher.class.getClassLoader();
                        int n = 0;
                        for (String line : Files.readAllLines(Path.of("/work/main/installer/cds/classes.lst"))) {
                            if (line.isEmpty() || line.startsWith("#") || line.startsWith("@")) continue;
                            String name = line.split(" ")[0].replace('/', '.');
                            try { Class.forName(name, false, cl); n++; } catch (Throwable e) { }
                        }
                        System.out.println("stagecraft: preloaded " + n + " at " + (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms");
                    }
                } catch (Exception e) {
                }
            }, "preload");
            t.setDaemon(true);
            t.start();
        }
        Application.launch(StagecraftApp.class, args);
    }
}
