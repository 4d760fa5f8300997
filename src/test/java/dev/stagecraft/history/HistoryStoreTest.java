package dev.stagecraft.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.stagecraft.engine.BuilderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:15:30.123456789Z");

    @TempDir
    Path data;

    @Test
    void aRecordLoadsBackWithEveryFieldEqual() {
        BuildRecord record = SampleBuilds.succeeded(T0, 7_000_000);
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            long id = store.record(record);
            assertTrue(id > 0);
            BuildRecord loaded = store.load(id).orElseThrow();
            assertEquals(record.withId(id), loaded);
            assertEquals(List.of("VERSION", "ALPHA"), new ArrayList<>(loaded.buildArgs().keySet()), "the args keep their order");
            assertEquals(Optional.empty(), store.problem());
        }
        try (HistoryStore reopened = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            assertEquals(record.withId(1), reopened.load(1).orElseThrow(), "a new session reads what the last one wrote");
        }
    }

    @Test
    void textThatJsonCannotCarryLiterallyStillRoundTrips() {
        String text = "FROM a\tb\u0000\u0001 \\ \" \uD83D\uDC33 lone \uD800 end\r\n";
        BuildRecord record = BuildRecord.succeeded(SampleBuilds.DOCKERFILE, text, Map.of("K", "\u001b[31m"), null, "engine",
                T0, SampleBuilds.report(1, 0));
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            BuildRecord loaded = store.load(store.record(record)).orElseThrow();
            assertEquals(text, loaded.dockerfileText());
            assertEquals(record.withId(loaded.id()), loaded);
        }
    }

    @Test
    void aFailedBuildIsStoredAndListedWithoutASize() {
        BuildRecord failed = SampleBuilds.failed(T0);
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            long id = store.record(failed);
            BuildRecord loaded = store.load(id).orElseThrow();
            assertEquals(failed.withId(id), loaded);
            assertNull(loaded.report());
            assertEquals(5, loaded.failedLine());
            BuildSummary summary = store.list().get(0);
            assertFalse(summary.succeeded());
            assertNull(summary.finalSizeBytes());
            assertNull(summary.finalImageId());
            assertNull(summary.sizeChangeBytes());
            assertEquals(failed.textSha256(), summary.textSha256());
        }
    }

    @Test
    void theListIsNewestFirstWithTheChangeAgainstThePreviousSuccessfulBuild() {
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            // Recorded out of time order: the list orders by start time, not by id.
            long second = store.record(SampleBuilds.failed(T0.plusSeconds(60)));
            long first = store.record(SampleBuilds.succeeded(T0, 1_000));
            long third = store.record(SampleBuilds.succeeded(T0.plusSeconds(120), 800));
            long fourth = store.record(SampleBuilds.succeeded(T0.plusSeconds(180), 950));
            List<BuildSummary> list = store.list();
            assertEquals(List.of(fourth, third, second, first), list.stream().map(BuildSummary::id).toList());
            assertEquals(150L, list.get(0).sizeChangeBytes());
            assertEquals(-200L, list.get(1).sizeChangeBytes(), "against the last success, across the failure");
            assertNull(list.get(2).sizeChangeBytes());
            assertNull(list.get(3).sizeChangeBytes(), "the first build has nothing to compare with");
            assertEquals(950L, list.get(0).finalSizeBytes());
            assertEquals("sha256:bbb", list.get(0).finalImageId());
            assertEquals("runtime", list.get(0).target());
            assertEquals(T0, list.get(3).startedAt());
            assertEquals(BuilderKind.CLASSIC, list.get(2).builder());
        }
    }

    @Test
    void aDatabaseMadeByTheFirstSchemaStepIsMigratedWithItsRowsKept() throws Exception {
        Path file = HistoryFolders.databaseFile(data, SampleBuilds.DOCKERFILE);
        Files.createDirectories(file.getParent());
        BuildRecord old = SampleBuilds.succeeded(T0, 4_242);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Schema.migrate(c, 1);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO project VALUES ('dockerfile', '" + SampleBuilds.DOCKERFILE + "')");
                s.execute("INSERT INTO builds (started_sec, started_nano, succeeded, final_size, text_sha256, target, builder)"
                        + " VALUES (" + T0.getEpochSecond() + ", " + T0.getNano() + ", 1, 4242, '" + old.textSha256()
                        + "', 'runtime', 'buildkit')");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO build_records VALUES (1, 1, ?)")) {
                s.setBytes(1, RecordJson.encode(old));
                s.executeUpdate();
            }
            assertEquals(1, Schema.version(c));
        }
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            assertEquals(Optional.empty(), store.problem());
            BuildSummary summary = store.list().get(0);
            assertEquals(1, summary.id());
            assertEquals(4_242L, summary.finalSizeBytes());
            assertEquals("sha256:bbb", summary.finalImageId(), "step 2 filled the new column from the stored record");
            assertEquals(old.withId(1), store.load(1).orElseThrow());
            assertTrue(store.record(SampleBuilds.failed(T0.plusSeconds(1))) > 1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(Schema.latest(), Schema.version(c));
        }
    }

    @Test
    void twoStoresOnOneFileWritingAtOnceLoseNothing() throws Exception {
        int perWriter = 100;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (HistoryStore a = HistoryStore.open(data, SampleBuilds.DOCKERFILE);
             HistoryStore b = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            List<Future<List<Long>>> writers = new ArrayList<>();
            for (HistoryStore store : List.of(a, b)) {
                int offset = store == a ? 0 : perWriter;
                Callable<List<Long>> writer = () -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < perWriter; i++) {
                        ids.add(store.record(SampleBuilds.succeeded(T0.plusSeconds(offset + i), 1_000 + offset + i)));
                    }
                    return ids;
                };
                writers.add(threads.submit(writer));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<List<Long>> writer : writers) {
                ids.addAll(writer.get());
            }
            assertEquals(2 * perWriter, ids.size());
            assertTrue(ids.stream().allMatch(id -> id > 0), "every build reached the database");
            assertEquals(Optional.empty(), a.problem());
            assertEquals(Optional.empty(), b.problem());
            assertEquals(ids, Set.copyOf(a.list().stream().map(BuildSummary::id).toList()));
            assertEquals(2 * perWriter, b.list().size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFileOfGarbageIsSetAsideAndANewHistoryStarted() throws Exception {
        Path file = HistoryFolders.databaseFile(data, SampleBuilds.DOCKERFILE);
        Files.createDirectories(file.getParent());
        byte[] garbage = new byte[5000];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            assertTrue(store.problem().orElseThrow().contains("set aside as " + file.getFileName() + ".corrupt-"), store.problem().get());
            long id = store.record(SampleBuilds.succeeded(T0, 10));
            assertTrue(id > 0, "the new history takes the build");
            assertEquals(1, store.list().size());
        }
        List<Path> aside = asideFiles(file);
        assertEquals(1, aside.size());
        assertArrayEquals(garbage, Files.readAllBytes(aside.get(0)), "the damaged file is kept as it was");
    }

    @Test
    void aTruncatedDatabaseIsSetAside() throws Exception {
        Path file;
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            file = store.file();
            for (int i = 0; i < 20; i++) {
                store.record(SampleBuilds.succeeded(T0.plusSeconds(i), i));
            }
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            assertTrue(store.problem().orElseThrow().contains("cut short"), store.problem().get());
            assertTrue(store.list().isEmpty());
            assertTrue(store.record(SampleBuilds.failed(T0)) > 0);
        }
        assertEquals(1, asideFiles(file).size());
    }

    @Test
    void aDatabaseDamagedInsideIsSetAsideWhenReadAndTheBuildInHandIsKept() throws Exception {
        Path file;
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            file = store.file();
            store.record(SampleBuilds.succeeded(T0, 1));
        }
        // Scribble over every page but the first: the header still looks sound, the tables do not.
        byte[] bytes = Files.readAllBytes(file);
        int pageSize = ((bytes[16] & 0xff) << 8) | (bytes[17] & 0xff);
        Arrays.fill(bytes, pageSize, bytes.length, (byte) 0x5a);
        Files.write(file, bytes);
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            BuildRecord inHand = SampleBuilds.succeeded(T0.plusSeconds(5), 2);
            long id = store.record(inHand);
            assertEquals(inHand.withId(id), store.load(id).orElseThrow());
            assertTrue(store.problem().orElseThrow().contains("set aside"), store.problem().get());
            assertEquals(List.of(id), store.list().stream().map(BuildSummary::id).toList());
        }
        assertEquals(1, asideFiles(file).size());
    }

    @Test
    void aDatabaseLockedByAnotherWriterKeepsTheBuildForTheSession() throws Exception {
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE, Duration.ofMillis(200))) {
            long stored = store.record(SampleBuilds.succeeded(T0, 100));
            BuildRecord inHand = SampleBuilds.succeeded(T0.plusSeconds(1), 90);
            long kept;
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                 Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                s.execute("INSERT INTO project VALUES ('other-window', 'busy')");
                kept = store.record(inHand);
                assertTrue(kept < 0, "kept in memory");
                assertTrue(store.problem().orElseThrow().contains("locked by another Stagecraft window"), store.problem().get());
                assertEquals(List.of(kept, stored), store.list().stream().map(BuildSummary::id).toList(), "readers are not blocked");
                assertEquals(-10L, store.list().get(0).sizeChangeBytes());
                s.execute("ROLLBACK");
            }
            assertEquals(inHand.withId(kept), store.load(kept).orElseThrow());
            assertTrue(store.record(SampleBuilds.failed(T0.plusSeconds(2))) > 0, "the next build reaches the file again");
            assertEquals(3, store.list().size());
        }
    }

    @Test
    void aFolderThatCannotBeCreatedKeepsBuildsInMemory() throws Exception {
        Path regularFile = Files.writeString(data.resolve("not-a-folder"), "x");
        try (HistoryStore store = HistoryStore.open(regularFile.resolve("data"), SampleBuilds.DOCKERFILE)) {
            assertTrue(store.problem().orElseThrow().contains("cannot be created"), store.problem().get());
            BuildRecord record = SampleBuilds.succeeded(T0, 5);
            long id = store.record(record);
            long failed = store.record(SampleBuilds.failed(T0.plusSeconds(1)));
            assertTrue(id < 0 && failed < 0 && id != failed);
            assertEquals(List.of(failed, id), store.list().stream().map(BuildSummary::id).toList());
            assertEquals(record.withId(id), store.load(id).orElseThrow());
        }
    }

    @Test
    void aReadOnlyFolderKeepsBuildsInMemory() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes into read-only folders, so nothing would fail");
        Path history = Files.createDirectories(data.resolve("history"));
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("r-xr-xr-x"));
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            assertTrue(store.problem().isPresent());
            long id = store.record(SampleBuilds.succeeded(T0, 5));
            assertTrue(id < 0);
            assertEquals(1, store.list().size());
        } finally {
            Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aRowWrittenWrongIsLeftOutAndTheOthersListed() throws Exception {
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            long good = store.record(SampleBuilds.succeeded(T0, 5));
            long bad = store.record(SampleBuilds.succeeded(T0.plusSeconds(1), 6));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file()); Statement s = c.createStatement()) {
                s.execute("UPDATE builds SET builder = 'kaniko' WHERE id = " + bad);
            }
            assertEquals(List.of(good), store.list().stream().map(BuildSummary::id).toList());
            assertTrue(store.problem().orElseThrow().contains("Build " + bad), store.problem().get());
        }
    }

    @Test
    void aDatabaseFromANewerStagecraftIsLeftAlone() throws Exception {
        Path file = HistoryFolders.databaseFile(data, SampleBuilds.DOCKERFILE);
        Files.createDirectories(file.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        try (HistoryStore store = HistoryStore.open(data, SampleBuilds.DOCKERFILE)) {
            assertTrue(store.problem().orElseThrow().contains("newer Stagecraft"), store.problem().get());
            assertTrue(store.record(SampleBuilds.succeeded(T0, 5)) < 0);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(99, Schema.version(c));
        }
        assertTrue(asideFiles(file).isEmpty());
    }

    @Test
    void eachProjectHasItsOwnFileAndSeesOnlyItsBuilds() {
        Path other = SampleBuilds.DOCKERFILE.resolveSibling("other.Dockerfile");
        try (HistoryStore a = HistoryStore.open(data, SampleBuilds.DOCKERFILE);
             HistoryStore sameViaDots = HistoryStore.open(data, SampleBuilds.DOCKERFILE.getParent().resolve("./x/../Dockerfile"));
             HistoryStore b = HistoryStore.open(data, other)) {
            a.record(SampleBuilds.succeeded(T0, 5));
            assertEquals(a.file(), sameViaDots.file());
            assertEquals(1, sameViaDots.list().size());
            assertTrue(b.list().isEmpty());
            assertFalse(a.file().equals(b.file()));
        }
    }

    private static List<Path> asideFiles(Path file) throws Exception {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".corrupt-")).toList();
        }
    }
}
