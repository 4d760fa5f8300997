package dev.stagecraft.ui;

import dev.stagecraft.io.TextFile;
import dev.stagecraft.io.UnreadableFileException;
import dev.stagecraft.history.HistoryFolders;
import dev.stagecraft.userdata.DataFolder;
import dev.stagecraft.userdata.RecoveryCopy;
import dev.stagecraft.userdata.RecoveryStore;
import dev.stagecraft.userdata.UserData;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop application: offers the recovery copies a crash left, then opens the Dockerfile named
 * on the command line, or the bundled example when none is given; remembers the window and theme.
 */
public final class StagecraftApp extends Application {
    static final String DARK_THEME = "theme.dark";

    private MainWindow window;

    @Override
    public void start(Stage stage) throws IOException {
        phase("application started");
        window = show(stage, getParameters().getRaw(), UserData.open(DataFolder.resolve()), Question::askInDialog);
        phase("stage shown");
        if (Boolean.getBoolean("stagecraft.timing")) {
            // Start-up as a user feels it: from JVM start to the first analysis on screen.
            window.shownProperty().addListener((obs, old, now) -> {
                if (old == null && now != null) {
                    System.out.println("stagecraft: usable window in " + sinceJvmStart() + " ms");
                }
            });
        }
    }

    /** With {@code -Dstagecraft.timing=true} (bench/startup.sh): when a step of start-up is done, since the JVM started. */
    private static void phase(String name) {
        if (Boolean.getBoolean("stagecraft.timing")) {
            System.out.println("stagecraft: " + name + " at " + sinceJvmStart() + " ms");
        }
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * Builds and shows the main window on {@code stage}: what {@link #start} does, with the user's
     * data and the answers to questions given (tests pass a temporary folder and their answers).
     */
    static MainWindow show(Stage stage, List<String> args, UserData data, Predicate<Question> asker) throws IOException {
        RecoveryCopy restored = offerRecovery(data, asker);
        phase("recovery offered");
        MainWindow window = initialWindow(args);
        phase("window built");
        window.setAsker(asker);
        window.attach(data);
        window.keepHistoryIn(HistoryFolders.defaultDataFolder());
        Path opened = window.fileProperty().get();
        if (opened != null && Files.isRegularFile(opened)) {
            data.recentFiles().add(opened);
        }
        if (restored != null) {
            window.restore(restored);
        }
        phase("attached");
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(stylesheet());
        window.darkThemeProperty().set(Boolean.getBoolean("stagecraft.dark") || data.settings().flag(DARK_THEME, false));
        window.darkThemeProperty().addListener((obs, old, dark) -> data.settings().putFlag(DARK_THEME, dark));
        WindowPlacement.restore(stage, window, data.settings());
        stage.titleProperty().bind(window.titleProperty());
        stage.focusedProperty().addListener((obs, old, focused) -> {
            if (focused) {
                window.checkDiskNow();
            }
        });
        stage.setOnCloseRequest(event -> {
            if (!closing(stage, window, data)) {
                event.consume();
            }
        });
        window.setOnQuit(() -> {
            if (closing(stage, window, data)) {
                stage.close();
            }
        });
        stage.setScene(scene);
        phase("scene set");
        stage.show();
        return window;
    }

    /** The close guard; when the window may close, what it leaves behind is put in order. */
    private static boolean closing(Stage stage, MainWindow window, UserData data) {
        if (!window.confirmDiscard("The Dockerfile has unsaved changes. Close and discard them?")) {
            return false;
        }
        WindowPlacement.remember(stage, window, data.settings());
        try {
            data.settings().save();
        } catch (IOException e) {
            // Not remembering the window's size is no reason to keep it open.
        }
        window.closedCleanly();
        return true;
    }

    /**
     * Offers the copies a crash left, newest first; the first one restored is returned (one window
     * shows one document), the others stay for the next start. A discarded copy is deleted.
     */
    private static RecoveryCopy offerRecovery(UserData data, Predicate<Question> asker) {
        if (data.recovery().isEmpty()) {
            return null;
        }
        RecoveryStore store = data.recovery().get();
        try {
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());
            for (RecoveryCopy copy : store.list()) {
                if (asker.test(new Question("Recover unsaved work", "Stagecraft did not close cleanly. Restore the unsaved text of "
                        + copy.displayName() + " (kept " + when.format(copy.written()) + ")?", "Restore", "Discard"))) {
                    return copy;
                }
                store.delete(copy.original());
            }
        } catch (IOException e) {
            // An unreadable recovery folder must not stop the app; its copies stay on disk.
        }
        return null;
    }

    /** The file named on the command line (a name that does not exist yet is a new file), or the example. */
    private static MainWindow initialWindow(List<String> args) throws IOException {
        if (args.isEmpty()) {
            MainWindow window = new MainWindow("");
            window.openExample(ExampleGallery.example(ExampleGallery.DEFAULT_SLUG));
            return window;
        }
        Path file = Path.of(args.get(0));
        if (!Files.exists(file)) {
            return new MainWindow("", file);
        }
        try {
            return new MainWindow(TextFile.read(file), file);
        } catch (UnreadableFileException e) {
            MainWindow window = new MainWindow("");
            window.showFileStatus(e.getMessage());
            return window;
        }
    }

    static String stylesheet() {
        return resource("stagecraft.css");
    }

    /** The dark theme, applied on top of {@link #stylesheet()}. */
    static String darkStylesheet() {
        return resource("stagecraft-dark.css");
    }

    private static String resource(String name) {
        var url = StagecraftApp.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing from the jar");
        }
        return url.toExternalForm();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
