package dev.stagecraft.ui;

import dev.stagecraft.context.ContextFile;
import dev.stagecraft.context.Sizes;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.measure.LandedFile;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small window listing what one edge carries (the context's files, or after a build the files that
 * landed through a COPY --from, with size and mode); it stays open beside the main window until closed.
 */
final class EdgeDetailsView {
    private EdgeDetailsView() {
    }

    static Stage show(Window owner, EdgeDetails d) {
        Label title = new Label(d.kind() + ": " + d.from() + " \u2192 " + d.to());
        title.getStyleClass().add("details-title");
        Label instruction = new Label("line " + d.line() + ":  " + d.instruction());
        instruction.setId("edge-details-instruction");
        instruction.setWrapText(true);
        Label sources = new Label("Sources: " + String.join("  ", d.sources()));
        sources.setWrapText(true);
        Label destination = new Label("Destination: " + (d.destination() == null ? "(none written)" : d.destination()));
        VBox top = new VBox(4, title, instruction, sources, destination);
        if (d.note() != null) {
            Label note = new Label(d.note());
            note.getStyleClass().add("details-note");
            top.getChildren().add(note);
        }
        BorderPane root = new BorderPane();
        root.setId("edge-details");
        root.getStyleClass().add("edge-details");
        root.setPadding(new Insets(10));
        root.setTop(top);
        if (d.files() != null) {
            for (String note : d.files().notes()) {
                Label line = new Label(note);
                line.getStyleClass().add("details-note");
                line.setWrapText(true);
                top.getChildren().add(line);
            }
            ListView<String> files = new ListView<>();
            files.setId("edge-files");
            for (ContextFile f : d.files().files()) {
                files.getItems().add(f.path() + "    " + Sizes.human(f.size()));
            }
            Label total = new Label("Total: " + d.files().summary());
            total.setId("edge-files-total");
            VBox.setVgrow(files, Priority.ALWAYS);
            root.setCenter(new VBox(4, files, total));
            BorderPane.setMargin(root.getCenter(), new Insets(8, 0, 8, 0));
        }
        if (d.landed() != null) {
            root.setCenter(landed(d.landed()));
            BorderPane.setMargin(root.getCenter(), new Insets(8, 0, 8, 0));
        }
        Stage window = new Stage();
        Button close = new Button("Close");
        close.setId("edge-details-close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> window.close());
        HBox buttons = new HBox(close);
        buttons.setStyle("-fx-alignment: center-right;");
        root.setBottom(buttons);
        Scene scene = new Scene(root, 560, d.files() != null || d.landed() != null ? 460 : 220);
        if (owner != null) {
            window.initOwner(owner);
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        window.setTitle("Edge: " + d.from() + " \u2192 " + d.to());
        window.setScene(scene);
        window.show();
        return window;
    }

    /** The files the last build found in the layer this COPY made: mode, size, path; then the total. */
    private static VBox landed(BuildReport.EdgeReport landed) {
        Label heading = new Label("Landed in the stage's image, read from the layer this COPY made:");
        heading.getStyleClass().add("details-heading");
        VBox box = new VBox(4, heading);
        if (landed.problem() != null) {
            Label problem = new Label("Files unknown: " + landed.problem());
            problem.getStyleClass().add("details-note");
            problem.setWrapText(true);
            box.getChildren().add(problem);
        }
        ListView<String> files = new ListView<>();
        files.setId("landed-files");
        files.getStyleClass().add("landed-files");
        for (LandedFile f : landed.files()) {
            files.getItems().add(BuildTexts.landedFile(f));
        }
        Label total = new Label("Total: " + BuildTexts.landed(landed)
                + String.format(Locale.ROOT, " (%,d bytes)", landed.bytes()));
        total.setId("landed-files-total");
        VBox.setVgrow(files, Priority.ALWAYS);
        box.getChildren().addAll(files, total);
        return box;
    }
}
