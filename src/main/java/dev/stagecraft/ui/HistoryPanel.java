package dev.stagecraft.ui;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.compare.ComparedBuild;
import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.history.BuildRecord;
import dev.stagecraft.history.BuildSummary;
import dev.stagecraft.history.HistoryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.util.Callback;

/**
 * The builds of the open file, newest first: when, the final image's size and its change against the
 * build before (bigger in one colour, smaller in another), target, builder, and the line a failed
 * build stopped at. An entry can be reopened (double-click, Enter, "Reopen") to see what that build
 * measured; two entries (by default the two newest that succeeded) can be compared. The history is
 * read through {@link HistoryRecorder}, never on the FX thread; the panel refreshes when told a
 * build was recorded and when another file is shown.
 */
final class HistoryPanel extends BorderPane {
    /** One line of the list: the stored summary, and for a failed build what it said and where. */
    record Entry(BuildSummary summary, String failure, Integer failedLine) {
        Entry {
            Objects.requireNonNull(summary, "summary");
        }

        /** "built", or "failed at line N" (or "failed" without a line). */
        String outcome() {
            if (summary.succeeded()) {
                return "built";
            }
            return failedLine == null ? "failed" : "failed at line " + failedLine;
        }
    }

    private final HistoryRecorder history;
    private final Consumer<BuildRecord> reopen;
    private final Consumer<BuildComparison> compare;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final TableView<Entry> table = new TableView<>(entries);
    private final Label message = new Label();
    private Path file;

