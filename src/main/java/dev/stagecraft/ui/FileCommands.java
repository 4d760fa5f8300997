package dev.stagecraft.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;

/**
 * The File menu's items for one window. The shortcuts are handled by the window's key filter
 * (the editor would swallow them); the accelerators here only show them in the menu.
 */
final class FileCommands {
    private final MainWindow window;

    FileCommands(MainWindow window) {
        this.window = window;
    }

    MenuItem openItem() {
        return item("Open\u2026", "open", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), window::open);
    }

    MenuItem saveItem() {
        return item("Save", "save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), window::save);
    }

    MenuItem saveAsItem() {
        return item("Save As\u2026", "save-as",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), window::saveAs);
    }

    MenuItem quitItem(Runnable quit) {
        return item("Quit", "quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), quit);
    }

    /** Filled each time it opens, so files deleted since are left out. */
    Menu recentMenu() {
        Menu recent = new Menu("Open Recent");
        recent.setId("recent-menu");
        // A menu with no items never shows, and so never fires onShowing: keep a placeholder.
        MenuItem none = new MenuItem("No recent files");
        none.setDisable(true);
        recent.getItems().add(none);
        recent.setOnShowing(e -> {
            List<Path> files = window.userData().recentFiles().existing();
            recent.getItems().clear();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                MenuItem item = new MenuItem(file.getFileName() + "  \u2014  " + file.toAbsolutePath().getParent());
                item.setMnemonicParsing(false);
                item.setId("recent-" + i);
                item.setOnAction(a -> window.open(file));
                recent.getItems().add(item);
            }
            if (files.isEmpty()) {
                recent.getItems().add(none);
            }
        });
        return recent;
    }

    private static MenuItem item(String text, String id, KeyCombination shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(shortcut);
        item.setOnAction(e -> action.run());
        return item;
    }
}
