package org.smallbms.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.PersistedState;
import org.smallbms.core.event.Event;

class StoreWriterTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final long WAIT_MILLIS = 10_000;

    @TempDir
    Path dir;

    private static void execute(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    @DisplayName("SET-04 a write the disk refuses shows a storage warning, keeps the state and succeeds on retry")
    void write_refusedByDisk_warningThenRetried() throws Exception {
        Store store = Store.open(dir, T0);
        Path file = store.file();
        PersistedState state = Bms.initial().persisted();
        // A trigger stands in for a full or read-only disk: every write to the state fails.
        execute(file, "CREATE TRIGGER full BEFORE INSERT ON state BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        StoreWriter writer = new StoreWriter(store, e -> { });
        try {
            writer.checkpoint(state, T0);
            writer.log(List.of(new Event(T0, Event.Kind.CODE, "W-B01", "active", "test")));
            assertThat(writer.awaitAttempts(1, WAIT_MILLIS)).isTrue();
            assertThat(writer.status().warning()).hasValueSatisfying(w -> assertThat(w).contains(file.toString())
                    .contains("disk full"));

            execute(file, "DROP TRIGGER full");
            long tried = writer.attempts();
            assertThat(writer.awaitAttempts(tried + 1, WAIT_MILLIS)).isTrue();
            assertThat(writer.status().isOk()).isTrue();
            assertThat(writer.status().lastCheckpointAt()).isEqualTo(T0);
        } finally {
            writer.close();
        }
        try (Store reopened = Store.open(dir, T0)) {
            assertThat(reopened.load()).contains(new Store.Saved(state, T0));
            assertThat(reopened.eventCount()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("SET-04 a disk that fills at commit is reported as a full disk, not as 'cannot rollback', and the "
            + "writer says nothing was saved when it gives up")
    void write_diskFullAtCommit_reasonKeptAndNotComplete() throws Exception {
        Store store = Store.open(dir, T0);
        Path file = store.file();
        // RAISE(ROLLBACK) ends the transaction as SQLite does on a full disk: nothing is left to roll back.
        execute(file, "CREATE TRIGGER full BEFORE INSERT ON state BEGIN "
                + "SELECT RAISE(ROLLBACK, 'database or disk is full'); END");
        StoreWriter writer = new StoreWriter(store, e -> { });
        writer.checkpoint(Bms.initial().persisted(), T0);
        assertThat(writer.awaitAttempts(1, WAIT_MILLIS)).isTrue();
        assertThat(writer.status().warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("database or disk is full").doesNotContain("cannot rollback"));

        writer.close();

        assertThat(writer.complete()).isFalse();
    }

    @Test
    @DisplayName("every write reached the disk: the writer says so once closed")
    void close_everythingWritten_complete() throws Exception {
        StoreWriter writer = new StoreWriter(Store.open(dir, T0), e -> { });
        writer.checkpoint(Bms.initial().persisted(), T0);
        writer.log(List.of(new Event(T0, Event.Kind.CODE, "W-B01", "active", "test")));

        writer.close();

        assertThat(writer.complete()).isTrue();
        try (Store reopened = Store.open(dir, T0)) {
            assertThat(reopened.eventCount()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a writer thread that dies of a bug tells the device, which then stops, instead of saving nothing "
            + "in silence")
    void writer_diesOfABug_fatalReportedAndNotComplete() throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> reported = new java.util.concurrent.CompletableFuture<>();
        StoreWriter.Target broken = new StoreWriter.Target() {
            @Override
            public void save(java.util.Optional<Store.Saved> state, List<Event> events) {
                throw new IllegalStateException("a bug in the store");
            }

            @Override
            public Path file() {
                return dir.resolve("broken.db");
            }

            @Override
            public void close() {
            }
        };
        StoreWriter writer = new StoreWriter(broken, reported::complete);
        writer.checkpoint(Bms.initial().persisted(), T0);

        assertThat(reported.get(WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS))
                .hasMessage("a bug in the store");
        writer.close();
        assertThat(writer.complete()).isFalse();
        assertThat(writer.status().warning()).hasValueSatisfying(w -> assertThat(w).contains("internal error"));
    }
}
