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
        StoreWriter writer = new StoreWriter(store, "000000");
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
}
