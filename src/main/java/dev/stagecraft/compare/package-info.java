/**
 * The comparison of two builds, for a pull request or the terminal: final sizes and their change,
 * stages paired side by side, layers matched by instruction like a diff, the files that differ on
 * each COPY --from edge and in the final image, and the files B left behind compared with A; with
 * Markdown and plain-text reports. Works on {@link dev.stagecraft.engine.build.BuildReport}s and the
 * Dockerfile texts; depends on the core ({@code stage}, {@code syntax}, {@code context}) and the
 * engine's plain values. No JavaFX, no docker-java, no front end.
 */
package dev.stagecraft.compare;
