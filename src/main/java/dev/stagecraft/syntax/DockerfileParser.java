package dev.stagecraft.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns Dockerfile text into instruction nodes, following BuildKit's parser line by line: parser
 * directives at the top only, a byte-order mark, CRLF, continuation lines (blanks after the escape
 * character allowed; comment and empty lines inside dropped), and here-documents after RUN, COPY
 * and ADD. Never throws on any input; runs in time linear in the text.
 */
public final class DockerfileParser {
    private static final char BOM = '\uFEFF';

    private final String text;
    private final int length;
    private final LineIndex lines;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Directive> directives = new ArrayList<>();
    private final List<SourceRange> comments = new ArrayList<>();
    private final List<InstructionNode> nodes = new ArrayList<>();
    private char escape = '\\';

    // The physical line under the cursor.
    private int lineNo;
    private int lineStart;
    private int contentEnd;
    private int nextLine;

    private DockerfileParser(String text) {
        this.text = text;
        this.length = text.length();
        this.lines = new LineIndex(text);
    }

    public static ParseResult parse(String text) {
        DockerfileParser parser = new DockerfileParser(text);
        parser.run();
        return new ParseResult(text, parser.lines, parser.escape, parser.directives, parser.nodes, parser.comments,
                parser.diagnostics);
    }

    private boolean readLine(int from) {
        if (from >= length) {
            return false;
        }
        lineNo++;
        lineStart = from;
        int eol = text.indexOf('\n', from);
        if (eol < 0) {
            eol = length;
        }
        contentEnd = eol > from && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
        nextLine = eol < length ? eol + 1 : length;
        return true;
    }

