package dev.stagecraft.ui;

import dev.stagecraft.engine.AnsiText;
import dev.stagecraft.engine.BuildEvent;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The build's output as it streams in: one row per line, tagged with the stage that printed it and
 * the Dockerfile line of its step; colours kept as the theme's palette, progress lines at their final
 * state ({@link AnsiText}). A filter shows one stage; a search counts and steps through matches;
 * copy takes the selected lines or all shown ones. The list is virtualised and appending only adds
 * rows, so a batch of a thousand lines costs what those lines cost. The oldest lines go beyond a cap,
 * and a note says how many went.
 *
 * <p>Touch it on the FX thread only; feed it batches ({@link #append(List)}), not line by line.
 */
public final class BuildLogPanel extends BorderPane {
    /** How many lines the log keeps unless told otherwise. */
    public static final int DEFAULT_MAX_LINES = 50_000;
    static final String ALL_STAGES = "All stages";
    static final String NO_OUTPUT = "No build output yet.";
    static final String NO_STAGE_OUTPUT = "No output from this stage.";
    /** Longer lines are cut on screen (a Text node that wide is slow); search and copy use them whole. */
    static final int SHOWN_CHARS = 2_000;
    private static final int TAG_CHARS = 12;
    /** Stage tags cycle through this many colours (log-stage-0 ... in the stylesheet). */
    private static final int TAG_COLOURS = 6;
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");
    private static final PseudoClass CURRENT_MATCH = PseudoClass.getPseudoClass("current-match");
    private static final PseudoClass LINKED = PseudoClass.getPseudoClass("linked");

    /**
     * One line on screen: its place in arrival order, its stage (-1 for none) and that stage's tag
     * when it arrived, its Dockerfile line (0 for none), its text and, unless it is plain, its spans.
     */
    record Entry(long sequence, int stageIndex, String tag, int line, String text, List<AnsiText.Span> spans) {
    }

    private final int maxLines;
    private final ObservableList<Entry> all = FXCollections.observableArrayList();
    private final FilteredList<Entry> visible = new FilteredList<>(all);
    private final ListView<Entry> list = new ListView<>(visible);
    private final ComboBox<String> stageFilter = new ComboBox<>();
    private final TextField search = new TextField();
    private final Label matchCount = new Label();
    private final Label droppedNote = new Label();
    private final Label placeholder = new Label(NO_OUTPUT);
    private final Button copy = new Button("Copy all");
    private final List<String> stageLabels = new ArrayList<>();
    private final ReadOnlyIntegerWrapper dropped = new ReadOnlyIntegerWrapper(this, "dropped");
    private final ReadOnlyIntegerWrapper matchTotal = new ReadOnlyIntegerWrapper(this, "matchTotal");
    /** The shown lines that match the search, in order; {@link #current} indexes it (-1: none chosen). */
    private final List<Entry> matches = new ArrayList<>();
    private int current = -1;
    private String query = "";
    private long nextSequence;
    /** Each stage's output as a terminal plays it (-1: output tied to no stage). */
    private final Map<Integer, AnsiText.Terminal> terminals = new HashMap<>();
    /** A row to bring into view at the next layout, or -1. */
    private int revealPending = -1;
    private IntConsumer onDockerfileLine = line -> { };
    private Consumer<String> clipboard = BuildLogPanel::toSystemClipboard;

    /** A log that keeps the last {@value #DEFAULT_MAX_LINES} lines. */
    public BuildLogPanel() {
        this(DEFAULT_MAX_LINES);
    }

    /** A log that keeps the last {@code maxLines} lines. */
    public BuildLogPanel(int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("the log must keep at least one line, not " + maxLines);
        }
        this.maxLines = maxLines;
        setId("build-log");
        getStyleClass().add("build-log");

        list.setId("build-log-lines");
        list.getStyleClass().add("build-log-lines");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(view -> new LogCell());
        placeholder.setId("build-log-placeholder");
        list.setPlaceholder(placeholder);
        KeyCombination copyKeys = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        list.setOnKeyPressed(e -> {
            if (copyKeys.match(e)) {
                copy();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                Entry focused = list.getFocusModel().getFocusedItem();
                if (focused != null && focused.line() > 0) {
                    onDockerfileLine.accept(focused.line());
                }
                e.consume();
            }
        });

        stageFilter.setId("build-log-stage");
        stageFilter.getItems().setAll(ALL_STAGES);
        stageFilter.setValue(ALL_STAGES);
        stageFilter.setTooltip(new Tooltip("Show the output of one stage"));
        stageFilter.valueProperty().addListener((obs, old, now) -> filterChanged());

        search.setId("build-log-search");
        search.setPromptText("Search the log");
        search.setPrefColumnCount(16);
        search.textProperty().addListener((obs, old, now) -> searchFor(now));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                step(e.isShiftDown() ? -1 : 1);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                e.consume();
            }
        });
        Button previous = Buttons.of("\u2191", "build-log-previous", "Previous match (Shift+Enter)", () -> step(-1));
        Button next = Buttons.of("\u2193", "build-log-next", "Next match (Enter)", () -> step(1));
        matchCount.setId("build-log-match-count");
        matchCount.getStyleClass().add("find-count");
        matchCount.setMinWidth(Region.USE_PREF_SIZE);

        copy.setId("build-log-copy");
        copy.setTooltip(new Tooltip("Copy the selected lines, or every shown line when none is selected (Ctrl+C)"));
        copy.setOnAction(e -> copy());
        list.getSelectionModel().getSelectedIndices().addListener((javafx.collections.ListChangeListener<Integer>) c ->
                Styles.setText(copy, list.getSelectionModel().getSelectedIndices().isEmpty() ? "Copy all" : "Copy selected"));
        Button clear = Buttons.of("Clear", "build-log-clear", "Remove every line", this::clear);

        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(4, stageFilter, search, previous, next, matchCount, spring, copy, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("build-log-bar");
        HBox.setHgrow(search, Priority.SOMETIMES);

        droppedNote.setId("build-log-dropped");
        droppedNote.getStyleClass().add("build-log-dropped");
        droppedNote.setMaxWidth(Double.MAX_VALUE);
        droppedNote.managedProperty().bind(droppedNote.visibleProperty());
        droppedNote.setVisible(false);
        setTop(new VBox(bar, droppedNote));
        setCenter(list);
        updateCount();
    }

    /**
     * The stages' labels, by stage index ({@code Stage.label()}: a name or {@code #n}), for the
     * filter and the tags of lines still to come. The filter keeps its stage when it is still there.
     */
    public void setStageLabels(List<String> labels) {
        if (labels.equals(stageLabels)) {
            return;
        }
        String chosen = stageFilter.getValue();
        stageLabels.clear();
        stageLabels.addAll(labels);
        List<String> items = new ArrayList<>(labels.size() + 1);
        items.add(ALL_STAGES);
        items.addAll(labels);
        stageFilter.getItems().setAll(items);
        stageFilter.setValue(items.contains(chosen) ? chosen : ALL_STAGES);
        filterChanged();
    }

    /** Called with the 1-based Dockerfile line of a log line the user clicks (or presses Enter on). */
    public void setOnDockerfileLine(IntConsumer action) {
        onDockerfileLine = action == null ? line -> { } : action;
    }

    /** Appends one event's lines. */
    public void append(BuildEvent.LogLine line) {
        append(List.of(line));
    }

    /**
     * Appends a batch of events, each one or more whole lines (a final line break is optional, so
     * an event never continues the previous one's line; the producer joins a line the engine sent
     * in pieces). Each stage's output is played as one terminal stream, so a colour set on one line
     * carries over to the next, as it would on screen. Drops the oldest lines beyond the cap. When
     * the last line was in view, the new last line is brought into view.
     */
    public void append(List<BuildEvent.LogLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        boolean following = showsLastLine();
        List<Entry> added = new ArrayList<>(lines.size());
        for (BuildEvent.LogLine event : lines) {
            AnsiText.Terminal terminal = terminals.computeIfAbsent(event.stageIndex(), k -> new AnsiText.Terminal());
            List<AnsiText.Line> rows = new ArrayList<>(terminal.write(event.text()));
            AnsiText.Line last = terminal.endLine();
            if (last != null || rows.isEmpty()) {
                rows.add(last != null ? last : new AnsiText.Line(List.of()));
            }
            String tag = tag(event.stageIndex());
            for (AnsiText.Line row : rows) {
                added.add(new Entry(nextSequence++, event.stageIndex(), tag, event.line(), row.text(),
                        row.plain() ? null : row.spans()));
            }
        }
        if (added.size() >= maxLines) {
            dropped.set(dropped.get() + all.size() + added.size() - maxLines);
            all.clear();
            matches.clear();
            current = -1;
            added = new ArrayList<>(added.subList(added.size() - maxLines, added.size()));
        } else {
            int excess = all.size() + added.size() - maxLines;
            if (excess > 0) {
                dropped.set(dropped.get() + excess);
                long firstKept = all.get(excess).sequence();
                all.remove(0, excess);
                dropMatchesBefore(firstKept);
            }
        }
        all.addAll(added);
        if (!query.isEmpty()) {
            for (Entry e : added) {
                if (shown(e) && containsIgnoreCase(e.text(), query)) {
                    matches.add(e);
                }
            }
        }
        updateDroppedNote();
        updateCount();
        if (following) {
            reveal(visible.size() - 1);
        }
    }

    /** The index of the entry with this sequence in a list ordered by sequence, else -(insertion point) - 1. */
    private static int indexOf(List<Entry> entries, long sequence) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = entries.get(mid).sequence();
            if (s < sequence) {
                lo = mid + 1;
            } else if (s > sequence) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** Removes every line (a new build starts); the filter and the search stay. */
    public void clear() {
        terminals.clear();
        all.clear();
        matches.clear();
        current = -1;
        dropped.set(0);
        updateDroppedNote();
        updateCount();
    }

    /**
     * Puts the selected lines on the clipboard, or every shown line when none is selected: their
     * text as the terminal showed it, one per line, without tags.
     */
    public void copy() {
        List<Integer> selected = new ArrayList<>(list.getSelectionModel().getSelectedIndices());
        StringBuilder b = new StringBuilder();
        if (selected.isEmpty()) {
            for (Entry e : visible) {
                b.append(e.text()).append('\n');
            }
        } else {
            selected.sort(null);
            for (int i : selected) {
                if (i >= 0 && i < visible.size()) {
                    b.append(visible.get(i).text()).append('\n');
                }
            }
        }
        clipboard.accept(b.toString());
    }

    /** Where copied text goes: the system clipboard, unless a test says otherwise. */
    void setClipboard(Consumer<String> target) {
        clipboard = target;
    }

    private static void toSystemClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The text of the lines shown now (after the stage filter), in order. */
    public List<String> shownLines() {
        List<String> lines = new ArrayList<>(visible.size());
        for (Entry e : visible) {
            lines.add(e.text());
        }
        return lines;
    }

    /** How many lines were dropped (oldest first) to stay under the cap since the last clear. */
    public ReadOnlyIntegerProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    /** How many shown lines match the search (0 without a search). */
    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchTotal.getReadOnlyProperty();
    }

    /** The lines held now, whatever the filter. */
    public int lineCount() {
        return all.size();
    }

    private String tag(int stageIndex) {
        if (stageIndex < 0) {
            return "";
        }
        String label = stageIndex < stageLabels.size() ? stageLabels.get(stageIndex) : "#" + stageIndex;
        return label.length() <= TAG_CHARS ? label : label.substring(0, TAG_CHARS - 1) + "\u2026";
    }

    /** Whether the last shown line is in view, so new lines should follow; true before the list is laid out. */
    private boolean showsLastLine() {
        VirtualFlow<?> flow = flow();
        if (flow == null || visible.isEmpty() || flow.getLastVisibleCell() == null) {
            return true;
        }
        return flow.getLastVisibleCell().getIndex() >= visible.size() - 1;
    }

    private VirtualFlow<?> flow() {
        Node n = list.lookup(".virtual-flow");
        return n instanceof VirtualFlow<?> f ? f : null;
    }

    /**
     * Brings row {@code index} into view, scrolling as little as needed, at the next layout: the
     * view counts the rows it was just given only then, and a panel not shown yet has no size.
     */
    private void reveal(int index) {
        if (index >= 0) {
            revealPending = index;
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (revealPending < 0) {
            return;
        }
        list.layout();
        VirtualFlow<?> flow = flow();
        if (flow != null && flow.getHeight() > 0 && flow.getCellCount() == visible.size()) {
            flow.scrollTo(Math.min(revealPending, visible.size() - 1));
            revealPending = -1;
        }
    }

    private boolean shown(Entry e) {
        int index = stageFilter.getSelectionModel().getSelectedIndex() - 1;
        return index < 0 || e.stageIndex() == index;
    }

    private void filterChanged() {
        int index = stageFilter.getSelectionModel().getSelectedIndex() - 1;
        visible.setPredicate(index < 0 ? null : e -> e.stageIndex() == index);
        list.getSelectionModel().clearSelection();
        searchFor(query);
    }

    private void searchFor(String text) {
        query = text == null ? "" : text;
        matches.clear();
        current = -1;
        if (!query.isEmpty()) {
            for (Entry e : visible) {
                if (containsIgnoreCase(e.text(), query)) {
                    matches.add(e);
                }
            }
            if (!matches.isEmpty()) {
                current = 0;
            }
        }
        updateCount();
        list.refresh();
        revealCurrent();
    }

    /** Steps to the next ({@code +1}) or previous ({@code -1}) match, round the end. */
    private void step(int direction) {
        if (matches.isEmpty()) {
            return;
        }
        current = current < 0 ? (direction > 0 ? 0 : matches.size() - 1) : Math.floorMod(current + direction, matches.size());
        updateCount();
        list.refresh();
        revealCurrent();
    }

    private void revealCurrent() {
        if (current < 0) {
            return;
        }
        int row = rowOf(matches.get(current));
        if (row >= 0) {
            // Shown, not selected: a selection would change what Copy takes.
            reveal(row);
        }
    }

    /** The row of a shown entry, or a negative number when it is not shown. */
    private int rowOf(Entry entry) {
        return indexOf(visible, entry.sequence());
    }

    private void dropMatchesBefore(long sequence) {
        int gone = 0;
        while (gone < matches.size() && matches.get(gone).sequence() < sequence) {
            gone++;
        }
        if (gone > 0) {
            matches.subList(0, gone).clear();
            current = matches.isEmpty() ? -1 : Math.max(0, current - gone);
        }
    }

    private void updateCount() {
        Styles.setText(placeholder, all.isEmpty() ? NO_OUTPUT : NO_STAGE_OUTPUT);
        matchTotal.set(matches.size());
        String text;
        if (query.isEmpty()) {
            text = "";
        } else if (matches.isEmpty()) {
            text = "No matches";
        } else if (current < 0) {
            text = matches.size() + (matches.size() == 1 ? " match" : " matches");
        } else {
            text = (current + 1) + " of " + matches.size();
        }
        Styles.setText(matchCount, text);
    }

    private void updateDroppedNote() {
        boolean any = dropped.get() > 0;
        droppedNote.setVisible(any);
        if (any) {
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
            n.setGroupingUsed(true);
            Styles.setText(droppedNote, "Showing the last " + n.format(maxLines) + " lines: the " + n.format(dropped.get())
                    + (dropped.get() == 1 ? " line" : " lines") + " before them were dropped.");
        }
    }

    /** Case-insensitive {@code text.contains(part)} without copying either. */
    static boolean containsIgnoreCase(String text, String part) {
        int last = text.length() - part.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    private boolean isCurrent(Entry e) {
        return current >= 0 && current < matches.size() && matches.get(current) == e;
    }

    /** A row: the stage tag, the Dockerfile line, and the text with its colours. */
    private final class LogCell extends ListCell<Entry> {
        private final Label tag = new Label();
        private final Label lineNumber = new Label();
        private final TextFlow text = new TextFlow();
        private final HBox row = new HBox(tag, lineNumber, text);

        LogCell() {
            getStyleClass().add("log-cell");
            tag.getStyleClass().add("log-stage-tag");
            lineNumber.getStyleClass().add("log-line-number");
            text.getStyleClass().add("log-text");
            text.setMinWidth(Region.USE_PREF_SIZE);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinWidth(Region.USE_PREF_SIZE);
            setOnMouseClicked(e -> {
                Entry item = getItem();
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && !e.isShiftDown()
                        && !e.isShortcutDown() && item != null && item.line() > 0) {
                    onDockerfileLine.accept(item.line());
                }
            });
        }

        @Override
        protected void updateItem(Entry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                pseudoClassStateChanged(MATCH, false);
                pseudoClassStateChanged(CURRENT_MATCH, false);
                pseudoClassStateChanged(LINKED, false);
                return;
            }
            Styles.setText(tag, item.tag());
            Styles.restyle(tag, List.of("label", "log-stage-tag",
                    item.stageIndex() < 0 ? "log-stage-none" : "log-stage-" + item.stageIndex() % TAG_COLOURS));
            Styles.setText(lineNumber, item.line() > 0 ? Integer.toString(item.line()) : "");
            text.getChildren().setAll(texts(item));
            boolean match = !query.isEmpty() && containsIgnoreCase(item.text(), query);
            pseudoClassStateChanged(MATCH, match);
            pseudoClassStateChanged(CURRENT_MATCH, match && isCurrent(item));
            pseudoClassStateChanged(LINKED, item.line() > 0);
            setText(null);
            setGraphic(row);
        }

        /** The line as Text nodes: one per span, split where the search matches so matches can be marked. */
        private List<Text> texts(Entry item) {
            List<AnsiText.Span> spans = item.spans() != null ? item.spans()
                    : List.of(new AnsiText.Span(item.text(), AnsiText.Style.PLAIN));
            List<Text> nodes = new ArrayList<>(spans.size());
            int offset = 0;
            for (AnsiText.Span span : spans) {
                if (offset >= SHOWN_CHARS) {
                    break;
                }
                String s = span.text();
                if (offset + s.length() > SHOWN_CHARS) {
                    s = s.substring(0, SHOWN_CHARS - offset) + "\u2026";
                }
                addMarked(nodes, s, span.style());
                offset += span.text().length();
            }
            return nodes;
        }

        private void addMarked(List<Text> nodes, String s, AnsiText.Style style) {
            int from = 0;
            if (!query.isEmpty()) {
                for (int i = 0; i + query.length() <= s.length(); i++) {
                    if (s.regionMatches(true, i, query, 0, query.length())) {
                        if (i > from) {
                            nodes.add(spanText(s.substring(from, i), style, false));
                        }
                        nodes.add(spanText(s.substring(i, i + query.length()), style, true));
                        i += query.length() - 1;
                        from = i + 1;
                    }
                }
            }
            if (from < s.length()) {
                nodes.add(spanText(s.substring(from), style, false));
            }
        }

        private Text spanText(String s, AnsiText.Style style, boolean match) {
            Text t = new Text(s);
            t.getStyleClass().add("log-span");
            if (style.foreground() >= 0) {
                t.getStyleClass().add("ansi-" + style.foreground());
            }
            if (style.bold()) {
                t.getStyleClass().add("ansi-bold");
            }
            if (match) {
                t.getStyleClass().add("log-match-text");
            }
            return t;
        }
    }
}
