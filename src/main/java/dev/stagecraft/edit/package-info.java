/**
 * Edits the editor offers on a Dockerfile: quick fixes for diagnostics, completion of stage names
 * and keywords, and renaming a stage with every reference to it. Each is computed from an
 * {@link dev.stagecraft.stage.Analysis} as a list of {@link dev.stagecraft.edit.TextEdit}s, so the
 * editor only applies text. Depends on {@code syntax}, {@code instruction}, {@code stage} and the
 * JDK; never on JavaFX.
 */
package dev.stagecraft.edit;