    private int skipBlanks(int i, int end) {
        while (i < end && Chars.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private void run() {
        int pos = length > 0 && text.charAt(0) == BOM ? 1 : 0;
        boolean inDirectives = true;
        while (readLine(pos)) {
            pos = nextLine;
            if (lineNo == 1 && lineStart == 0 && length > 0 && text.charAt(0) == BOM) {
                lineStart = 1;
            }
            int s = skipBlanks(lineStart, contentEnd);
            if (inDirectives) {
                if (parseDirective(s)) {
                    continue;
                }
                inDirectives = false;
            }
            if (s == contentEnd) {
                continue;
            }
            if (text.charAt(s) == '#') {
                comments.add(lines.rangeOnLine(lineNo, s, contentEnd));
                continue;
            }
            pos = parseInstruction(s);
        }
    }

    /** Recognises {@code # name=value} at the top; returns false when the directive block has ended. */
    private boolean parseDirective(int s) {
        if (s >= contentEnd || text.charAt(s) != '#') {
            return false;
        }
        int i = skipBlanks(s + 1, contentEnd);
        int nameStart = i;
        if (i >= contentEnd || !Chars.isNameStart(text.charAt(i)) || text.charAt(i) == '_') {
            return false;
        }
        while (i < contentEnd && Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 128) {
            i++;
        }
        int nameEnd = i;
        i = skipBlanks(i, contentEnd);
        if (i >= contentEnd || text.charAt(i) != '=') {
            return false;
        }
        int valueStart = skipBlanks(i + 1, contentEnd);
        int valueEnd = contentEnd;
        while (valueEnd > valueStart && Chars.isSpace(text.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        if (valueEnd == valueStart) {
            return false;
        }
        String name = text.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        String value = text.substring(valueStart, valueEnd);
        SourceRange range = lines.rangeOnLine(lineNo, s, contentEnd);
        SourceRange valueRange = lines.rangeOnLine(lineNo, valueStart, valueEnd);
        if (!name.equals("syntax") && !name.equals("escape") && !name.equals("check")) {
            // Looks like a directive but is none BuildKit knows: a comment that keeps the block open.
            comments.add(range);
            return true;
        }
        for (Directive d : directives) {
            if (d.name().equals(name)) {
                diagnostics.add(Diagnostic.error("duplicate-directive",
                        "Only one '" + name + "' parser directive can be used", range));
                return true;
            }
        }
        directives.add(new Directive(name, value, range, valueRange));
        if (name.equals("escape")) {
            if (value.equals("\\") || value.equals("`")) {
                escape = value.charAt(0);
            } else {
                diagnostics.add(Diagnostic.error("invalid-escape",
                        "Invalid escape character '" + value + "': it must be \\ or `", valueRange));
            }
        }
        return true;
    }

    /** Index of a continuation character ending text[from, end) (blanks after it allowed), or -1. */
    private int continuationAt(int from, int end) {
        int i = end;
        while (i > from && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i > from && text.charAt(i - 1) == escape ? i - 1 : -1;
    }

    private int parseInstruction(int s) {
        int[] seg = new int[3];
        int segments = 0;
        int cont = continuationAt(s, contentEnd);
        int firstLine = lineNo;
        int lastEnd;
        StringBuilder joined = null;
        String single;
        int segEnd = cont >= 0 ? cont : contentEnd;
        if (cont >= 0 && skipBlanks(s, segEnd) == segEnd) {
            // A lone continuation character: BuildKit skips the line.
            diagnostics.add(Diagnostic.warning("empty-continuation-line",
                    "Empty continuation line: it will be an error in a future release of BuildKit",
                    lines.rangeOnLine(lineNo, lineStart, lineStart)));
            return nextLine;
        }
        seg[0] = 0;
        seg[1] = s;
        seg[2] = lineNo;
        segments = 1;
        single = text.substring(s, segEnd);
        lastEnd = contentEnd;
        int pos = nextLine;
        while (cont >= 0 && readLine(pos)) {
            pos = nextLine;
            int b = skipBlanks(lineStart, contentEnd);
            if (b == contentEnd) {
                diagnostics.add(Diagnostic.warning("empty-continuation-line",
                        "Empty continuation line: it will be an error in a future release of BuildKit",
                        lines.rangeOnLine(lineNo, lineStart, lineStart)));
                continue;
            }
            if (text.charAt(b) == '#') {
                comments.add(lines.rangeOnLine(lineNo, b, contentEnd));
                continue;
            }
            cont = continuationAt(lineStart, contentEnd);
            segEnd = cont >= 0 ? cont : contentEnd;
            if (joined == null) {
                joined = new StringBuilder(single);
            }
            if (3 * segments == seg.length) {
                seg = java.util.Arrays.copyOf(seg, seg.length * 2);
            }
            seg[3 * segments] = joined.length();
            seg[3 * segments + 1] = lineStart;
            seg[3 * segments + 2] = lineNo;
            segments++;
            joined.append(text, lineStart, segEnd);
            lastEnd = contentEnd;
        }
        String logical = joined == null ? single : joined.toString();
        List<Heredoc> heredocs = List.of();
        List<Marker> markers = findHeredocMarkers(logical);
        if (!markers.isEmpty()) {
            InstructionNode probe = new InstructionNode(logical, seg, segments, lines,
                    lines.range(s, lastEnd), List.of());
            heredocs = new ArrayList<>(markers.size());
            for (Marker m : markers) {
                SourceRange markerRange = probe.range(m.start, m.end);
                Heredoc doc = readHeredoc(m, markerRange, pos);
                heredocs.add(doc);
                if (doc.terminated()) {
                    pos = nextLine;
                    lastEnd = doc.terminatorRange().end();
                } else {
                    pos = length;
                    lastEnd = doc.bodyRange().end();
                    diagnostics.add(Diagnostic.error("unterminated-heredoc",
                            "Here-document '" + m.name + "' is never terminated: add a line holding only '" + m.name + "'",
                            markerRange));
                }
            }
        }
        // Without here-documents the cursor is on the instruction's last line; with them, look it up.
        SourceRange range = heredocs.isEmpty() ? lines.range(firstLine, s, lineNo, lastEnd) : lines.range(s, lastEnd);
        nodes.add(new InstructionNode(logical, seg, segments, lines, range, heredocs));
        return pos;
    }

    private record Marker(int start, int end, String name, boolean stripTabs, boolean expand, Integer fd) {
    }

    /**
     * Here-document markers of a RUN, COPY or ADD (also under ONBUILD) in shell form: words of the
     * form {@code [n]<<[-]NAME}, NAME possibly quoted in whole or in part.
     */
    private List<Marker> findHeredocMarkers(String logical) {
        if (logical.indexOf("<<") < 0) {
            return List.of();
        }
        int k = Chars.wordEnd(logical, 0);
        String keyword = logical.substring(0, k);
        int argsFrom = k;
        if (keyword.equalsIgnoreCase("onbuild")) {
            int w = Chars.skipSpaces(logical, k);
            int we = Chars.wordEnd(logical, w);
            keyword = logical.substring(w, we);
            argsFrom = we;
        }
        if (!keyword.equalsIgnoreCase("run") && !keyword.equalsIgnoreCase("copy") && !keyword.equalsIgnoreCase("add")) {
            return List.of();
        }
        FlagWords flags = FlagWords.scan(logical, argsFrom);
        if (JsonArray.parse(logical, flags.restStart(), logical.length()).status() != JsonArray.Status.NOT_JSON) {
            return List.of();
        }
        RawWords words = RawWords.split(logical, 0, logical.length(), '\\');
        List<Marker> markers = new ArrayList<>(1);
        for (int w = 0; w < words.count(); w++) {
            Marker m = parseMarker(logical, words.start(w), words.end(w));
            if (m != null) {
                markers.add(m);
            }
        }
        return markers;
    }


    private static Marker parseMarker(String s, int start, int end) {
        int i = start;
        while (i < end && Chars.isDigit(s.charAt(i))) {
            i++;
        }
        Integer fd = null;
        if (i > start) {
            try {
                fd = Integer.valueOf(s.substring(start, i));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (i + 2 > end || s.charAt(i) != '<' || s.charAt(i + 1) != '<') {
            return null;
        }
        i += 2;
        boolean strip = i < end && s.charAt(i) == '-';
        if (strip) {
            i++;
        }
        if (i >= end) {
            return null;
        }
        for (int k = i; k < end; k++) {
            if (s.charAt(k) == '<') {
                return null;
            }
        }
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        char quote = 0;
        for (int k = i; k < end; k++) {
            char c = s.charAt(k);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
                quoted = true;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (c == '\\' && quote != '\'' && k + 1 < end) {
                name.append(s.charAt(++k));
            } else {
                name.append(c);
            }
        }
        return new Marker(start, end, name.toString(), strip, !quoted, fd);
    }

    /** Reads body lines from {@code pos} until the terminator; leaves the cursor on the terminator line. */
    private Heredoc readHeredoc(Marker m, SourceRange markerRange, int pos) {
        StringBuilder body = new StringBuilder();
        int bodyStart = pos;
        int bodyEnd = pos;
        boolean any = false;
        while (readLine(pos)) {
            pos = nextLine;
            int t = lineStart;
            if (m.stripTabs) {
                while (t < contentEnd && text.charAt(t) == '\t') {
                    t++;
                }
            }
            if (contentEnd - t == m.name.length() && text.startsWith(m.name, t)) {
                SourceRange bodyRange = lines.range(bodyStart, any ? bodyEnd : bodyStart);
                return new Heredoc(m.name, m.stripTabs, m.expand, m.fd, markerRange, bodyRange, body.toString(),
                        lines.rangeOnLine(lineNo, lineStart, contentEnd));
            }
            body.append(text, t, contentEnd).append('\n');
            bodyEnd = contentEnd;
            any = true;
        }
        int end = Math.min(Math.max(bodyStart, any ? bodyEnd : bodyStart), length);
        return new Heredoc(m.name, m.stripTabs, m.expand, m.fd, markerRange,
                lines.range(Math.min(bodyStart, end), end), body.toString(), null);
    }
}
