package org.smallbms.app.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.runtime.StorageStatus;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.settings.Setting;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;
import org.smallbms.core.driver.ClosedLoop;
import org.smallbms.sim.system.World;

/**
 * IR-01: the advertiser over a simulated device, tick by tick as the control loop drives it: one advertisement a
 * device second while Instant Readout is on, each decoding to the record of its state, none while it is off, and a
 * new key from the next advertisement on.
 */
class AdvertiserTest {

    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final ReadoutKey KEY = new ReadoutKey(HexFormat.of().parseHex("a1b2c3d4e5f60718293a4b5c6d7e8f90"));

    @TempDir
    Path dir;

    /** Keeps every advertisement and every silence, in order. */
    static final class RecordingSink implements ReadoutSink {
        final List<Broadcast> broadcasts = new ArrayList<>();
        int silences;

        @Override
        public void advertise(Broadcast broadcast) {
            broadcasts.add(broadcast);
        }

        @Override
        public void silence() {
            silences++;
        }
    }

    /** A simulated device the test ticks itself, telling the advertiser of each snapshot. */
    private static final class TickedDevice {
        private final World world;
        private final Advertiser advertiser;
        private BmsState state = Bms.initial();
        private Instant now = NOON;
        private long tick;
        private final List<BmsState> states = new ArrayList<>();

        TickedDevice(Advertiser advertiser) throws ScenarioException {
            this.world = Scenarios.builtIn("ng-3.3.1-solar-batteryprotect").newWorld(1);
            this.advertiser = advertiser;
        }

        void run(int seconds, Command... commands) {
            for (int i = 0; i < seconds; i++) {
                ClosedLoop.Tick t = ClosedLoop.tick(state, world, now, SECOND, i == 0 ? List.of(commands)
                        : List.of());
                state = t.bms();
                states.add(state);
                advertiser.accept(new Snapshot(++tick, now, state, t.events(), StorageStatus.OK, "HQ2622TEST1",
                        Optional.of(t.frame()), Optional.empty()));
                now = now.plus(SECOND);
            }
        }
    }

    @Test
    @DisplayName("IR-01 one advertisement a device second, each decoding to the record of that second's state, its "
            + "nonce one more than the one before")
    void everySecond_anAdvertisementOfThatState() throws Exception {
        Advertiser advertiser = new Advertiser(KEY, BmsMapping.PRODUCT_ID, 0xFFFE);
        RecordingSink sink = new RecordingSink();
        advertiser.addSink(sink);
        TickedDevice device = new TickedDevice(advertiser);

        device.run(5);

        assertThat(sink.broadcasts).hasSize(5);
        int[] nonces = {0xFFFE, 0xFFFF, 0, 1, 2};
        for (int i = 0; i < 5; i++) {
            Broadcast b = sink.broadcasts.get(i);
            assertThat(b.at()).isEqualTo(NOON.plusSeconds(i));
            assertThat(Container.parse(b.bytes()).nonce()).isEqualTo(nonces[i]);
            assertThat(Container.parse(b.bytes()).productId()).isEqualTo(BmsMapping.PRODUCT_ID);
            assertThat(Decoder.decodeBms(KEY, b.bytes())).isEqualTo(BmsMapping.of(device.states.get(i)));
        }
        BmsRecord last = Decoder.decodeBms(KEY, sink.broadcasts.get(4).bytes());
        assertThat(last.centivolts()).as("the bank is seen from the first tick").isPresent();
        assertThat(last.io().get(IoStatus.Signal.REMOTE)).isEqualTo(IoStatus.State.YES);
    }

    @Test
    @DisplayName("IR-01, SET-01 with Instant Readout switched off the device sends nothing and its sinks are told "
            + "once; switched on again it sends from the next second")
    void switchedOff_sendsNothing() throws Exception {
        Advertiser advertiser = new Advertiser(KEY, BmsMapping.PRODUCT_ID, 0);
        RecordingSink sink = new RecordingSink();
        advertiser.addSink(sink);
        TickedDevice device = new TickedDevice(advertiser);

        device.run(3);
        device.run(5, new Command.ChangeSetting(Setting.INSTANT_READOUT, 0));
        int whileOff = sink.broadcasts.size();
        device.run(2, new Command.ChangeSetting(Setting.INSTANT_READOUT, 1));

        assertThat(whileOff).isEqualTo(3);
        assertThat(sink.silences).isEqualTo(1);
        assertThat(sink.broadcasts).hasSize(5);
    }

    @Test
    @DisplayName("IR-01 with Bluetooth switched off the radio sends nothing, Instant Readout on or not")
    void bluetoothOff_sendsNothing() throws Exception {
        Advertiser advertiser = new Advertiser(KEY, BmsMapping.PRODUCT_ID, 0);
        RecordingSink sink = new RecordingSink();
        advertiser.addSink(sink);

        new TickedDevice(advertiser).run(3, new Command.ChangeSetting(Setting.BLUETOOTH, 0));

        assertThat(sink.broadcasts).isEmpty();
    }

    @Test
    @DisplayName("IR-01 a new key is used from the next advertisement on; the old key no longer decodes them")
    void newKey_fromTheNextAdvertisement() throws Exception {
        Advertiser advertiser = new Advertiser(KEY, BmsMapping.PRODUCT_ID, 7);
        RecordingSink sink = new RecordingSink();
        advertiser.addSink(sink);
        TickedDevice device = new TickedDevice(advertiser);
        byte[] next = KEY.bytes();
        next[0]++;
        ReadoutKey newKey = new ReadoutKey(next);

        device.run(1);
        advertiser.rekey(newKey);
        device.run(1);

        byte[] after = sink.broadcasts.get(1).bytes();
        assertThat(Decoder.decodeBms(KEY, sink.broadcasts.get(0).bytes())).isNotNull();
        assertThat(Decoder.decodeBms(newKey, after)).isEqualTo(BmsMapping.of(device.states.get(1)));
        assertThatThrownBy(() -> Decoder.decodeBms(KEY, after)).isInstanceOf(ReadoutException.class)
                .hasMessageContaining("wrong key");
        assertThat(Container.parse(after).nonce()).as("the count goes on").isEqualTo(8);
    }

    @Test
    @DisplayName("IR-01 --readout-log writes one JSON line per advertisement, in order, that the decoder reads back")
    void log_oneLinePerAdvertisement() throws Exception {
        Path file = dir.resolve("readout.jsonl");
        Advertiser advertiser = new Advertiser(KEY, BmsMapping.PRODUCT_ID, 100);
        RecordingSink sink = new RecordingSink();
        advertiser.addSink(sink);
        try (ReadoutLog log = ReadoutLog.open(file)) {
            advertiser.addSink(log);
            new TickedDevice(advertiser).run(30);
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(30);
        for (int i = 0; i < lines.size(); i++) {
            Broadcast sent = sink.broadcasts.get(i);
            assertThat(lines.get(i)).isEqualTo("{\"deviceTime\":\"" + sent.at() + "\",\"hex\":\"" + sent.hex()
                    + "\"}");
            String hex = lines.get(i).replaceAll(".*\"hex\":\"([0-9a-f]+)\".*", "$1");
            assertThat(Decoder.decodeBms(KEY, Container.parseHex(hex))).isNotNull();
        }
    }

    @Test
    @DisplayName("IR-01 a log that cannot be opened says why, before anything runs")
    void log_unwritable_refused() {
        assertThatThrownBy(() -> ReadoutLog.open(dir.resolve("missing").resolve("readout.jsonl")))
                .isInstanceOf(IOException.class);
    }
}
