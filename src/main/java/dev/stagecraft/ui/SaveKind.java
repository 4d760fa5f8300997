package dev.stagecraft.ui;

import java.util.Objects;

/**
 * What a save dialog saves, so that it says so: its title, and the kind of file it offers
 * ({@code description} and {@code extension}, both null for a Dockerfile, which has no extension).
 * One {@link FilePicker} serves the editor and the comparison window, whose dialogs must not all say
 * "Save Dockerfile as".
 */
public record SaveKind(String title, String description, String extension) {
    /** The editor's text. */
    public static final SaveKind DOCKERFILE = new SaveKind("Save Dockerfile as", null, null);
    /** A comparison's report. */
    public static final SaveKind MARKDOWN_REPORT = new SaveKind("Save comparison report as Markdown", "Markdown report", "md");
    /** A comparison's chart. */
    public static final SaveKind PNG_CHART = new SaveKind("Save comparison chart as PNG", "PNG image", "png");

    public SaveKind {
        Objects.requireNonNull(title, "title");
        if ((description == null) != (extension == null)) {
            throw new IllegalArgumentException("a kind of file has both a description and an extension, or neither");
        }
        if (extension != null && (extension.isEmpty() || extension.startsWith("."))) {
            throw new IllegalArgumentException("an extension without its dot: " + extension);
        }
    }

    /** The file-name pattern of the dialog's filter ({@code *.md}), or null when it has none. */
    public String pattern() {
        return extension == null ? null : "*." + extension;
    }
}
