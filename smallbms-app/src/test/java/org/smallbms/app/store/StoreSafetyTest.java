package org.smallbms.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.core.bms.Bms;

/** The store against a second process, other users on the machine, old files and a cache folder. */
class StoreSafetyTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    /** A PIN an old store kept in clear: distinctive, so a byte search for it finds nothing else. */
    private static final String OLD_PIN = "731946";
    /** Victron style: HQ, the year and week of manufacture, five characters. */
    private static final String SERIAL = "HQ[0-9]{4}[A-Z0-9]{5}";

    @TempDir
    Path dir;

    @Test
    @DisplayName("one process per data directory: a second open is refused naming the holder, and the directory is "
            + "free again once the first closes")
    void open_whileOpen_refusedNamingTheHolder() throws Exception {
        try (Store first = Store.open(dir, T0, "smallbms run")) {
            assertThatThrownBy(() -> Store.open(dir, T0, "smallbms run"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("in use by another smallbms")
                    .hasMessageContaining("process " + ProcessHandle.current().pid())
                    .hasMessageContaining("smallbms run")
                    .hasMessageContaining("--data");
            assertThat(first.identity().serial()).matches(SERIAL);
        }
        try (Store again = Store.open(dir, T0)) {
            assertThat(again.load()).isEmpty();
        }
    }

    @Test
    @DisplayName("the PIN hash and the readout key are only the owner's: a new data directory is 0700, the "
            + "database and its journals 0600")
    void open_newDirectory_ownerOnlyPermissions() throws Exception {
        Path data = dir.resolve("data");
        try (Store store = Store.open(data, T0)) {
            store.save(Optional.of(new Store.Saved(Bms.initial().persisted(), T0)), List.of());
            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            for (String name : List.of(Store.FILE_NAME, Store.FILE_NAME + "-wal", Store.FILE_NAME + "-shm",
                    DirectoryLock.FILE_NAME)) {
                assertThat(data.resolve(name)).exists();
                assertThat(Files.getPosixFilePermissions(data.resolve(name))).as(name)
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    @Test
    @DisplayName("an existing database readable by others is made the owner's when opened")
    void open_worldReadableStore_madeOwnerOnly() throws Exception {
        try (Store store = Store.open(dir, T0)) {
            assertThat(store.identity().serial()).matches(SERIAL);
        }
        Path file = dir.resolve(Store.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (Store store = Store.open(dir, T0)) {
            assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(
                    PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** A store as the version before SET-01's revision left it: the PIN in the document and in an event. */
    private void oldStore(String pin) throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                    + "applied_at TEXT NOT NULL)");
            s.execute("PRAGMA application_id = " + Store.APPLICATION_ID);
            Migration first = Migration.ALL.get(0);
            for (String statement : first.statements()) {
                s.execute(statement);
            }
            s.execute("INSERT INTO schema_migration VALUES (1, 'v1', '2026-01-01T00:00:00Z')");
            DeviceIdentity identity = DeviceIdentity.create(new SecureRandom(), T0, pin);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO device VALUES (1, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, identity.serial());
                p.setBytes(2, identity.readoutKey());
                p.setBytes(3, identity.pin().salt());
                p.setInt(4, identity.pin().iterations());
                p.setBytes(5, identity.pin().hash());
                p.setString(6, T0.toString());
                p.executeUpdate();
            }
            String document = StateDocument.write(Bms.initial().persisted());
            document = document.replace("\"instantReadout\":", "\"pin\":" + Integer.parseInt(pin)
                    + ",\"instantReadout\":");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO state VALUES (1, 1, ?, ?)")) {
                p.setLong(1, T0.toEpochMilli());
                p.setString(2, document);
                p.executeUpdate();
            }
            s.execute("INSERT INTO event (at_ms, kind, name, value, cause) VALUES (" + T0.toEpochMilli()
                    + ", 'command', 'pin', '" + pin + "', 'set by the user (was 000000)')");
        }
    }

    private String text(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            StringBuilder all = new StringBuilder();
            while (rs.next()) {
                all.append(rs.getString(1)).append('\n');
            }
            return all.toString();
        }
    }

    private String fileBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String suffix : List.of("", "-wal")) {
            Path file = dir.resolve(Store.FILE_NAME + suffix);
            if (Files.exists(file)) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    @DisplayName("SET-01 an old store's clear PIN leaves the state document, the event log and the file's free "
            + "pages; its hash still checks the PIN")
    void open_oldStoreWithClearPin_migratedAndScrubbed() throws Exception {
        oldStore(OLD_PIN);
        assertThat(fileBytes()).as("the old store holds it").contains(OLD_PIN);

        try (Store store = Store.open(dir, T0)) {
            assertThat(store.appliedVersions()).contains(Store.PIN_LEAVES_THE_SETTINGS);
            assertThat(store.load()).isPresent();
            assertThat(store.identity().pin().matches(OLD_PIN)).isTrue();
            assertThat(store.newPin()).as("not the old universal PIN: kept").isEmpty();
        }

        assertThat(text("SELECT document FROM state")).doesNotContain(OLD_PIN).doesNotContain("\"pin\"");
        assertThat(text("SELECT value || cause FROM event")).doesNotContain(OLD_PIN).doesNotContain("000000");
        assertThat(fileBytes()).doesNotContain(OLD_PIN);
    }

    @Test
    @DisplayName("SET-01 an old store still on the universal PIN 000000 gets a random PIN, shown once")
    void open_oldStoreOnUniversalPin_getsRandomPin() throws Exception {
        oldStore(Store.OLD_UNIVERSAL_PIN);

        try (Store store = Store.open(dir, T0)) {
            String pin = store.newPin().orElseThrow();
            assertThat(pin).isNotEqualTo(Store.OLD_UNIVERSAL_PIN).matches("[0-9]{6}");
            assertThat(store.identity().pin().matches(pin)).isTrue();
            assertThat(store.identity().pin().matches(Store.OLD_UNIVERSAL_PIN)).isFalse();
        }
        try (Store store = Store.open(dir, T0)) {
            assertThat(store.newPin()).isEmpty();
        }
    }

    @Test
    @DisplayName("SET-01 a random PIN is never the old universal 000000, even when the random source draws its least")
    void randomPin_sourceDrawsItsLeast_isNotTheUniversalPin() {
        String pin = DeviceIdentity.randomPin(new LeastRandom());

        assertThat(pin).isNotEqualTo(Store.OLD_UNIVERSAL_PIN).matches("[0-9]{6}");
    }

    /** A random source whose bytes are all zero, so every draw from it is the least value it can be. */
    private static final class LeastRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    @Test
    @DisplayName("an existing store that cannot be opened for writing is refused with the reason, never taken for "
            + "a new device")
    void open_existingStoreNotWritable_refusedNotNew() throws Exception {
        String serial;
        try (Store store = Store.open(dir, T0)) {
            serial = store.identity().serial();
            store.save(Optional.of(new Store.Saved(Bms.initial().persisted(), T0)), List.of());
        }
        byte[] before = Files.readAllBytes(dir.resolve(Store.FILE_NAME));
        // A directory where the lock file goes: as on a read-only disk, nothing can be created or written there.
        // (The tests run as root, for whom file permissions do not refuse a write.)
        Files.delete(dir.resolve(DirectoryLock.FILE_NAME));
        Files.createDirectory(dir.resolve(DirectoryLock.FILE_NAME));

        assertThatThrownBy(() -> Store.open(dir, T0)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot use the data directory " + dir)
                .hasMessageContaining(DirectoryLock.FILE_NAME);

        assertThat(Files.readAllBytes(dir.resolve(Store.FILE_NAME))).isEqualTo(before);
        Files.delete(dir.resolve(DirectoryLock.FILE_NAME));
        try (Store store = Store.open(dir, T0)) {
            assertThat(store.identity().serial()).isEqualTo(serial);
        }
    }

    @Test
    @DisplayName("failures are told in words: a full disk says the disk is full, a read-only one says read-only")
    void describe_diskFailures_inWords() {
        assertThat(StorageFailure.describe(new java.nio.file.FileSystemException("/data/x", null,
                "No space left on device"))).startsWith("the disk is full");
        assertThat(StorageFailure.describe(new java.nio.file.FileSystemException("/data/x", null,
                "Read-only file system"))).startsWith("the file system is read-only");
        assertThat(StorageFailure.describe(new org.sqlite.SQLiteException("[SQLITE_FULL] database or disk is full",
                org.sqlite.SQLiteErrorCode.SQLITE_FULL))).isEqualTo("the disk is full (database or disk is full)");
        assertThat(StorageFailure.describe(new org.sqlite.SQLiteException("[SQLITE_READONLY] attempt to write a "
                + "readonly database", org.sqlite.SQLiteErrorCode.SQLITE_READONLY)))
                .startsWith("the file or its directory is read-only");
    }

    @Test
    @DisplayName("SQLite's native library is unpacked once into a stable folder, a damaged copy is replaced, and "
            + "nothing is left beside it")
    void unpack_twiceAndDamaged_oneGoodCopy() throws Exception {
        Path cache = dir.resolve("cache");
        Path library = SqliteNative.unpack(cache).orElseThrow();
        byte[] good = Files.readAllBytes(library);
        assertThat(good.length).isGreaterThan(100_000);
        long modified = Files.getLastModifiedTime(library).toMillis();

        assertThat(SqliteNative.unpack(cache)).contains(library);
        assertThat(Files.getLastModifiedTime(library).toMillis()).as("not written again").isEqualTo(modified);

        Files.write(library, new byte[] {1, 2, 3});
        assertThat(SqliteNative.unpack(cache)).contains(library);
        assertThat(Files.readAllBytes(library)).isEqualTo(good);
        try (var files = Files.list(library.getParent())) {
            assertThat(files).containsExactly(library);
        }
    }
}
