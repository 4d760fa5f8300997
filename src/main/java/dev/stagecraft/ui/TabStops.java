package dev.stagecraft.ui;

import dev.stagecraft.edit.Indentation;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.TwoDimensional;

/**
 * Tab and Shift+Tab as in a code editor: Tab pads with spaces to the next tab stop (or indents
 * every selected line), Shift+Tab outdents the selected lines, each as one undoable edit. The tab
 * size also sets how wide a tab character already in the text is drawn (a CSS class on the editor).
 */
public final class TabStops {
    static final List<Integer> SIZES = List.of(2, 4, 8);

    private final CodeArea editor;
    private final IntegerProperty size = new SimpleIntegerProperty(this, "size", 4);

    public TabStops(CodeArea editor) {
        this.editor = editor;
        applySizeClass(size.get());
        size.addListener((obs, old, now) -> applySizeClass(now.intValue()));
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isShortcutDown() && !e.isAltDown()) {
                if (e.isShiftDown()) {
                    outdent();
                } else {
                    indent();
                }
                e.consume();
            }
        });
        // The Tab key also types a tab character: the spaces above replace it.
        editor.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("\t".equals(e.getCharacter())) {
                e.consume();
            }
        });
    }

    public IntegerProperty sizeProperty() {
        return size;
    }

    /** View > Tab size: 2, 4 or 8 columns. */
    public Menu menu() {
        Menu menu = new Menu("Tab size");
        menu.setId("tab-size-menu");
        ToggleGroup group = new ToggleGroup();
        for (int n : SIZES) {
            RadioMenuItem item = new RadioMenuItem(n + " spaces");
            item.setId("tab-size-" + n);
            item.setToggleGroup(group);
            item.setSelected(n == size.get());
            item.setOnAction(e -> size.set(n));
            menu.getItems().add(item);
        }
        size.addListener((obs, old, now) -> group.getToggles().forEach(t -> t.setSelected(((RadioMenuItem) t).getId()
                .equals("tab-size-" + now))));
        return menu;
    }

    private void applySizeClass(int n) {
        editor.getStyleClass().removeIf(c -> c.startsWith("tab-size-"));
        editor.getStyleClass().add("tab-size-" + n);
    }

    /** Spaces to the next stop at the caret; with a selection over several lines, one level more for each line. */
    public void indent() {
        int first = firstSelectedLine();
        int last = lastSelectedLine();
        if (first == last) {
            int start = editor.getSelection().getStart();
            int column = editor.offsetToPosition(start, TwoDimensional.Bias.Forward).getMinor();
            String pad = Indentation.padToNextStop(editor.getParagraph(first).getText(), column, size.get());
            editor.replaceSelection(pad);
            return;
        }
        StringBuilder block = new StringBuilder();
        int[] shift = new int[last - first + 1];
        for (int p = first; p <= last; p++) {
            String line = editor.getParagraph(p).getText();
            boolean blank = line.isBlank();
            shift[p - first] = blank ? 0 : size.get();
            block.append(blank ? line : " ".repeat(size.get()) + line);
            if (p < last) {
                block.append('\n');
            }
        }
        replaceLines(first, last, block.toString(), shift);
    }

    /** One level of leading white space less on each selected line (the caret's line when nothing is selected). */
    public void outdent() {
        int first = firstSelectedLine();
        int last = lastSelectedLine();
        StringBuilder block = new StringBuilder();
        int[] shift = new int[last - first + 1];
        boolean any = false;
        for (int p = first; p <= last; p++) {
            String line = editor.getParagraph(p).getText();
            int cut = Indentation.outdentLength(line, size.get());
            any |= cut > 0;
            shift[p - first] = -cut;
            block.append(line, cut, line.length());
            if (p < last) {
                block.append('\n');
            }
        }
        if (any) {
            replaceLines(first, last, block.toString(), shift);
        }
    }

    /** Replaces lines first..last in one edit and keeps the selection on the same characters. */
    private void replaceLines(int first, int last, String block, int[] shift) {
        int anchor = editor.getAnchor();
        int caret = editor.getCaretPosition();
        int newAnchor = moved(anchor, first, shift);
        int newCaret = moved(caret, first, shift);
        editor.replaceText(first, 0, last, editor.getParagraphLength(last), block);
        editor.selectRange(newAnchor, newCaret);
    }

    /** Where {@code offset} ends up once each line's start has moved by {@code shift} (never before its line's start). */
    private int moved(int offset, int first, int[] shift) {
        TwoDimensional.Position pos = editor.offsetToPosition(offset, TwoDimensional.Bias.Forward);
        int line = pos.getMajor();
        int before = 0;
        for (int p = first; p < line && p - first < shift.length; p++) {
            before += shift[p - first];
        }
        int own = line - first >= 0 && line - first < shift.length ? shift[line - first] : 0;
        int column = pos.getMinor();
        return offset - column + before + Math.max(0, column + own);
    }

    private int firstSelectedLine() {
        return editor.offsetToPosition(editor.getSelection().getStart(), TwoDimensional.Bias.Forward).getMajor();
    }

    /** A selection that ends at the start of a line does not take that line along. */
    private int lastSelectedLine() {
        int end = editor.getSelection().getEnd();
        TwoDimensional.Position pos = editor.offsetToPosition(end, TwoDimensional.Bias.Forward);
        int first = firstSelectedLine();
        return pos.getMinor() == 0 && pos.getMajor() > first ? pos.getMajor() - 1 : pos.getMajor();
    }
}
