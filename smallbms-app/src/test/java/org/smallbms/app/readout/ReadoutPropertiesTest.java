package org.smallbms.app.readout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.BitSet;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.TimeRemaining;
import org.smallbms.core.protection.Outputs;

/**
 * IR-01 as properties: any record the BMS can send decodes to itself, by the fast encoder and by the JDK's AES-CTR
 * alike; any device state decodes to its values as the record quantises them, "not available" where the device has
 * none; and the nonce does not repeat within 65,536 advertisements.
 */
class ReadoutPropertiesTest {

    private static final int TRIES = 10_000;

    /** The device values a record is made of. */
    record DeviceValues(Optional<Measurement> measurement, Optional<Integer> socPermille,
            Optional<Long> consumedMilliampHours, TimeRemaining timeRemaining, Conditions active, Outputs outputs) {
    }

    private static Arbitrary<OptionalInt> optional(int min, int max) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(OptionalInt.empty())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(OptionalInt.of(min), OptionalInt.of(max))),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(min, max).map(OptionalInt::of)));
    }

    @Provide
    Arbitrary<ReadoutKey> keys() {
        return Arbitraries.bytes().array(byte[].class).ofSize(ReadoutKey.BYTES).map(ReadoutKey::new);
    }

    @Provide
    Arbitrary<BmsRecord> records() {
        Arbitrary<int[]> flags = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 0x3FFFF)).as((io, wa) -> new int[] {io, wa});
        return Combinators.combine(Arbitraries.integers().between(0, 255), optional(0, 0xFFFE),
                optional(Short.MIN_VALUE, Short.MAX_VALUE - 1), optional(Short.MIN_VALUE, Short.MAX_VALUE - 1),
                flags, optional(0, 0x3FE), optional(-0xFFFFE, 0), optional(-40, 86))
                .as((error, ttg, volts, amps, bits, soc, consumed, celsius) -> new BmsRecord(error, ttg, volts, amps,
                        new IoStatus(bits[0]), new WarningsAlarms(bits[1]), soc, consumed, celsius));
    }

    @Provide
    Arbitrary<DeviceValues> devices() {
        Arbitrary<Optional<Measurement>> measurement = Combinators.combine(
                Arbitraries.integers().between(0, 70_000), Arbitraries.integers().between(-4_000_000, 4_000_000),
                Arbitraries.integers().between(-700, 1_200), Arbitraries.integers().between(0, 300))
                .as((mv, ma, deci, spread) -> new Measurement(100, mv, ma, 3_000, 3_100, deci - spread, deci))
                .optional(0.9);
        Arbitrary<TimeRemaining> remaining = Arbitraries.oneOf(Arbitraries.of(TimeRemaining.UNKNOWN,
                TimeRemaining.INFINITE), Arbitraries.longs().between(0, Duration.ofDays(60).toSeconds())
                .map(s -> TimeRemaining.of(Duration.ofSeconds(s))));
        Arbitrary<Conditions> conditions = Arbitraries.longs().between(0, (1L << Condition.values().length) - 1)
                .map(Conditions::new);
        Arbitrary<Outputs> outputs = Arbitraries.integers().between(0, 7)
                .map(i -> Outputs.of((i & 1) != 0, (i & 2) != 0, (i & 4) != 0));
        return Combinators.combine(measurement, Arbitraries.integers().between(0, 1000).optional(0.8),
                Arbitraries.longs().between(-150_000_000L, 500).optional(0.8), remaining, conditions, outputs)
                .as(DeviceValues::new);
    }

    @Property(tries = TRIES)
    @Label("IR-01 any BMS record decodes to itself, and the fast encoder sends the JDK AES-CTR's bytes")
    void anyRecord_decodesToItself(@ForAll("records") BmsRecord record, @ForAll("keys") ReadoutKey key,
            @ForAll @IntRange(min = 0, max = 0xFFFF) int nonce) throws ReadoutException {
        byte[] advertisement = new BmsEncoder(key, BmsMapping.PRODUCT_ID).encode(record, nonce);

        assertThat(advertisement).isEqualTo(BmsEncoder.reference(key, BmsMapping.PRODUCT_ID, record, nonce));
        assertThat(Decoder.decodeBms(key, advertisement)).isEqualTo(record);
        assertThat(Container.parse(advertisement).nonce()).isEqualTo(nonce);
        // The unused last bit is set, as the spec asks.
        assertThat(record.toBytes()[BmsRecord.BYTES - 1] & 0x80).isEqualTo(0x80);
    }

    @Property(tries = TRIES)
    @Label("IR-01 any device state decodes to its values as the record quantises them; not available where the "
            + "device has none")
    void anyDeviceState_roundTrips(@ForAll("devices") DeviceValues d, @ForAll("keys") ReadoutKey key,
            @ForAll @IntRange(min = 0, max = 0xFFFF) int nonce) throws ReadoutException {
        BmsRecord sent = BmsMapping.of(d.measurement(), d.socPermille(), d.consumedMilliampHours(),
                d.timeRemaining(), d.active(), d.outputs());
        BmsRecord got = Decoder.decodeBms(key, new BmsEncoder(key, BmsMapping.PRODUCT_ID).encode(sent, nonce));

        assertThat(got).isEqualTo(sent);
        assertThat(got.centivolts()).isEqualTo(d.measurement().map(m -> OptionalInt.of(clamp(rounded(
                m.bankMillivolts(), 10), Short.MIN_VALUE, Short.MAX_VALUE - 1))).orElse(OptionalInt.empty()));
        assertThat(got.deciamps()).isEqualTo(d.measurement().map(m -> OptionalInt.of(clamp(rounded(
                m.bankMilliamps(), 100), Short.MIN_VALUE, Short.MAX_VALUE - 1))).orElse(OptionalInt.empty()));
        assertThat(got.celsius()).isEqualTo(d.measurement().map(m -> OptionalInt.of(clamp(rounded(
                m.maxDeciCelsius(), 10), -40, 86))).orElse(OptionalInt.empty()));
        assertThat(got.socPermille()).isEqualTo(d.socPermille().map(OptionalInt::of).orElse(OptionalInt.empty()));
        assertThat(got.consumedDeciAmpHours()).isEqualTo(d.consumedMilliampHours().map(mah -> OptionalInt.of(clamp(
                rounded(Math.min(0, mah), 100), -0xFFFFE, 0))).orElse(OptionalInt.empty()));
        assertThat(got.timeToGoMinutes()).isEqualTo(d.timeRemaining().kind() == TimeRemaining.Kind.FINITE
                ? OptionalInt.of((int) Math.min(0xFFFE, d.timeRemaining().duration().toMinutes()))
                : OptionalInt.empty());
        assertCodes(d, got);
    }

    /** The docs' table of codes against fields, written out again as the oracle. */
    private static void assertCodes(DeviceValues d, BmsRecord got) {
        Conditions a = d.active();
        assertThat(got.io().get(IoStatus.Signal.ALLOWED_TO_CHARGE)).isEqualTo(IoStatus.of(d.outputs().charge()
                .isHigh()));
        assertThat(got.io().get(IoStatus.Signal.ALLOWED_TO_DISCHARGE)).isEqualTo(IoStatus.of(d.outputs().load()
                .isHigh()));
        assertThat(got.io().get(IoStatus.Signal.REMOTE)).isEqualTo(IoStatus.of(!a.has(Condition.REMOTE_OFF)));
        assertThat(got.io().get(IoStatus.Signal.CONTACTOR_CLOSED)).isEqualTo(IoStatus.State.NOT_AVAILABLE);
        int expectedError = a.has(Condition.E_B01) ? 4 : a.has(Condition.E_B05) ? 32 : a.has(Condition.E_B09) ? 34
                : a.has(Condition.E_B11) ? 11 : 0;
        assertThat(got.error()).isEqualTo(expectedError);
        assertThat(got.warningsAlarms().get(WarningsAlarms.Kind.LOW_CELL_VOLTAGE)).isEqualTo(level(
                a.has(Condition.A_B01) || a.has(Condition.A_B08), a.has(Condition.W_B01)));
        assertThat(got.warningsAlarms().get(WarningsAlarms.Kind.BMS_CABLE)).isEqualTo(level(
                a.has(Condition.A_B05) || a.has(Condition.E_B05), a.has(Condition.W_B05)));
        assertThat(got.warningsAlarms().get(WarningsAlarms.Kind.LOW_SOC)).isEqualTo(level(a.has(Condition.A_B07),
                a.has(Condition.W_B07)));
        assertThat(got.warningsAlarms().get(WarningsAlarms.Kind.HIGH_BATTERY_TEMPERATURE)).isEqualTo(level(
                a.has(Condition.A_B09), false));
        boolean codeHoldsLoads = a.dischargeBlockers().stream().anyMatch(Condition::isCode);
        assertThat(got.warningsAlarms().get(WarningsAlarms.Kind.LOAD_DISCONNECT)).isEqualTo(level(
                !d.outputs().load().isHigh() && codeHoldsLoads, d.outputs().load().isHigh()
                && d.outputs().preAlarm().isHigh()));
        for (WarningsAlarms.Kind unsupported : new WarningsAlarms.Kind[] {WarningsAlarms.Kind.HIGH_CURRENT,
            WarningsAlarms.Kind.HIGH_BMS_TEMPERATURE, WarningsAlarms.Kind.HIGH_CONTACTOR_RESISTANCE,
            WarningsAlarms.Kind.UNMAPPED}) {
            assertThat(got.warningsAlarms().get(unsupported)).isEqualTo(WarningsAlarms.Level.UNSUPPORTED);
        }
    }

    private static WarningsAlarms.Level level(boolean alarm, boolean warning) {
        return alarm ? WarningsAlarms.Level.ALARM : warning ? WarningsAlarms.Level.WARNING : WarningsAlarms.Level.OK;
    }

    private static long rounded(long value, long divisor) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_UP).longValue();
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }

    @Property(tries = TRIES)
    @Label("IR-01 the nonce does not repeat within 65,536 advertisements from any start, then wraps to the first")
    void nonce_neverRepeatsBeforeItWraps(@ForAll @IntRange(min = 0, max = 0xFFFF) int start) {
        NonceCounter counter = new NonceCounter(start);
        BitSet seen = new BitSet(NonceCounter.NONCES);
        for (int i = 0; i < NonceCounter.NONCES; i++) {
            int nonce = counter.next();
            if (seen.get(nonce)) {
                throw new AssertionError("nonce " + nonce + " came again after " + i + " advertisements");
            }
            seen.set(nonce);
        }
        assertThat(counter.next()).isEqualTo(start);
    }
}
