/**
 * The build history: every build's record (the Dockerfile text and its hash, build args, target,
 * builder, engine, time, success or failure, and the full {@code BuildReport}) kept in one SQLite
 * file per project under the user's data folder, listed newest first with the change in final size,
 * and reopened exactly as it was. A damaged, locked or unwritable database is a sentence, never an
 * exception, and never loses the build in hand. Uses the JDK's {@code java.sql} with sqlite-jdbc, the
 * engine's report types and {@code userdata}'s data folder; no JavaFX, no docker-java (decision 0012).
 */
package dev.stagecraft.history;
