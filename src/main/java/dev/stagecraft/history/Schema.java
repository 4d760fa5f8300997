package dev.stagecraft.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history database's tables and their versions. The version is SQLite's {@code user_version};
 * each {@link Step} brings a database from the version before it to its own, in order, so a file
 * written by any earlier Stagecraft is brought up to date with its rows kept. Steps are only ever
 * appended: a released step never changes.
 */
final class Schema {
    /** One migration: what it adds, and the SQL (or Java, for data) that adds it. */
    record Step(int version, String adds, Work work) {
    }

    /** The body of a step; it runs inside the caller's write transaction. */
    @FunctionalInterface
    interface Work {
        void apply(Connection connection) throws SQLException;
    }

    static final List<Step> STEPS = List.of(
            new Step(1, "the project's path, one row per build with what the list shows, and each build's full record",
                    c -> execute(c,
                            "CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                            // AUTOINCREMENT: an id is never reused, so an id a window still holds never names another build.
                            "CREATE TABLE builds (id INTEGER PRIMARY KEY AUTOINCREMENT, started_sec INTEGER NOT NULL,"
                                    + " started_nano INTEGER NOT NULL, succeeded INTEGER NOT NULL, final_size INTEGER,"
                                    + " text_sha256 TEXT NOT NULL, target TEXT, builder TEXT NOT NULL)",
                            "CREATE TABLE build_records (build_id INTEGER PRIMARY KEY REFERENCES builds(id),"
                                    + " format INTEGER NOT NULL, document BLOB NOT NULL)")),
            new Step(2, "the final image's id in the list (filled in from each stored record), and builds indexed by time",
                    c -> {
                        execute(c, "ALTER TABLE builds ADD COLUMN final_image_id TEXT",
                                "CREATE INDEX builds_by_time ON builds (started_sec, started_nano, id)");
                        fillFinalImageIds(c);
                    }));

    private Schema() {
    }

    /** The version this code writes. */
    static int latest() {
        return STEPS.get(STEPS.size() - 1).version();
    }

    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Applies the steps after the database's version up to {@code upTo} (tests stop early to make an
     * old file). The caller holds the write transaction, so two windows never migrate at once.
     */
    static void migrate(Connection connection, int upTo) throws SQLException {
        int from = version(connection);
        for (Step step : STEPS) {
            if (step.version() > from && step.version() <= upTo) {
                step.work().apply(connection);
                execute(connection, "PRAGMA user_version = " + step.version());
            }
        }
    }

    private static void fillFinalImageIds(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT build_id, format, document FROM build_records");
             PreparedStatement update = c.prepareStatement("UPDATE builds SET final_image_id = ? WHERE id = ?")) {
            while (rs.next()) {
                String imageId;
                try {
                    BuildRecord record = RecordDocument.decode(rs.getLong(1), rs.getInt(2), rs.getBytes(3));
                    imageId = record.report() == null ? null : record.report().finalImageId();
                } catch (RuntimeException unreadable) {
                    // One unreadable record must not stop the others from being migrated; its id stays unknown.
                    continue;
                }
                update.setString(1, imageId);
                update.setLong(2, rs.getLong(1));
                update.executeUpdate();
            }
        }
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
