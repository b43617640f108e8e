package org.smallbms.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.CommandResult;
import org.smallbms.core.bms.PersistedState;
import org.smallbms.core.event.Event;
import org.smallbms.core.settings.Setting;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;
import org.smallbms.sim.system.World;
import org.smallbms.core.driver.ClosedLoop;

class StoreTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    /** A state with every part filled: settings changed, SoC known, history, marks and a latest measurement. */
    private static PersistedState livedState() throws ScenarioException {
        // Evening: the loads draw from the battery, so the history counts.
        Instant evening = T0.plus(Duration.ofHours(8));
        World world = Scenarios.builtIn("ng-3.3.1-solar-batteryprotect").resumedWorld(1, 60);
        BmsState bms = Bms.initial();
        for (int i = 0; i < 600; i++) {
            bms = ClosedLoop.tick(bms, world, evening.plusSeconds(i), Duration.ofSeconds(1)).bms();
            if (i == 5) {
                bms = Bms.handle(bms, evening.plusSeconds(i), new Command.SetSoc(60)).state();
                CommandResult r = Bms.handle(bms, evening.plusSeconds(i), new Command.ChangeSetting(
                        Setting.PRE_ALARM_LEVEL, 3_000));
                bms = r.state();
            }
        }
        return bms.persisted();
    }

    @Test
    @DisplayName("SET-04 HIST-04 MON-07 a saved state reads back equal, settings, SoC, history and timers alike")
    void save_livedState_roundTrips() throws Exception {
        PersistedState state = livedState();
        assertThat(state.monitor().socKnown()).isTrue();
        assertThat(state.monitor().latest()).isPresent();
        assertThat(state.history().drawnMicrocoulombs()).isPositive();

        try (Store store = Store.open(dir, T0)) {
            store.save(Optional.of(new Store.Saved(state, T0.plusSeconds(600))), List.of());
        }
        try (Store store = Store.open(dir, T0)) {
            assertThat(store.load()).contains(new Store.Saved(state, T0.plusSeconds(600)));
        }
    }

    @Test
    @DisplayName("IR-01 a new Instant Readout key survives a reopen: its first byte is the old one's plus one, the "
            + "rest new; the serial and the PIN stay")
    void newReadoutKey_keptAndFirstByteCounted() throws Exception {
        byte[] old;
        byte[] made;
        DeviceIdentity before;
        try (Store store = Store.open(dir, T0)) {
            before = store.identity();
            old = before.readoutKey();
            made = store.changeReadoutKey();
            assertThat(store.identity().readoutKey()).isEqualTo(made);
        }
        try (Store store = Store.open(dir, T0)) {
            byte[] kept = store.identity().readoutKey();
            assertThat(kept).isEqualTo(made);
            assertThat(kept[0]).isEqualTo((byte) (old[0] + 1));
            assertThat(java.util.Arrays.copyOfRange(kept, 1, 16)).isNotEqualTo(java.util.Arrays.copyOfRange(old, 1,
                    16));
            assertThat(store.identity().serial()).isEqualTo(before.serial());
            assertThat(store.identity().pin()).isEqualTo(before.pin());
        }
    }

    @Test
    @DisplayName("an empty file gets every migration in order, once; a later migration runs on the next open")
    void open_emptyFile_migratesInOrderOnce() throws Exception {
        Files.createFile(dir.resolve(Store.FILE_NAME));
        List<Integer> all = Migration.ALL.stream().map(Migration::version).toList();
        int known = all.get(all.size() - 1);
        assertThat(all).startsWith(1, 2).isSorted();
        try (Store store = Store.open(dir, T0)) {
            assertThat(store.appliedVersions()).containsExactlyElementsOf(all);
            assertThat(store.load()).isEmpty();
        }
        List<Migration> withNext = new ArrayList<>(Migration.ALL);
        withNext.add(new Migration(known + 1, "a note column", List.of("ALTER TABLE event ADD COLUMN note TEXT")));
        List<Integer> allAndNext = new ArrayList<>(all);
        allAndNext.add(known + 1);
        try (Store store = Store.open(dir, T0, withNext)) {
            assertThat(store.appliedVersions()).containsExactlyElementsOf(allAndNext);
        }
        try (Store store = Store.open(dir, T0, withNext)) {
            assertThat(store.appliedVersions()).containsExactlyElementsOf(allAndNext);
        }
        assertThatThrownBy(() -> Store.open(dir, T0)).isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining("newer smallbms (schema version " + (known + 1) + "; this version knows up to "
                        + known + ")");
    }

    @Test
    @DisplayName("a corrupt file is refused with its name and what is wrong, and not changed by a byte")
    void open_corruptFile_refusedUnchanged() throws Exception {
        Path file = dir.resolve(Store.FILE_NAME);
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> Store.open(dir, T0)).isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not an SQLite database")
                .hasMessageContaining("Nothing was changed").hasMessageContaining("--data");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        // The one file opening adds is the directory's lock (DirectoryLock), never anything beside the data.
        assertThat(Files.list(dir)).containsExactlyInAnyOrder(file, dir.resolve(DirectoryLock.FILE_NAME));
    }

    @Test
    @DisplayName("a store whose pages are damaged fails SQLite's check and is refused unchanged")
    void open_damagedPages_refusedUnchanged() throws Exception {
        try (Store store = Store.open(dir, T0)) {
            store.save(Optional.of(new Store.Saved(Bms.initial().persisted(), T0)), List.of());
        }
        Path file = dir.resolve(Store.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096 + 8; i < bytes.length; i += 7) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> Store.open(dir, T0)).isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    @DisplayName("another application's SQLite file is refused and not changed by a byte")
    void open_foreignSqlite_refusedUnchanged() throws Exception {
        Path file = dir.resolve(Store.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO photos (name) VALUES ('beach')");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Store.open(dir, T0)).isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("another application");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    @DisplayName("the event log keeps the newest 10,000 events and none older than 30 days before the newest")
    void save_manyEvents_retentionBounded() throws Exception {
        try (Store store = Store.open(dir, T0)) {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < Store.MAX_EVENTS + 50; i++) {
                events.add(new Event(T0.plusSeconds(i), Event.Kind.CODE, "W-B01", "active", "event " + i));
            }
            store.save(Optional.empty(), events);
            assertThat(store.eventCount()).isEqualTo(Store.MAX_EVENTS);
            assertThat(store.recentEvents(1).get(0).cause()).isEqualTo("event " + (Store.MAX_EVENTS + 49));

            store.save(Optional.empty(), List.of(new Event(T0.plus(Duration.ofDays(40)), Event.Kind.CODE, "W-B01",
                    "cleared", "later")));
            assertThat(store.eventCount()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("SET-01 a new device gets a random six-digit PIN, shown once at its creation and kept only as a "
            + "hash; a changed PIN replaces it")
    void open_newDevice_randomPinShownOnceKeptAsHash() throws Exception {
        DeviceIdentity first;
        String pin;
        try (Store store = Store.open(dir, T0)) {
            first = store.identity();
            assertThat(first.serial()).matches("HQ2623[A-Z0-9]{5}");
            assertThat(first.readoutKey()).hasSize(16);
            pin = store.newPin().orElseThrow();
            assertThat(pin).matches("[0-9]{6}");
            assertThat(first.pin().matches(pin)).isTrue();
            assertThat(first.toString()).doesNotContain(pin);
        }
        try (Store store = Store.open(dir, T0)) {
            assertThat(store.newPin()).as("shown once, never again").isEmpty();
            assertThat(store.identity().serial()).isEqualTo(first.serial());
            assertThat(store.identity().readoutKey()).isEqualTo(first.readoutKey());
            assertThat(store.identity().pin().matches(pin)).isTrue();
            String next = pin.equals("123456") ? "654321" : "123456";
            store.changePin(next);
            assertThat(store.identity().pin().matches(next)).isTrue();
        }
        try (Store store = Store.open(dir, T0)) {
            assertThat(store.identity().pin().matches(pin)).isFalse();
            assertThat(store.identity().pin().matches(pin.equals("123456") ? "654321" : "123456")).isTrue();
        }
        String other;
        try (Store store = Store.open(dir.resolve("second"), T0)) {
            other = store.newPin().orElseThrow();
        }
        try (Store store = Store.open(dir.resolve("third"), T0)) {
            assertThat(List.of(pin, other, store.newPin().orElseThrow())).as("no universal default")
                    .doesNotHaveDuplicates();
        }
    }
}
