package org.smallbms.app.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.bms.PersistedState;
import org.smallbms.core.event.Event;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The device's SQLite file, {@value #FILE_NAME} in the data directory. One connection, used by one thread at a
 * time (the store writer, or the start-up code before the writer exists; a PIN change waits for the writer's
 * transaction, since the methods a running device shares are synchronized), in one process at a time: opening takes
 * the directory's lock ({@link DirectoryLock}) and closing releases it.
 *
 * <p>Opening checks the file before anything is written to it: a file that is not SQLite, is another application's
 * database, fails SQLite's quick check, or was written by a newer schema is refused with a
 * {@link StoreRefusedException} and left as it was. Then the missing migrations run, each in its own transaction.
 * A directory or file that cannot be opened for writing (read-only, full, locked by another process) is a
 * {@link StoreUnavailableException}: the caller must not act as a new device, since an old one may be there.
 *
 * <p>The directory is made only its owner's, the file and its journals too: they hold the PIN's hash and the
 * Instant Readout key. Deleted rows are overwritten ({@code secure_delete}), so a PIN taken out of an old store does
 * not linger in free pages.
 */
public final class Store implements StoreWriter.Target {

    /** The file in the data directory. */
    public static final String FILE_NAME = "smallbms.db";
    /** SQLite's {@code application_id} of a smallbms store: "SBMS". */
    static final int APPLICATION_ID = 0x53424D53;
    /** The event log keeps at most this many events… */
    public static final int MAX_EVENTS = 10_000;
    /** …and none older than this before the newest (device time). */
    public static final Duration EVENT_RETENTION = Duration.ofDays(30);
    /** The PIN every device had before SET-01's revised decision; a store still on it gets a random one. */
    static final String OLD_UNIVERSAL_PIN = "000000";
    /** The migration that took the PIN out of the state document and the event log. */
    static final int PIN_LEAVES_THE_SETTINGS = 2;

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final List<String> JOURNAL_SUFFIXES = List.of("", "-wal", "-shm", "-journal");

    private final Path file;
    private final Connection connection;
    private final DirectoryLock lock;
    /** Replaced whole by a PIN change; read by any thread. */
    private volatile DeviceIdentity identity;
    private final Optional<String> newPin;

    private Store(Path file, Connection connection, DirectoryLock lock, DeviceIdentity identity,
            Optional<String> newPin) {
        this.file = file;
        this.connection = connection;
        this.lock = lock;
        this.identity = identity;
        this.newPin = newPin;
    }

    /** Opens (or creates) the store in {@code directory} for a running device. */
    public static Store open(Path directory, Instant now) throws StoreRefusedException, StoreUnavailableException {
        return open(directory, now, "smallbms run", Migration.ALL);
    }

    /**
     * Opens (or creates) the store in {@code directory}.
     *
     * @param purpose what this process does with it, as another process that finds the directory locked shows it
     */
    public static Store open(Path directory, Instant now, String purpose)
            throws StoreRefusedException, StoreUnavailableException {
        return open(directory, now, purpose, Migration.ALL);
    }

    static Store open(Path directory, Instant now, List<Migration> migrations)
            throws StoreRefusedException, StoreUnavailableException {
        return open(directory, now, "smallbms", migrations);
    }

