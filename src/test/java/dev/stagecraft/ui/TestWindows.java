package dev.stagecraft.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** What the UI tests share: the real window in a scene styled as the app styles it, and waiting for what it shows. */
final class TestWindows {
    private TestWindows() {
    }

    /** Shows {@code window} on {@code stage} at this size, with the app's stylesheet. */
    static MainWindow show(Stage stage, MainWindow window, double width, double height) {
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(StagecraftApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /**
     * Waits (at most 10 s) until the condition holds; analyses and redraws happen asynchronously.
     * The condition is read on the FX thread: a lookup from the test thread can meet a scene graph
     * that the FX thread is changing (an IndexOutOfBoundsException inside Parent.lookupAll).
     */
    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        waitUntil(10, condition);
    }

    /** As {@link #waitUntil(Callable)}, for up to {@code seconds} (a build against the engine). */
    static void waitUntil(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFxThread(condition));
    }

    private static boolean onFxThread(Callable<Boolean> condition) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return condition.call();
        }
        return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }
}
