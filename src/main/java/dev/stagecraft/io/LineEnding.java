package dev.stagecraft.io;

/**
 * How a file ends its lines. The editor (RichTextFX) keeps lines as paragraphs joined by LF, so a
 * file's endings are detected when it is read and put back when it is written: a CRLF file saved
 * unchanged stays byte-identical.
 */
public enum LineEnding {
    LF("\n"),
    CRLF("\r\n"),
    CR("\r");

    private final String separator;

    LineEnding(String separator) {
        this.separator = separator;
    }

    public String separator() {
        return separator;
    }

    /**
     * The ending most lines of {@code text} use; LF when there is no line break. A file that mixes
     * endings is written back with its most common one (the editor cannot keep one per line).
     */
    public static LineEnding detect(String text) {
        int lf = 0;
        int crlf = 0;
        int cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        if (crlf > lf && crlf >= cr) {
            return CRLF;
        }
        return cr > lf && cr > crlf ? CR : LF;
    }

    /** The text as the editor holds it: every CRLF and lone CR becomes LF. */
    public static String toLf(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Editor text (LF) written with this ending. */
    public String fromLf(String text) {
        return this == LF ? text : text.replace("\n", separator);
    }
}
