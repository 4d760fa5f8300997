package dev.stagecraft;

import dev.stagecraft.cli.StagecraftCommand;

/**
 * The jar's entry point. It is deliberately not a JavaFX Application: with a sub-command the tool
 * runs headless and JavaFX is never loaded; without one it will open the desktop window (issue #3),
 * and until then prints usage.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(StagecraftCommand.execute(args));
    }
}