    private static Store open(Path directory, Instant now, String purpose, List<Migration> migrations)
            throws StoreRefusedException, StoreUnavailableException {
        SqliteNative.install();
        try {
            FilePermissions.createPrivateDirectory(directory);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create the data directory " + directory + ": "
                    + StorageFailure.describe(e) + ". " + StorageFailure.fix(e, directory), e);
        }
        DirectoryLock lock = DirectoryLock.acquire(directory, purpose, now);
        try {
            return open(directory, now, migrations, lock);
        } catch (StoreRefusedException | StoreUnavailableException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Store open(Path directory, Instant now, List<Migration> migrations, DirectoryLock lock)
            throws StoreRefusedException, StoreUnavailableException {
        Path file = directory.resolve(FILE_NAME);
        try {
            if (Files.exists(file) && size(file) > 0) {
                inspect(file, migrations);
            } else {
                FilePermissions.createPrivateFile(file);
            }
            for (String suffix : JOURNAL_SUFFIXES) {
                FilePermissions.ownerOnly(file.resolveSibling(FILE_NAME + suffix));
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot open " + file + ": " + StorageFailure.describe(e) + ". "
                    + StorageFailure.fix(e, directory), e);
        }
        Connection connection;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5_000);
            config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
            connection = config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open " + file + " for writing: "
                    + StorageFailure.describe(e) + ". Nothing was changed; the device was not started.", e);
        }
        try {
            List<Integer> applied = migrate(connection, migrations, now);
            SecureRandom random = new SecureRandom();
            DeviceIdentity identity = loadIdentity(connection).orElse(null);
            Optional<String> newPin = Optional.empty();
            if (identity == null) {
                String pin = DeviceIdentity.randomPin(random);
                identity = DeviceIdentity.create(random, now, pin);
                saveIdentity(connection, identity, now);
                newPin = Optional.of(pin);
            } else if (applied.contains(PIN_LEAVES_THE_SETTINGS) && identity.pin().matches(OLD_UNIVERSAL_PIN)) {
                String pin = DeviceIdentity.randomPin(random);
                identity = withPin(identity, DeviceIdentity.PinHash.of(random, pin));
                writePin(connection, identity.pin());
                newPin = Optional.of(pin);
            }
            if (applied.contains(PIN_LEAVES_THE_SETTINGS)) {
                // The old PIN's pages are overwritten (secure_delete); the WAL that still holds them is emptied.
                connection.setAutoCommit(true);
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                connection.setAutoCommit(false);
            }
            return new Store(file, connection, lock, identity, newPin);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreUnavailableException("cannot write " + file + ": " + StorageFailure.describe(e)
                    + ". Nothing was started.", e);
        }
    }

    private static long size(Path file) throws StoreUnavailableException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + file + ": " + e, e);
        }
    }

    /** Refuses a file this version must not write to, without writing to it. */
    private static void inspect(Path file, List<Migration> migrations)
            throws StoreRefusedException, StoreUnavailableException {
        byte[] header = new byte[SQLITE_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + file + ": " + e, e);
        }
        if (read < header.length || !java.util.Arrays.equals(header, SQLITE_MAGIC)) {
            throw refused(file, "it is not an SQLite database (it does not start with \"SQLite format 3\"): it is "
                    + "corrupt, or it is some other file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            int applicationId = single(s, "PRAGMA application_id");
            int tables = single(s, "SELECT count(*) FROM sqlite_master");
            if (applicationId != APPLICATION_ID && (applicationId != 0 || tables > 0)) {
                throw refused(file, String.format("it is a SQLite database of another application "
                        + "(application_id 0x%08X, %d tables), not a smallbms store", applicationId, tables));
            }
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw refused(file, "SQLite's integrity check fails: " + verdict);
                }
            }
            if (tables > 0) {
                int newest = single(s, "SELECT coalesce(max(version), 0) FROM schema_migration");
                int known = migrations.get(migrations.size() - 1).version();
                if (newest > known) {
                    throw refused(file, "it was written by a newer smallbms (schema version " + newest
                            + "; this version knows up to " + known + "): run the newer version");
                }
            }
        } catch (SQLException e) {
            if (e instanceof SQLiteException x && (x.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT
                    || x.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB)) {
                throw refused(file, "SQLite cannot read it: " + e.getMessage());
            }
            throw new StoreUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static StoreRefusedException refused(Path file, String what) {
        return new StoreRefusedException(file + " cannot be used: " + what + ". Nothing was changed. To start "
                + "fresh, move it aside (mv " + file + " " + file + ".bad) or run with --data on another "
                + "directory.");
    }

    private static int single(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Runs the migrations the file lacks, in order; returns the versions it applied now. */
    private static List<Integer> migrate(Connection c, List<Migration> migrations, Instant now) throws SQLException {
        List<Integer> appliedNow = new ArrayList<>();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, "
                    + "description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            c.commit();
            int applied = single(s, "SELECT coalesce(max(version), 0) FROM schema_migration");
            for (Migration migration : migrations) {
                if (migration.version() <= applied) {
                    continue;
                }
                for (String statement : migration.statements()) {
                    s.execute(statement);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_migration (version, description, "
                        + "applied_at) VALUES (?, ?, ?)")) {
                    p.setInt(1, migration.version());
                    p.setString(2, migration.description());
                    p.setString(3, now.toString());
                    p.executeUpdate();
                }
                s.execute("PRAGMA user_version = " + migration.version());
                c.commit();
                appliedNow.add(migration.version());
            }
        } catch (SQLException e) {
            rollback(c, e);
            throw e;
        }
        return appliedNow;
    }

    /**
     * Rolls back what a failed transaction left, keeping the first failure as the one reported: SQLite may have
     * rolled back by itself (a full disk at commit), and then "cannot rollback - no transaction is active" would
     * hide the reason.
     */
    private static void rollback(Connection c, SQLException failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static Optional<DeviceIdentity> loadIdentity(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT serial, readout_key, pin_salt, "
                + "pin_iterations, pin_hash FROM device WHERE id = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new DeviceIdentity(rs.getString(1), rs.getBytes(2), new DeviceIdentity.PinHash(
                    rs.getBytes(3), rs.getInt(4), rs.getBytes(5))));
        }
    }

    private static void saveIdentity(Connection c, DeviceIdentity identity, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO device (id, serial, readout_key, "
                + "pin_salt, pin_iterations, pin_hash, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, identity.serial());
            p.setBytes(2, identity.readoutKey());
            p.setBytes(3, identity.pin().salt());
            p.setInt(4, identity.pin().iterations());
            p.setBytes(5, identity.pin().hash());
            p.setString(6, now.toString());
            p.executeUpdate();
        }
        c.commit();
    }

    @Override
    public Path file() {
        return file;
    }

    public DeviceIdentity identity() {
        return identity;
    }

    /**
     * The PIN of a device this open created, or gave a random PIN in place of the old universal one: to be shown
     * once, now, as a label carries it (SET-01). Empty on every later open: the store keeps only the PIN's hash.
     */
    public Optional<String> newPin() {
        return newPin;
    }

    /**
     * SET-01: a new PIN, kept as its salted hash; the old one no longer matches. The caller has checked it with
     * {@link DeviceIdentity#pinProblem}.
     */
    public synchronized void changePin(String pin) throws SQLException {
        DeviceIdentity.pinProblem(pin).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        DeviceIdentity.PinHash hash = DeviceIdentity.PinHash.of(new SecureRandom(), pin);
        try {
            writePin(connection, hash);
        } catch (SQLException e) {
            rollback(connection, e);
            throw e;
        }
        identity = withPin(identity, hash);
    }

    /**
     * IR-01: a new Instant Readout key ({@link DeviceIdentity#nextReadoutKey}); the old one no longer decodes the
     * device's advertisements. Returns the new key.
     *
     * @throws SQLException when the store cannot take it; the old key stays
     */
    public synchronized byte[] changeReadoutKey() throws SQLException {
        byte[] key = DeviceIdentity.nextReadoutKey(new SecureRandom(), identity.readoutKey());
        try (PreparedStatement p = connection.prepareStatement("UPDATE device SET readout_key = ? WHERE id = 1")) {
            p.setBytes(1, key);
            p.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            rollback(connection, e);
            throw e;
        }
        identity = new DeviceIdentity(identity.serial(), key, identity.pin());
        return key.clone();
    }

    private static DeviceIdentity withPin(DeviceIdentity identity, DeviceIdentity.PinHash pin) {
        return new DeviceIdentity(identity.serial(), identity.readoutKey(), pin);
    }

    private static void writePin(Connection c, DeviceIdentity.PinHash pin) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE device SET pin_salt = ?, pin_iterations = ?, "
                + "pin_hash = ? WHERE id = 1")) {
            p.setBytes(1, pin.salt());
            p.setInt(2, pin.iterations());
            p.setBytes(3, pin.hash());
            p.executeUpdate();
        }
        c.commit();
    }

    /** The schema versions applied to this file, in order. */
    public List<Integer> appliedVersions() throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM schema_migration ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    /** The state last saved, with its device time; empty for a new store. */
    public Optional<Saved> load() throws SQLException, StoreRefusedException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT saved_at_ms, document FROM state WHERE id = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Instant at = Instant.ofEpochMilli(rs.getLong(1));
            try {
                return Optional.of(new Saved(StateDocument.read(rs.getString(2)), at));
            } catch (StateDocument.DocumentException e) {
                throw refused(file, e.getMessage());
            }
        }
    }

    /**
     * The state (when there is a new one) and the events since the last save, as one transaction: after a power cut
     * the file holds all of it or none of it. Old events beyond the retention go in the same transaction.
     */
    @Override
    public synchronized void save(Optional<Saved> state, List<Event> events) throws SQLException {
        try {
            if (state.isPresent()) {
                try (PreparedStatement p = connection.prepareStatement("INSERT OR REPLACE INTO state (id, format, "
                        + "saved_at_ms, document) VALUES (1, ?, ?, ?)")) {
                    p.setInt(1, StateDocument.FORMAT);
                    p.setLong(2, state.get().at().toEpochMilli());
                    p.setString(3, StateDocument.write(state.get().state()));
                    p.executeUpdate();
                }
            }
            if (!events.isEmpty()) {
                insertEvents(events);
            }
            connection.commit();
        } catch (SQLException e) {
            rollback(connection, e);
            throw e;
        }
    }

    private void insertEvents(List<Event> events) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO event (at_ms, kind, name, value, "
                + "cause) VALUES (?, ?, ?, ?, ?)")) {
            for (Event event : events) {
                p.setLong(1, event.at().toEpochMilli());
                p.setString(2, event.kind().label());
                p.setString(3, event.name());
                p.setString(4, event.value());
                p.setString(5, event.cause());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM event WHERE id <= (SELECT max(id) FROM event) - " + MAX_EVENTS);
            s.executeUpdate("DELETE FROM event WHERE at_ms < (SELECT max(at_ms) FROM event) - "
                    + EVENT_RETENTION.toMillis());
        }
    }

    /** The newest {@code limit} events of the log, oldest first. */
    public synchronized List<Event> recentEvents(int limit) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT at_ms, kind, name, value, cause FROM "
                + "(SELECT * FROM event ORDER BY id DESC LIMIT ?) ORDER BY id")) {
            p.setInt(1, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(Instant.ofEpochMilli(rs.getLong(1)), Event.Kind.valueOf(rs.getString(2)
                            .toUpperCase(java.util.Locale.ROOT)), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return events;
    }

    /** How many events the log holds. */
    public int eventCount() throws SQLException {
        try (Statement s = connection.createStatement()) {
            return single(s, "SELECT count(*) FROM event");
        }
    }

    /**
     * The latest device time the file knows of (the state's or the newest event's): a restart continues after it,
     * so device time never runs backwards in the file.
     */
    public Optional<Instant> latestDeviceTime() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT max(t) FROM ("
                + "SELECT saved_at_ms AS t FROM state UNION ALL SELECT max(at_ms) FROM event)")) {
            long ms = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
        lock.close();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Closing after a failed write: the file keeps its last committed transaction either way.
        }
    }

    /**
     * A saved state.
     *
     * @param state what was saved
     * @param at the device time it was saved at
     */
    public record Saved(PersistedState state, Instant at) {
    }
}
