package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import org.junit.jupiter.api.Test;

class FilePickerTest {
    @Test
    void theReportsSaveDialogSaysItSavesAMarkdownReportAndFiltersMdFiles() {
        FileChooser chooser = FilePicker.saveChooser(SaveKind.MARKDOWN_REPORT, Path.of("/nowhere/comparison.md"));
        assertEquals("Save comparison report as Markdown", chooser.getTitle());
        assertEquals("comparison.md", chooser.getInitialFileName());
        assertEquals(1, chooser.getExtensionFilters().size());
        assertEquals(List.of("*.md"), chooser.getSelectedExtensionFilter().getExtensions());
        assertEquals("Markdown report (*.md)", chooser.getSelectedExtensionFilter().getDescription());
    }

    @Test
    void theChartsSaveDialogSaysItSavesAPngChartAndFiltersPngFiles() {
        FileChooser chooser = FilePicker.saveChooser(SaveKind.PNG_CHART, null);
        assertEquals("Save comparison chart as PNG", chooser.getTitle());
        assertEquals("untitled.png", chooser.getInitialFileName());
        assertEquals(List.of("*.png"), chooser.getSelectedExtensionFilter().getExtensions());
    }

    @Test
    void theDockerfilesSaveDialogKeepsItsTitleAndFiltersNothing() {
        FileChooser chooser = FilePicker.saveChooser(SaveKind.DOCKERFILE, null);
        assertEquals("Save Dockerfile as", chooser.getTitle());
        assertEquals("Dockerfile", chooser.getInitialFileName());
        assertTrue(chooser.getExtensionFilters().isEmpty());
    }
}