    /**
     * @param reopen shows a build as it was (FX thread)
     * @param compare receives a comparison of two builds, older as A (FX thread)
     */
    HistoryPanel(HistoryRecorder history, Consumer<BuildRecord> reopen, Consumer<BuildComparison> compare) {
        this.history = history;
        this.reopen = reopen;
        this.compare = compare;
        getStyleClass().add("history-panel");
        setId("history-panel");
        table.setId("history-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No builds yet"));
        // Its texts are short and it never narrows below them: the table's other columns give way first.
        TableColumn<Entry, Entry> when = column("When", HistoryTimes.columnWidth(Font.getDefault()),
                e -> HistoryTimes.when(e.summary().startedAt(), Instant.now(), ZoneId.systemDefault()), null);
        when.setMinWidth(when.getPrefWidth());
        Callback<TableColumn<Entry, Entry>, TableCell<Entry, Entry>> whenCells = when.getCellFactory();
        when.setCellFactory(c -> {
            TableCell<Entry, Entry> cell = whenCells.call(c);
            // The style sheet or the desktop may give the cells a bigger font than the default measured above.
            cell.fontProperty().addListener((obs, old, font) -> fit(when, HistoryTimes.columnWidth(font)));
            return cell;
        });
        table.getColumns().add(when);
        table.getColumns().add(column("Final size", 90, e -> e.summary().finalSizeBytes() == null ? ""
                : Sizes.human(e.summary().finalSizeBytes()), null));
        table.getColumns().add(column("Change", 100, e -> change(e.summary().sizeChangeBytes()), HistoryPanel::changeStyle));
        table.getColumns().add(column("Target", 100, e -> e.summary().target() == null ? "(last stage)" : e.summary().target(), null));
        table.getColumns().add(column("Builder", 80, e -> e.summary().builder() == BuilderKind.BUILDKIT ? "BuildKit" : "classic",
                null));
        table.getColumns().add(column("Outcome", 160, Entry::outcome, e -> e.summary().succeeded() ? null : "history-failed"));
        table.setRowFactory(t -> {
            TableRow<Entry> row = new TableRow<>();
            row.itemProperty().addListener((obs, old, entry) -> row.setTooltip(entry == null ? null
                    : new Tooltip("Started " + when(entry.summary().startedAt()))));
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    reopen(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                Entry chosen = table.getSelectionModel().getSelectedItem();
                if (chosen != null) {
                    reopen(chosen);
                }
                e.consume();
            }
        });
        Button reopenButton = new Button("Reopen");
        reopenButton.setId("history-reopen");
        reopenButton.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        reopenButton.setOnAction(e -> reopen(table.getSelectionModel().getSelectedItem()));
        Button compareButton = new Button("Compare");
        compareButton.setId("history-compare");
        compareButton.setOnAction(e -> compareChosen());
        message.setId("history-message");
        message.getStyleClass().add("history-message");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, message, gap, reopenButton, compareButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("history-bar");
        setTop(bar);
        setCenter(table);
        show(null);
    }

    /** The window shows {@code dockerfile} now (null: a text without a file): list its builds. */
    void show(Path dockerfile) {
        file = dockerfile == null ? null : dockerfile.toAbsolutePath().normalize();
        entries.clear();
        refresh();
    }

    /** A build of {@code dockerfile} was recorded: refresh when it is the one shown. */
    void recorded(Path dockerfile) {
        if (file != null && file.equals(dockerfile.toAbsolutePath().normalize())) {
            refresh();
        }
    }

    /** Reads the list again (off the FX thread). */
    void refresh() {
        if (!history.enabled()) {
            message.setText("This window keeps no build history.");
            return;
        }
        if (file == null) {
            message.setText("Save the text to a file to keep its builds here.");
            return;
        }
        Path asked = file;
        // The list first, at once; then the lines the failed builds stopped at, which are in their records.
        history.query(asked, HistoryPanel::listed, list -> {
            if (asked.equals(file)) {
                shown(list);
            }
        });
        history.query(asked, HistoryPanel::entries, list -> {
            if (asked.equals(file)) {
                shown(list);
            }
        });
    }

    /** The lines shown now, newest first. */
    List<Entry> entries() {
        return List.copyOf(entries);
    }

    TableView<Entry> table() {
        return table;
    }

    private void shown(List<Entry> list) {
        List<Long> selected = table.getSelectionModel().getSelectedItems().stream().map(e -> e.summary().id()).toList();
        entries.setAll(list);
        for (int i = 0; i < list.size(); i++) {
            if (selected.contains(list.get(i).summary().id())) {
                table.getSelectionModel().select(i);
            }
        }
        message.setText(list.isEmpty() ? "No builds of " + file.getFileName() + " yet: each build is kept here."
                : list.size() + (list.size() == 1 ? " build of " : " builds of ") + file.getFileName());
    }

    /** The list as stored, without the failed builds' lines. History thread. */
    static List<Entry> listed(HistoryStore store) {
        return store.list().stream().map(s -> new Entry(s, null, null)).toList();
    }

    /** The list with each failed build's line, which is in its record, so those are loaded. History thread. */
    static List<Entry> entries(HistoryStore store) {
        List<Entry> list = new ArrayList<>();
        for (BuildSummary s : store.list()) {
            if (s.succeeded()) {
                list.add(new Entry(s, null, null));
            } else {
                Optional<BuildRecord> record = store.load(s.id());
                list.add(new Entry(s, record.map(BuildRecord::failure).orElse(null), record.map(BuildRecord::failedLine).orElse(null)));
            }
        }
        return list;
    }

    private void reopen(Entry entry) {
        if (entry == null) {
            return;
        }
        long id = entry.summary().id();
        history.query(file, store -> store.load(id), record -> {
            if (record.isPresent()) {
                reopen.accept(record.get());
            } else {
                message.setText("That build could not be read from the history.");
            }
        });
    }

    /** The two entries selected, or else the two newest builds that succeeded; compared older against newer. */
    private void compareChosen() {
        List<Entry> chosen = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        if (chosen.size() > 2) {
            message.setText("Select two builds to compare (" + chosen.size() + " are selected).");
            return;
        }
        if (chosen.size() < 2) {
            chosen = entries.stream().filter(e -> e.summary().succeeded()).limit(2).toList();
            if (chosen.size() < 2) {
                message.setText("Two builds that succeeded are needed for a comparison.");
                return;
            }
        }
        if (chosen.stream().anyMatch(e -> !e.summary().succeeded())) {
            message.setText("A failed build measured nothing: select two builds that succeeded.");
            return;
        }
        List<Entry> ordered = chosen.stream().sorted(Comparator.comparing((Entry e) -> e.summary().startedAt())
                .thenComparingLong(e -> e.summary().id())).toList();
        long older = ordered.get(0).summary().id();
        long newer = ordered.get(1).summary().id();
        message.setText("Comparing…");
        history.query(file, store -> comparison(store, older, newer), result -> {
            if (result.isPresent()) {
                message.setText("Compared " + label(result.get().a()) + " with " + label(result.get().b()) + ".");
                compare.accept(result.get());
            } else {
                message.setText("Those builds could not be read from the history.");
            }
        });
    }

    private static String label(ComparedBuild build) {
        return build.label();
    }

    /** Loads both builds and compares them. History thread. */
    static Optional<BuildComparison> comparison(HistoryStore store, long older, long newer) {
        Optional<BuildRecord> a = store.load(older);
        Optional<BuildRecord> b = store.load(newer);
        if (a.isEmpty() || b.isEmpty() || a.get().report() == null || b.get().report() == null) {
            return Optional.empty();
        }
        return Optional.of(BuildComparison.of(compared(a.get()), compared(b.get())));
    }

    private static ComparedBuild compared(BuildRecord record) {
        return new ComparedBuild("build of " + when(record.startedAt()), record.dockerfileText(), record.report());
    }

    /** "+1.2 MB", "-300 KB", "no change", or empty when there is nothing to compare with. */
    static String change(Long bytes) {
        if (bytes == null) {
            return "";
        }
        if (bytes == 0) {
            return "no change";
        }
        return (bytes > 0 ? "+" : "\u2212") + Sizes.human(Math.abs(bytes));
    }

    private static String changeStyle(Entry e) {
        Long change = e.summary().sizeChangeBytes();
        return change == null || change == 0 ? null : change > 0 ? "history-bigger" : "history-smaller";
    }

    /** Widens {@code column} to {@code width} when it is narrower, and keeps it from narrowing below. */
    private static void fit(TableColumn<Entry, Entry> column, double width) {
        if (width > column.getMinWidth()) {
            column.setMinWidth(width);
            column.setPrefWidth(Math.max(width, column.getPrefWidth()));
        }
    }

    private static TableColumn<Entry, Entry> column(String title, double width, Function<Entry, String> text,
                                                    Function<Entry, String> style) {
        TableColumn<Entry, Entry> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width * 0.75);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private String applied;

            @Override
            protected void updateItem(Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (applied != null) {
                    getStyleClass().remove(applied);
                    applied = null;
                }
                setText(empty || entry == null ? null : text.apply(entry));
                if (!empty && entry != null && style != null) {
                    applied = style.apply(entry);
                    if (applied != null) {
                        getStyleClass().add(applied);
                    }
                }
            }
        });
        return column;
    }

    /** When a build started, in full: for a past-build window's title, a comparison's label, a row's tooltip. */
    static String when(Instant at) {
        return HistoryTimes.full(at, ZoneId.systemDefault());
    }
}
