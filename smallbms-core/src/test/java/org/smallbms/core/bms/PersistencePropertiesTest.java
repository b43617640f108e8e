package org.smallbms.core.bms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.smallbms.core.monitor.TestBank;
import org.smallbms.core.settings.Setting;

class PersistencePropertiesTest {

    static final TestBank BANK = TestBank.ONE_12V_100AH;

    /** A step after {@code seconds}, then maybe a command: set SoC (≥ 0), synchronise (-1), reset history (-2). */
    record Tick(int seconds, int cellMillivolts, int milliamps, int command) {
    }

    static final int NO_COMMAND = -3;

    @Provide
    Arbitrary<List<Tick>> ticks() {
        Arbitrary<Tick> tick = Combinators.combine(Arbitraries.integers().between(0, 90),
                Arbitraries.integers().between(3_250, 3_550), Arbitraries.integers().between(-30_000, 10_000),
                Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(NO_COMMAND)),
                        Tuple.of(1, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.just(-2)),
                        Tuple.of(2, Arbitraries.integers().between(0, 1000))))
                .as(Tick::new);
        return tick.list().ofMinSize(1).ofMaxSize(25);
    }

    static BmsState apply(BmsState state, Instant now, Tick tick) {
        BmsState next = Bms.step(state, now, BANK.frame(tick.cellMillivolts(), tick.milliamps()));
        Command command = switch (tick.command()) {
            case NO_COMMAND -> null;
            case -1 -> new Command.Synchronise();
            case -2 -> new Command.ResetHistory();
            default -> new Command.SetSoc(tick.command() / 10.0);
        };
        return command == null ? next : Bms.handle(next, now, command).state();
    }

    @Property(tries = 10_000)
    @Label("MON-07 checkpoint, restore and continue gives the same as continuing without a stop")
    void checkpointRestoreContinue_equalsContinue(@ForAll("ticks") List<Tick> ticks,
            @ForAll @IntRange(min = 1, max = 25) int checkpoint) {
        // At least one tick before the restart, so there is always a restore to compare with running on.
        int stopAfter = Math.min(checkpoint, ticks.size());
        Statistics.label("restore").collect(stopAfter < ticks.size() ? "mid-run" : "after the last tick");
        Statistics.label("restore").coverage(coverage -> coverage.check("mid-run").percentage(p -> p >= 30));
        Instant start = BmsRun.T0;
        BmsState initial = Bms.handle(Bms.initial(), start, new Command.ChangeSetting(
                Setting.CHARGED_DETECTION_TIME, 1)).state();
        BmsState continuous = initial;
        BmsState stopped = initial;
        Instant now = start;
        for (int i = 0; i < ticks.size(); i++) {
            now = now.plusSeconds(ticks.get(i).seconds());
            continuous = apply(continuous, now, ticks.get(i));
            stopped = apply(stopped, now, ticks.get(i));
            if (i + 1 == stopAfter) {
                stopped = Bms.restore(stopped.persisted(), now);
            }
        }
        assertThat(stopped.persisted()).isEqualTo(continuous.persisted());
        assertThat(stopped.timeRemaining()).isEqualTo(continuous.timeRemaining());
        if (stopAfter < ticks.size()) {
            assertThat(stopped.balancer()).isEqualTo(continuous.balancer());
        }
    }
}
