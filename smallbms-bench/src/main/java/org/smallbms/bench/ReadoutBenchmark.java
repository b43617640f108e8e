package org.smallbms.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smallbms.app.readout.BmsEncoder;
import org.smallbms.app.readout.BmsMapping;
import org.smallbms.app.readout.BmsRecord;
import org.smallbms.app.readout.Decoder;
import org.smallbms.app.readout.ReadoutException;
import org.smallbms.app.readout.ReadoutKey;
import org.smallbms.app.readout.Reading;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;
import org.smallbms.core.driver.ClosedLoop;
import org.smallbms.sim.system.World;

/**
 * IR-01: one Instant Readout advertisement, made once a device second on the control thread (a device at 1440× makes
 * 1440 a wall second).
 *
 * <p>{@code encode} packs and encrypts one BMS record into its advertisement: the target is at most 2 µs and no
 * more than the advertisement's own bytes allocated. {@code encodeReference} does the same through the JDK's
 * AES/CTR cipher, a new one each time, as the readable reference. {@code advertise} is the whole per-tick work of the
 * advertiser: the record mapped from a live device's state, then encoded. {@code decode} reads an advertisement back
 * into JSON, as the web app does once per read of /api/readout.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadoutBenchmark {

    private static final int NONCE_MASK = 0xFFFF;

    private ReadoutKey key;
    private BmsEncoder encoder;
    private BmsRecord record;
    private BmsState device;
    private byte[] advertisement;
    private int nonce;

    @Setup(Level.Trial)
    public void setUp() throws ScenarioException {
        key = new ReadoutKey(HexFormat.of().parseHex("a1b2c3d4e5f60718293a4b5c6d7e8f90"));
        encoder = new BmsEncoder(key, BmsMapping.PRODUCT_ID);
        // A minute of the manual's §3.3.1 system at noon, its SoC set: every field of the record has a value.
        World world = Scenarios.builtIn("ng-3.3.1-solar-batteryprotect").newWorld(1);
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        device = Bms.initial();
        for (int s = 0; s < 60; s++) {
            device = ClosedLoop.tick(device, world, now.plusSeconds(s), Duration.ofSeconds(1),
                    s == 1 ? List.of(new Command.SetSoc(80)) : List.of()).bms();
        }
        record = BmsMapping.of(device);
        if (record.socPermille().isEmpty() || record.centivolts().isEmpty()) {
            throw new IllegalStateException("the benchmark device has no SoC or voltage: " + record);
        }
        advertisement = encoder.encode(record, 0x1234);
    }

    @Benchmark
    public byte[] encode() {
        nonce = (nonce + 1) & NONCE_MASK;
        return encoder.encode(record, nonce);
    }

    @Benchmark
    public byte[] encodeReference() {
        nonce = (nonce + 1) & NONCE_MASK;
        return BmsEncoder.reference(key, BmsMapping.PRODUCT_ID, record, nonce);
    }

    @Benchmark
    public byte[] advertise() {
        nonce = (nonce + 1) & NONCE_MASK;
        return encoder.encode(BmsMapping.of(device), nonce);
    }

    @Benchmark
    public Reading decode() throws ReadoutException {
        return Decoder.decode(key, advertisement);
    }
}
