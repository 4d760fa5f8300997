package dev.stagecraft.ui;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.compare.ComparisonMarkdown;
import dev.stagecraft.compare.EdgeChange;
import dev.stagecraft.compare.FileChange;
import dev.stagecraft.compare.LayerChange;
import dev.stagecraft.compare.LeftBehindFile;
import dev.stagecraft.compare.StageRow;
import dev.stagecraft.context.Sizes;
import dev.stagecraft.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Two builds side by side: the final sizes and their change (green when B is smaller), each stage's
 * two bars on one scale, the layers matched by instruction, the files that differ in the final image
 * and on each COPY --from edge, and what B left behind; with the report saved as Markdown and the
 * chart as PNG. File lists are virtualised tables, so 20,000 files scroll as easily as ten.
 *
 * <p>It opens in a window of its own rather than a tab: the main window is an editor beside its
 * graph, and a comparison is read next to them, exported, and closed.
 */
final class ComparisonView extends BorderPane {
    /** The longest bar of the stage rows, in pixels: the biggest stage of either side. */
    static final double BAR_WIDTH = 360;

    private final BuildComparison comparison;
    private final FilePicker picker;
    private final Path folder;
    private final Label status = new Label();

    /**
     * @param picker answers "save as" (tests pass their own)
     * @param folder where the save dialogs start (the build context), or null
     */
    ComparisonView(BuildComparison comparison, FilePicker picker, Path folder) {
        this.comparison = comparison;
        this.picker = picker;
        this.folder = folder;
        setId("comparison-view");
        getStyleClass().add("comparison-view");
        setPadding(new Insets(10));
        setTop(header());
        TabPane tabs = new TabPane(tab("Stages", "compare-tab-stages", stages()), tab("Layers", "compare-tab-layers", layers()),
                tab("Final image files", "compare-tab-final", finalFiles()), tab("Edges", "compare-tab-edges", edges()),
                tab("Left behind", "compare-tab-left-behind", leftBehind()), tab("Chart", "compare-tab-chart", chart()));
        tabs.setId("compare-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        BorderPane.setMargin(tabs, new Insets(8, 0, 8, 0));
        setBottom(buttons());
    }

    /** Opens the comparison in a window of its own, styled as {@code owner}'s scene (theme included). */
    static Stage show(Window owner, BuildComparison comparison, FilePicker picker, Path folder) {
        ComparisonView view = new ComparisonView(comparison, picker, folder);
        Stage window = new Stage();
        Scene scene = new Scene(view, 1100, 720);
        if (owner != null && owner.getScene() != null) {
            window.initOwner(owner);
            // The owner's stylesheets, kept in step: switching the theme there switches it here too.
            ObservableList<String> sheets = owner.getScene().getStylesheets();
            scene.getStylesheets().setAll(sheets);
            ListChangeListener<String> follow = change -> scene.getStylesheets().setAll(sheets);
            sheets.addListener(follow);
            window.setOnHidden(e -> sheets.removeListener(follow));
        } else {
            scene.getStylesheets().add(StagecraftApp.stylesheet());
        }
        window.setTitle("Compare: A " + comparison.a().label() + "  \u2192  B " + comparison.b().label());
        window.setScene(scene);
        window.show();
        return window;
    }

    BuildComparison comparison() {
        return comparison;
    }

    private static Tab tab(String title, String id, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private static Label label(String text, String id, String... styles) {
        Label label = new Label(text);
        if (id != null) {
            label.setId(id);
        }
        label.getStyleClass().addAll(styles);
        return label;
    }

    private VBox header() {
        GridPane sides = new GridPane();
        sides.setHgap(12);
        sides.setVgap(2);
        long sizeA = comparison.a().report().finalSizeBytes();
        long sizeB = comparison.b().report().finalSizeBytes();
        sides.addRow(0, label("A", null, "compare-side", "compare-side-a"), label(comparison.a().label(), "compare-a-label"),
                label(Sizes.human(sizeA), "compare-a-size", "compare-size"),
                label(ComparisonTexts.exact(sizeA), "compare-a-bytes", "compare-exact"));
        sides.addRow(1, label("B", null, "compare-side", "compare-side-b"), label(comparison.b().label(), "compare-b-label"),
                label(Sizes.human(sizeB), "compare-b-size", "compare-size"),
                label(ComparisonTexts.exact(sizeB), "compare-b-bytes", "compare-exact"));
        String deltaClass = ComparisonTexts.deltaClass(comparison.deltaBytes());
        Label delta = label(ComparisonTexts.finalChange(comparison), "compare-delta", "compare-delta", deltaClass);
        Label exact = label(ComparisonTexts.exactDelta(comparison.deltaBytes()), "compare-delta-bytes", "compare-exact");
        Label meaning = label(comparison.deltaBytes() < 0 ? "B's final image is smaller."
                : comparison.deltaBytes() > 0 ? "B's final image is bigger." : "Both final images weigh the same.", null,
                "compare-note");
        HBox change = new HBox(12, delta, exact, meaning);
        change.setAlignment(Pos.BASELINE_LEFT);
        VBox header = new VBox(6, sides, change);
        header.getStyleClass().add("compare-header");
        if (!comparison.finalFilesUnknown() && !comparison.leftBehind().isEmpty()) {
            LeftBehindFile biggest = comparison.leftBehind().get(0);
            int count = comparison.leftBehind().size();
            header.getChildren().add(label("Left behind: B no longer ships " + count + (count == 1 ? " file" : " files")
                    + " of A's final image, " + Sizes.human(leftBehindBytes()) + "; the biggest is " + biggest.path() + " ("
                    + Sizes.human(biggest.sizeBytes()) + ").", "compare-left-behind-summary", "compare-summary"));
        }
        if (comparison.finalFilesUnknown()) {
            String problem = comparison.a().report().finalFilesProblem() != null
                    ? "A: " + comparison.a().report().finalFilesProblem() : "B: " + comparison.b().report().finalFilesProblem();
            header.getChildren().add(label("The final images' files are not known, so no file differences are shown ("
                    + problem + ").", "compare-files-unknown", "compare-note"));
        }
        return header;
    }

    private ScrollPane stages() {
        long max = 1;
        for (StageRow r : comparison.stages()) {
            max = Math.max(max, Math.max(ComparisonTexts.bytes(r.a()), ComparisonTexts.bytes(r.b())));
        }
        VBox rows = new VBox(10);
        rows.setPadding(new Insets(8));
        for (int i = 0; i < comparison.stages().size(); i++) {
            StageRow r = comparison.stages().get(i);
            Label name = label(ComparisonTexts.stageName(r), null, "compare-stage-name");
            name.setMinWidth(200);
            name.setPrefWidth(200);
            name.setWrapText(true);
            VBox bars = new VBox(3, bar(r.a() == null ? null : ComparisonTexts.bytes(r.a()), max, ComparisonTexts.size(r.a()),
                    "compare-bar-a"), bar(r.b() == null ? null : ComparisonTexts.bytes(r.b()), max, ComparisonTexts.size(r.b()),
                    "compare-bar-b"));
            Label delta = label(ComparisonTexts.stageDelta(r), null, "compare-stage-delta", ComparisonTexts.stageDeltaClass(r));
            delta.setMinWidth(90);
            HBox row = new HBox(12, name, bars, delta);
            row.setId("compare-stage-" + i);
            row.getStyleClass().add("compare-stage-row");
            if (r.targets()) {
                row.getStyleClass().add("compare-stage-final");
            }
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setId("compare-stages");
        return scroll;
    }

    /** One side's bar: its share of {@link #BAR_WIDTH}, then the size; an absent stage shows only a dash. */
    private static HBox bar(Long bytes, long max, String size, String style) {
        Region fill = new Region();
        fill.getStyleClass().addAll("compare-bar", style);
        double width = bytes == null ? 0 : Math.max(bytes > 0 ? 2 : 0, BAR_WIDTH * bytes / max);
        fill.setMinWidth(width);
        fill.setPrefWidth(width);
        fill.setMaxWidth(width);
        fill.setMinHeight(12);
        fill.setPrefHeight(12);
        Label text = label(size, null, "compare-bar-text");
        HBox bar = new HBox(6, fill, text);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(BAR_WIDTH + 80);
        return bar;
    }

    private VBox layers() {
        List<LayerChange> sorted = new ArrayList<>(comparison.layers());
        // Biggest change first; the sort is stable, so equal changes keep the file's order.
        sorted.sort(Comparator.comparingLong((LayerChange l) -> Math.abs(l.deltaBytes())).reversed());
        TableView<LayerChange> table = new TableView<>();
        table.setId("compare-layers");
        table.getItems().setAll(sorted);
        table.getColumns().add(textColumn("Instruction", 420,
                l -> l.instruction().replace('\n', ' ')));
        table.getColumns().add(textColumn("Stage", 140, l -> l.a() != null && l.b() != null && l.a().stage().equals(l.b().stage())
                ? l.a().stage() : (l.a() == null ? "\u2013" : l.a().stage()) + " / " + (l.b() == null ? "\u2013" : l.b().stage())));
        table.getColumns().add(sizeColumn("A", l -> l.a() == null ? null : l.a().sizeBytes()));
        table.getColumns().add(sizeColumn("B", l -> l.b() == null ? null : l.b().sizeBytes()));
        table.getColumns().add(deltaColumn(LayerChange::deltaBytes));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        long changed = sorted.stream().filter(l -> l.deltaBytes() != 0).count();
        Label total = label(changed + " of " + sorted.size() + " layers changed; instructions matched by their text, as a"
                + " line diff would.", "compare-layers-total", "compare-total");
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, table, total);
    }

    private VBox finalFiles() {
        TableView<FileChange> table = fileTable("compare-final-files", comparison.finalFiles());
        Label total = label(comparison.finalFilesUnknown() ? "Not known: the final images' files could not be read."
                : fileTotal(comparison.finalFiles(), "in the final image"), "compare-final-total", "compare-total");
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, table, total);
    }

    private SplitPane edges() {
        ListView<EdgeChange> list = new ListView<>();
        list.setId("compare-edge-list");
        list.getItems().setAll(comparison.edges());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(EdgeChange e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.from() + " \u2192 " + e.to() + "  " + ComparisonTexts.delta(e.deltaBytes())
                        + (e.lineA() == null ? "  (B only)" : e.lineB() == null ? "  (A only)" : "")
                        + "\n" + e.instruction().replace('\n', ' '));
            }
        });
        list.setPlaceholder(new Label("Neither file copies from a stage or an image (COPY --from)."));
        TableView<FileChange> table = fileTable("compare-edge-files", List.of());
        Label total = label("Choose an edge to see the files that differ on it.", "compare-edge-total", "compare-total");
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> {
            table.getItems().setAll(e == null ? List.of() : e.files());
            total.setText(e == null ? "" : fileTotal(e.files(), "on this edge"));
        });
        if (!comparison.edges().isEmpty()) {
            list.getSelectionModel().select(0);
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, new VBox(4, table, total));
        split.setDividerPositions(0.35);
        return split;
    }

    private VBox leftBehind() {
        TableView<LeftBehindFile> table = new TableView<>();
        table.setId("compare-left-behind");
        table.getItems().setAll(comparison.leftBehind());
        table.getColumns().add(textColumn("Path in A's final image", 640, LeftBehindFile::path));
        table.getColumns().add(sizeColumn("Size", LeftBehindFile::sizeBytes));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(comparison.finalFilesUnknown() ? "Not known: the final images' files could not be read."
                : "Nothing: B's final image holds every file of A's."));
        long bytes = leftBehindBytes();
        int count = comparison.leftBehind().size();
        Label total = label(count + (count == 1 ? " file" : " files") + " of A's final image, " + Sizes.human(bytes) + " ("
                + ComparisonTexts.exact(bytes) + "), that B's final image does not hold.", "compare-left-behind-total",
                "compare-total");
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, table, total);
    }

    private long leftBehindBytes() {
        long bytes = 0;
        for (LeftBehindFile f : comparison.leftBehind()) {
            bytes += f.sizeBytes();
        }
        return bytes;
    }

    private ScrollPane chart() {
        ScrollPane scroll = new ScrollPane(ComparisonChart.draw(comparison));
        scroll.setId("compare-chart");
        return scroll;
    }

    private static String fileTotal(List<FileChange> files, String where) {
        long added = 0;
        long removed = 0;
        long net = 0;
        for (FileChange f : files) {
            net += f.deltaBytes();
            if (f.kind() == FileChange.Kind.ADDED) {
                added++;
            } else if (f.kind() == FileChange.Kind.REMOVED) {
                removed++;
            }
        }
        long resized = files.size() - added - removed;
        return files.size() + (files.size() == 1 ? " file differs " : " files differ ") + where + ": " + added + " added, "
                + removed + " removed, " + resized + " changed size; together " + ComparisonTexts.delta(net) + ".";
    }

    private static TableView<FileChange> fileTable(String id, List<FileChange> files) {
        TableView<FileChange> table = new TableView<>();
        table.setId(id);
        table.getItems().setAll(files);
        table.getColumns().add(textColumn("Path", 520, FileChange::path));
        table.getColumns().add(textColumn("Change", 90, f -> f.kind() == FileChange.Kind.RESIZED ? "size"
                : f.kind().name().toLowerCase(Locale.ROOT)));
        table.getColumns().add(sizeColumn("A", f -> f.kind() == FileChange.Kind.ADDED ? null : f.sizeA()));
        table.getColumns().add(sizeColumn("B", f -> f.kind() == FileChange.Kind.REMOVED ? null : f.sizeB()));
        table.getColumns().add(deltaColumn(FileChange::deltaBytes));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No file differs."));
        return table;
    }

    private static <T> TableColumn<T, String> textColumn(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return column;
    }

    /** A size column: human sizes shown, bytes sorted; a dash where the side lacks the thing. */
    private static <T> TableColumn<T, Long> sizeColumn(String title, Function<T, Long> value) {
        TableColumn<T, Long> column = new TableColumn<>(title);
        column.setPrefWidth(90);
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long bytes, boolean empty) {
                super.updateItem(bytes, empty);
                setText(empty ? null : bytes == null ? "\u2013" : Sizes.human(bytes));
            }
        });
        column.getStyleClass().add("compare-number");
        return column;
    }

    private static <T> TableColumn<T, Long> deltaColumn(Function<T, Long> value) {
        TableColumn<T, Long> column = new TableColumn<>("Change");
        column.setPrefWidth(100);
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long bytes, boolean empty) {
                super.updateItem(bytes, empty);
                getStyleClass().removeAll(ComparisonTexts.SMALLER, ComparisonTexts.BIGGER, ComparisonTexts.SAME);
                if (empty || bytes == null) {
                    setText(null);
                    return;
                }
                setText(ComparisonTexts.delta(bytes));
                getStyleClass().add(ComparisonTexts.deltaClass(bytes));
            }
        });
        column.getStyleClass().add("compare-number");
        return column;
    }

    private HBox buttons() {
        Button markdown = new Button("Save report as Markdown\u2026");
        markdown.setId("compare-save-markdown");
        markdown.setOnAction(e -> chooseMarkdown());
        Button png = new Button("Save chart as PNG\u2026");
        png.setId("compare-save-png");
        png.setOnAction(e -> choosePng());
        Button close = new Button("Close");
        close.setId("compare-close");
        close.setCancelButton(true);
        close.setOnAction(e -> getScene().getWindow().hide());
        status.setId("compare-status");
        status.getStyleClass().add("compare-status");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spring, markdown, png, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private Path suggested(String name) {
        return folder == null ? Path.of(name) : folder.resolve(name);
    }

    /** Asks where, then writes the Markdown report. */
    void chooseMarkdown() {
        Path target = picker.pickToSave(window(), suggested("comparison.md"), SaveKind.MARKDOWN_REPORT);
        if (target != null) {
            saveMarkdown(target);
        }
    }

    /** Asks where, then writes the chart. */
    void choosePng() {
        Path target = picker.pickToSave(window(), suggested("comparison.png"), SaveKind.PNG_CHART);
        if (target != null) {
            savePng(target);
        }
    }

    /** Writes {@link ComparisonMarkdown}'s report (FX thread); the future completes when the file is in place. */
    CompletableFuture<Path> saveMarkdown(Path target) {
        String text = ComparisonMarkdown.of(comparison);
        return write(target, "report", () -> text.getBytes(StandardCharsets.UTF_8));
    }

    /** Draws the chart (FX thread) and writes it as PNG off the FX thread. */
    CompletableFuture<Path> savePng(Path target) {
        WritableImage image = ComparisonChart.image(comparison);
        return write(target, "chart", () -> ComparisonChart.png(image));
    }

    /** Bytes made off the FX thread; may fail with an I/O error. */
    private interface Content {
        byte[] bytes() throws IOException;
    }

    private CompletableFuture<Path> write(Path target, String what, Content content) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        status.setText("Saving the " + what + "\u2026");
        Thread writer = new Thread(() -> {
            try {
                AtomicFiles.write(target, content.bytes());
                Platform.runLater(() -> status.setText("Saved the " + what + " to " + target));
                done.complete(target);
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.setText("Could not save the " + what + " to " + target + ": " + e.getMessage()));
                done.completeExceptionally(e);
            }
        }, "stagecraft-compare-export");
        writer.setDaemon(true);
        writer.start();
        return done;
    }
}
