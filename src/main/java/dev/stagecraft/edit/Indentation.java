package dev.stagecraft.edit;

/**
 * Tab stops as a code editor keeps them: Tab pads with spaces to the next multiple of the tab
 * size, Shift+Tab takes one level of leading white space away. Columns here count a tab as
 * reaching the next tab stop, as the editor draws it.
 */
public final class Indentation {
    private Indentation() {
    }

    /** The column (0-based, tabs expanded) that {@code offset} in {@code line} is drawn at. */
    public static int visualColumn(String line, int offset, int tabSize) {
        int column = 0;
        for (int i = 0; i < offset && i < line.length(); i++) {
            column = line.charAt(i) == '\t' ? (column / tabSize + 1) * tabSize : column + 1;
        }
        return column;
    }

    /** The spaces that take the caret from {@code offset} in {@code line} to the next tab stop. */
    public static String padToNextStop(String line, int offset, int tabSize) {
        return " ".repeat(tabSize - visualColumn(line, offset, tabSize) % tabSize);
    }

    /**
     * How many characters at the start of {@code line} one outdent removes: a leading tab, or the
     * spaces back to the previous tab stop (at most {@code tabSize}).
     */
    public static int outdentLength(String line, int tabSize) {
        if (line.startsWith("\t")) {
            return 1;
        }
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        if (spaces == 0) {
            return 0;
        }
        int remove = spaces % tabSize == 0 ? tabSize : spaces % tabSize;
        return Math.min(remove, spaces);
    }
}
