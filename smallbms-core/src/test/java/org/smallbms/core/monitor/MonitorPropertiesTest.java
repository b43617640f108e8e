package org.smallbms.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.settings.Settings;

class MonitorPropertiesTest {

    static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    static final Settings SETTINGS = Settings.defaults(SystemVoltage.V12);

    /** One report after {@code seconds}, or a user's set SoC (permille ≥ 0) or synchronise (permille = -1). */
    record Op(int seconds, int millivolts, int milliamps, int command) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 90),
                Arbitraries.integers().between(12_000, 14_600), Arbitraries.integers().between(-200_000, 200_000),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, Arbitraries.just(-2)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(-1)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 1000))))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(30);
    }

    static Measurement measured(Op op) {
        return new Measurement(100, op.millivolts(), op.milliamps(), 3_300, 3_400, 200, 220);
    }

    @Property(tries = 10_000)
    @Label("MON-01 MON-03 SoC stays within 0..100 % and consumed Ah is never positive, whatever flows")
    void socWithinBoundsAndConsumedNeverPositive(@ForAll("ops") List<Op> ops) {
        MonitorState state = MonitorState.UNKNOWN;
        Instant now = T0;
        // While the SoC is unknown nothing is counted and both bounds hold trivially: count the steps that count.
        boolean countedKnown = false;
        for (Op op : ops) {
            now = now.plusSeconds(op.seconds());
            countedKnown |= state.socKnown();
            state = Monitor.step(state, now, Optional.of(measured(op)), SETTINGS).state();
            if (op.command() == -1) {
                state = Monitor.synchronise(state, now).state();
            } else if (op.command() >= 0) {
                state = Monitor.setSoc(state, now, op.command()).state();
            }
            assertThat(state.socPermille()).isBetween(0, 1000);
            assertThat(state.consumedMilliampHours()).isLessThanOrEqualTo(0);
        }
        Statistics.label("SoC").collect(countedKnown ? "a step counted from a known SoC" : "never counted");
        Statistics.label("SoC").coverage(coverage -> coverage.check("a step counted from a known SoC")
                .percentage(p -> p >= 50));
    }

    @Property(tries = 10_000)
    @Label("MON-01 a charge followed by the same discharge returns to the same SoC less the 1 % efficiency loss")
    void chargeThenSameDischarge_losesOnlyTheEfficiency(@ForAll @IntRange(min = 200, max = 800) int startPermille,
            @ForAll @IntRange(min = 1, max = 50_000) int milliamps, @ForAll @IntRange(min = 1, max = 60) int seconds,
            @ForAll @IntRange(min = 1, max = 20) int steps) {
        Instant now = T0;
        Measurement rest = new Measurement(100, 13_200, 0, 3_300, 3_300, 200, 200);
        MonitorState state = Monitor.step(MonitorState.UNKNOWN, now, Optional.of(rest), SETTINGS).state();
        state = Monitor.setSoc(state, now, startPermille).state();
        long removedBefore = state.removedNanocoulombs();
        for (int sign : new int[] {1, -1}) {
            for (int i = 0; i < steps; i++) {
                now = now.plusSeconds(seconds);
                state = Monitor.step(state, now, Optional.of(new Measurement(100, 13_200, sign * milliamps, 3_300,
                        3_300, 200, 200)), SETTINGS).state();
            }
        }
        long microcoulombsEachWay = (long) milliamps * seconds * 1000 * steps;
        // Counted in at 990 nC per µC, out at 1000: the difference is 1 % of the charge.
        assertThat(state.removedNanocoulombs() - removedBefore).isEqualTo(microcoulombsEachWay * 10);
        long lossPermille = microcoulombsEachWay * 10 / (MonitorState.capacityNanocoulombs(100) / 1000);
        assertThat(state.socPermille()).isBetween((int) (startPermille - lossPermille - 1), startPermille);
    }
}
