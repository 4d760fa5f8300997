package dev.stagecraft;

import dev.stagecraft.cli.StagecraftCommand;
import dev.stagecraft.ui.DesktopLauncher;

/**
 * The jar's entry point. It is deliberately not a JavaFX Application (from a plain jar that fails
 * with "JavaFX runtime components are missing"). No arguments, or a single file, opens the desktop
 * window; a sub-command or an option runs headless and JavaFX is never loaded.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args.length == 1 && !args[0].startsWith("-") && !StagecraftCommand.isSubcommand(args[0])) {
            DesktopLauncher.launch(args);
            return;
        }
        System.exit(StagecraftCommand.execute(args));
    }
}
