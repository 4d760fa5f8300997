package dev.stagecraft.history;

import dev.stagecraft.engine.BuilderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * The build history of one project (one Dockerfile path), in one SQLite file under the data folder
 * (see {@link HistoryFolders}). Two windows are two processes; both may hold the same file open and
 * write to it: the database runs in WAL mode, each write takes the write lock up front
 * ({@code BEGIN IMMEDIATE}) and waits for the other writer up to a busy timeout (decision 0012).
 *
 * <p>No method throws because of the database. A damaged file is renamed aside
 * ({@code <name>.corrupt-<time>}) and a new one started; a database still locked after the timeout, a
 * folder that cannot be written, or a file made by a newer Stagecraft leaves the build in this store's
 * memory instead (under a negative id), where {@link #list()} and {@link #load(long)} still find it for
 * the rest of the session. {@link #problem()} says what happened, in a sentence for the user.
 *
 * <p>Calls block on the file (up to the busy timeout), so windows call them off the FX thread. One
 * store may be shared by threads; its methods take turns.
 */
public final class HistoryStore implements AutoCloseable {
    /** How long a write waits for another window's write before the build is kept in memory instead. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

    private final Path file;
    private final Path project;
    private final Duration busyTimeout;
    private final Set<String> problems = new LinkedHashSet<>();
    private final List<BuildRecord> sessionOnly = new ArrayList<>();
    private Connection db;

    private HistoryStore(Path file, Path project, Duration busyTimeout) {
        this.file = file;
        this.project = project;
        this.busyTimeout = busyTimeout;
    }

    /** The history of {@code dockerfile} under {@code dataFolder}, created when there is none. Never throws. */
    public static HistoryStore open(Path dataFolder, Path dockerfile) {
        return open(dataFolder, dockerfile, BUSY_TIMEOUT);
    }

    static HistoryStore open(Path dataFolder, Path dockerfile, Duration busyTimeout) {
        // A connection's settings are made on a second thread while this one names and checks the file.
        DriverStart.begin();
        HistoryStore store = new HistoryStore(HistoryFolders.databaseFile(dataFolder, dockerfile),
                HistoryFolders.projectPath(dockerfile), busyTimeout);
        NativeLibraryCache.prepare(dataFolder);
        store.connect();
        return store;
    }

    /** The database file this store uses (it may not exist when {@link #problem()} says why). */
    public Path file() {
        return file;
    }

    /**
     * Stores {@code record} and returns its id: positive when it is in the database, negative when it is
     * kept in memory for this session only (then {@link #problem()} says why).
     */
    public synchronized long record(BuildRecord record) {
        BuildRecord own = record.withId(0);
        if (db != null) {
            try {
                return insert(own);
            } catch (SQLException e) {
                if (isDamage(e) && setAside(describe(e))) {
                    try {
                        return insert(own);
                    } catch (SQLException again) {
                        writeFailed(again);
                    }
                } else {
                    writeFailed(e);
                }
            } catch (RuntimeException e) {
                problems.add("A build could not be written to the history (" + e.getMessage() + "); it is kept for this session only.");
            }
        }
        long id = -(sessionOnly.size() + 1L);
        sessionOnly.add(own.withId(id));
        return id;
    }

    /** Every build of this project, newest first, each with the change in final size against the successful build before it. */
    public synchronized List<BuildSummary> list() {
        List<Row> rows = new ArrayList<>();
        if (db != null) {
            try {
                rows.addAll(storedRows());
            } catch (SQLException e) {
                if (isDamage(e) && setAside(describe(e))) {
                    rows.clear();
                } else {
                    problems.add("The history could not be read (" + describe(e) + "); only this session's builds are shown.");
                }
            } catch (RuntimeException e) {
                problems.add("The history could not be read (" + e.getMessage() + "); only this session's builds are shown.");
            }
        }
        for (BuildRecord r : sessionOnly) {
            rows.add(new Row(r.id(), r.startedAt(), r.succeeded(), r.finalSizeBytes(),
                    r.report() == null ? null : r.report().finalImageId(), r.textSha256(), r.target(), r.builder()));
        }
        rows.sort(Comparator.comparing(Row::startedAt).thenComparingLong(Row::id));
        List<BuildSummary> summaries = new ArrayList<>(rows.size());
        Long previous = null;
        for (Row row : rows) {
            Long change = row.finalSize() != null && previous != null ? row.finalSize() - previous : null;
            summaries.add(new BuildSummary(row.id(), row.startedAt(), row.succeeded(), row.finalSize(), row.finalImageId(),
                    row.sha256(), row.target(), row.builder(), change));
            if (row.finalSize() != null) {
                previous = row.finalSize();
            }
        }
        Collections.reverse(summaries);
        return summaries;
    }

    /** The build stored under {@code id}, exactly as it was recorded; empty when there is none or it cannot be read. */
    public synchronized Optional<BuildRecord> load(long id) {
        if (id < 0) {
            return sessionOnly.stream().filter(r -> r.id() == id).findFirst();
        }
        if (db == null || id == 0) {
            return Optional.empty();
        }
        try (PreparedStatement s = db.prepareStatement("SELECT format, document FROM build_records WHERE build_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(RecordDocument.decode(id, rs.getInt(1), rs.getBytes(2)));
            }
        } catch (SQLException e) {
            if (isDamage(e)) {
                setAside(describe(e));
            } else {
                problems.add("Build " + id + " could not be read from the history (" + describe(e) + ").");
            }
        } catch (RuntimeException e) {
            problems.add("Build " + id + " in the history could not be read (" + e.getMessage() + ").");
        }
        return Optional.empty();
    }

    /** What went wrong with the history file in this session, in sentences for the user; empty when nothing did. */
    public synchronized Optional<String> problem() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems));
    }

    @Override
    public synchronized void close() {
        disconnect();
    }

    private void connect() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException | SecurityException e) {
            problems.add("The history folder " + file.getParent() + " cannot be created (" + reason(e)
                    + "); builds are kept for this session only.");
            return;
        }
        try {
            Optional<String> damage = FileDamage.of(file);
            if (damage.isPresent()) {
                setAside(damage.get());
                return;
            }
        } catch (IOException e) {
            problems.add("The history file " + file + " cannot be read (" + reason(e) + "); builds are kept for this session only.");
            return;
        }
        try {
            db = prepared();
        } catch (SQLException e) {
            if (isDamage(e)) {
                setAside(describe(e));
            } else {
                openFailed(e);
            }
        }
    }

    /** A connection to a database at the latest version that belongs to this project. */
    private Connection prepared() throws SQLException {
        loadNativeLibrary();
        DriverStart.await();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        try {
            inWriteTransaction(c, tx -> {
                int version = Schema.version(tx);
                if (version > Schema.latest()) {
                    throw new NewerFileException(version);
                }
                Schema.migrate(tx, Schema.latest());
                try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO project (key, value) VALUES ('dockerfile', ?)")) {
                    s.setString(1, project.toString());
                    s.executeUpdate();
                }
            });
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT value FROM project WHERE key = 'dockerfile'")) {
                String owner = rs.next() ? rs.getString(1) : null;
                if (!project.toString().equals(owner)) {
                    throw new ForeignFileException(owner);
                }
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** sqlite-jdbc's loader and native library, on this thread while {@link DriverStart} makes the settings. */
    private static void loadNativeLibrary() {
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            // The connection made next tries again and reports what fails, in sqlite-jdbc's words.
        }
    }

    private long insert(BuildRecord record) throws SQLException {
        byte[] document = RecordDocument.encode(record);
        long[] id = new long[1];
        inWriteTransaction(db, tx -> {
            try (PreparedStatement s = db.prepareStatement("INSERT INTO builds (started_sec, started_nano, succeeded, final_size,"
                    + " final_image_id, text_sha256, target, builder) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, record.startedAt().getEpochSecond());
                s.setInt(2, record.startedAt().getNano());
                s.setInt(3, record.succeeded() ? 1 : 0);
                s.setObject(4, record.finalSizeBytes());
                s.setString(5, record.report() == null ? null : record.report().finalImageId());
                s.setString(6, record.textSha256());
                s.setString(7, record.target());
                s.setString(8, record.builder().id());
                s.executeUpdate();
            }
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                id[0] = rs.getLong(1);
            }
            try (PreparedStatement s = db.prepareStatement("INSERT INTO build_records (build_id, format, document) VALUES (?, ?, ?)")) {
                s.setLong(1, id[0]);
                s.setInt(2, RecordDocument.FORMAT);
                s.setBytes(3, document);
                s.executeUpdate();
            }
        });
        return id[0];
    }

    private List<Row> storedRows() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id, started_sec, started_nano, succeeded,"
                + " final_size, final_image_id, text_sha256, target, builder FROM builds")) {
            while (rs.next()) {
                long size = rs.getLong(5);
                Long finalSize = rs.wasNull() ? null : size;
                boolean succeeded = rs.getInt(4) != 0;
                try {
                    if (succeeded != (finalSize != null)) {
                        throw new IllegalArgumentException("a final size must be stored exactly when the build succeeded");
                    }
                    rows.add(new Row(rs.getLong(1), Instant.ofEpochSecond(rs.getLong(2), rs.getInt(3)), succeeded, finalSize,
                            rs.getString(6), rs.getString(7), rs.getString(8), BuilderKind.fromId(rs.getString(9))));
                } catch (RuntimeException badRow) {
                    // One row written wrong (by hand, or by a bug) must not hide the others.
                    problems.add("Build " + rs.getLong(1) + " in the history could not be read (" + badRow.getMessage() + ").");
                }
            }
        }
        return rows;
    }

    /**
     * Runs {@code work} holding the write lock from the start: a deferred transaction that reads and then
     * writes can fail at once when another window wrote in between, without waiting for the busy timeout.
     */
    private static void inWriteTransaction(Connection c, Schema.Work work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                work.apply(c);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException alreadyRolledBack) {
                    e.addSuppressed(alreadyRolledBack);
                }
                throw e;
            }
        }
    }

    /**
     * Renames the damaged file (and its WAL and shared-memory files, which a new database must not
     * replay) aside, and starts a new database. Returns whether the new database is open.
     */
    private boolean setAside(String damage) {
        disconnect();
        String name = file.getFileName().toString();
        // Made here, not in a constant: a formatter's set-up is a few ms of every fresh open, for a rare path.
        DateTimeFormatter asideTime = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        String tag = ".corrupt-" + asideTime.format(Instant.now());
        for (int n = 2; Files.exists(file.resolveSibling(name + tag)); n++) {
            tag = ".corrupt-" + asideTime.format(Instant.now()) + "-" + n;
        }
        Path aside = file.resolveSibling(name + tag);
        try {
            Files.move(file, aside);
            for (String companion : List.of("-wal", "-shm")) {
                Path side = file.resolveSibling(name + companion);
                if (Files.exists(side)) {
                    Files.move(side, file.resolveSibling(name + companion + tag));
                }
            }
        } catch (IOException e) {
            problems.add("The history file " + file + " is damaged (" + damage + ") and could not be set aside (" + reason(e)
                    + "); builds are kept for this session only.");
            return false;
        }
        problems.add("The history file was damaged (" + damage + "); it was set aside as " + aside.getFileName()
                + " and a new history was started.");
        try {
            db = prepared();
            return true;
        } catch (SQLException e) {
            openFailed(e);
            return false;
        }
    }

    private void openFailed(SQLException e) {
        if (e instanceof NewerFileException || e instanceof ForeignFileException) {
            problems.add(e.getMessage() + "; builds are kept for this session only.");
        } else if (isBusy(e)) {
            problems.add("The history is locked by another Stagecraft window; builds are kept for this session only.");
        } else {
            problems.add("The history file " + file + " cannot be opened (" + describe(e) + "); builds are kept for this session only.");
        }
    }

    private void writeFailed(SQLException e) {
        if (isBusy(e)) {
            problems.add("The history was locked by another Stagecraft window for more than " + waited()
                    + "; this build is kept for this session only.");
        } else {
            problems.add("The history file " + file + " cannot be written (" + describe(e)
                    + "); this build is kept for this session only.");
        }
    }

    private String waited() {
        return busyTimeout.toMillis() < 1000 ? busyTimeout.toMillis() + " ms" : busyTimeout.toSeconds() + " s";
    }

    private void disconnect() {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // Closing a connection to a damaged or vanished file: nothing is left to release.
            }
            db = null;
        }
    }

    private static boolean isDamage(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == 11 || code == 26; // SQLITE_CORRUPT, SQLITE_NOTADB
    }

    private static boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == 5 || code == 6; // SQLITE_BUSY, SQLITE_LOCKED
    }

    private static String describe(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == 11) {
            return "its pages are damaged";
        } else if (code == 26) {
            return "it is not a SQLite database";
        } else if (code == 14) {
            return "no permission to create or open it there";
        } else if (code == 8) {
            return "it is read-only";
        } else if (code == 13) {
            return "the disk is full";
        } else if (code == 10) {
            return "the disk reported an error";
        }
        String message = e.getMessage() == null ? "error " + e.getErrorCode() : e.getMessage();
        // sqlite-jdbc writes "[SQLITE_READONLY] Attempt to write a readonly database (...)": keep the words.
        return message.replaceFirst("^\\[[A-Z_]+\\]\\s*", "");
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** What one list row needs, from the database or from this session's memory. */
    private record Row(long id, Instant startedAt, boolean succeeded, Long finalSize, String finalImageId, String sha256,
                       String target, BuilderKind builder) {
    }

    /** A database whose version is newer than this code knows: written by a newer Stagecraft, left as it is. */
    private static final class NewerFileException extends SQLException {
        NewerFileException(int version) {
            super("The history was written by a newer Stagecraft (schema " + version + ", this one knows " + Schema.latest() + ")");
        }
    }

    /** A database that names another Dockerfile (two paths whose hashes begin alike): left as it is. */
    private static final class ForeignFileException extends SQLException {
        ForeignFileException(String owner) {
            super("The history file belongs to " + owner + ", not to this Dockerfile");
        }
    }
}
