package org.smallbms.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.event.Event;
import org.smallbms.core.settings.Settings;

class MonitorTest {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final Settings SETTINGS = Settings.defaults(SystemVoltage.V12);
    /** A 12 V bank at rest, well below the 14.0 V charged voltage. */
    static final int RESTING_MILLIVOLTS = 13_200;

    /** Drives the monitor of a 100 Ah bank one report at a time, the way the control loop does. */
    static final class Run {
        MonitorState state = MonitorState.UNKNOWN;
        Instant now = T0;
        final List<Event> events = new ArrayList<>();
        final List<Instant> synchronisedAt = new ArrayList<>();

        Run() {
            report(RESTING_MILLIVOLTS, 0);
        }

        void report(int millivolts, int milliamps) {
            MonitorStep step = Monitor.step(state, now, Optional.of(new Measurement(100, millivolts, milliamps,
                    3_300, 3_300, 250, 250)), SETTINGS);
            state = step.state();
            events.addAll(step.events());
            if (step.synchronised()) {
                synchronisedAt.add(now);
            }
        }

        /** One report a second for {@code seconds} seconds. */
        void hold(int seconds, int millivolts, int milliamps) {
            for (int i = 0; i < seconds; i++) {
                now = now.plusSeconds(1);
                report(millivolts, milliamps);
            }
        }

        void setSoc(int permille) {
            state = Monitor.setSoc(state, now, permille).state();
        }

        TimeRemaining timeRemaining() {
            return Monitor.timeRemaining(state, SETTINGS.dischargeFloorPercent());
        }
    }

    @Test
    @DisplayName("MON-01 a 10 A discharge for one hour from 100 % leaves 90.0 % of a 100 Ah bank, 10 Ah consumed")
    void step_discharge10AmpsForAnHour_countsTenAmpHours() {
        Run run = new Run();
        run.state = Monitor.synchronise(run.state, run.now).state();
        run.hold(3_600, RESTING_MILLIVOLTS, -10_000);
        assertThat(run.state.socPermille()).isEqualTo(900);
        assertThat(run.state.consumedMilliampHours()).isEqualTo(-10_000);
    }

    @Test
    @DisplayName("MON-01 charge is counted at 99 %: 10 A for one hour from 50 % adds 9.9 Ah")
    void step_charge10AmpsForAnHour_countsNinetyNinePercent() {
        Run run = new Run();
        run.setSoc(500);
        run.hold(3_600, RESTING_MILLIVOLTS, 10_000);
        assertThat(run.state.socPermille()).isEqualTo(599);
        assertThat(run.state.removedNanocoulombs())
                .isEqualTo(50L * 3_600_000_000_000L - 9_900L * 3_600_000_000L);
    }

    @Test
    @DisplayName("MON-01 nothing is counted while the SoC is unknown")
    void step_socUnknown_countsNothing() {
        Run run = new Run();
        run.hold(600, RESTING_MILLIVOLTS, -50_000);
        assertThat(run.state.socKnown()).isFalse();
        assertThat(run.state.removedNanocoulombs()).isZero();
        assertThat(run.state.consumedMilliampHours()).isZero();
    }

    @Test
    @DisplayName("MON-01 MON-06 bank current is the sum over parallel strings, each string's current once; "
            + "voltage and power follow")
    void measurement_twoInSeriesThreeInParallel_sumsTheStrings() {
        TestBank bank = new TestBank(BatteryModel.NG_12V8_100AH, 2, 3, "SP");
        BankFrame frame = bank.frame(3_300, 3_300, 250, 5_000, 6_000, -2_000);
        Measurement m = Measurement.of(frame, bank.bank()).orElseThrow();
        assertThat(m.capacityAmpHours()).isEqualTo(300);
        assertThat(m.bankMilliamps()).isEqualTo(9_000);
        assertThat(m.bankMillivolts()).isEqualTo(26_400);
        assertThat(m.milliwatts()).isEqualTo(237_600);
    }

    @Test
    @DisplayName("MON-06 no measurement while a battery of the bank does not report: a partial sum is not the bank")
    void measurement_batteryMissing_isEmpty() {
        TestBank bank = new TestBank(BatteryModel.NG_12V8_100AH, 1, 2, "PM");
        BankFrame frame = bank.frame(3_300, -4_000);
        BankFrame oneSilent = new BankFrame(frame.batteries().subList(0, 1), 2, true, frame.terminalMillivolts(),
                frame.remote(), frame.readback(), true);
        assertThat(Measurement.of(frame, bank.bank())).isPresent();
        assertThat(Measurement.of(oneSilent, bank.bank())).isEmpty();
    }

    @Test
    @DisplayName("MON-02 synchronises to 100 % after exactly the charged detection time at charged voltage and "
            + "tail current")
    void step_chargedForDetectionTime_synchronisesAfterExactlyThreeMinutes() {
        Run run = new Run();
        run.setSoc(800);
        Instant start = run.now.plusSeconds(1);
        run.hold(180, 14_000, 3_000);
        assertThat(run.synchronisedAt).isEmpty();
        assertThat(run.state.socPermille()).isLessThan(1000);
        run.hold(1, 14_000, 3_000);
        assertThat(run.synchronisedAt).containsExactly(start.plus(Duration.ofMinutes(3)));
        assertThat(run.state.socPermille()).isEqualTo(1000);
        assertThat(run.state.consumedMilliampHours()).isZero();
        assertThat(run.events).anySatisfy(e -> assertThat(e.cause()).startsWith("synchronised"));
    }

    @Test
    @DisplayName("MON-02 one tick above the tail current restarts the charged detection time")
    void step_oneTickAboveTailCurrent_restartsTheTimer() {
        Run run = new Run();
        run.setSoc(800);
        run.hold(100, 14_000, 3_000);
        run.hold(1, 14_000, 4_100);
        Instant restart = run.now.plusSeconds(1);
        run.hold(180, 14_000, 3_000);
        assertThat(run.synchronisedAt).isEmpty();
        run.hold(1, 14_000, 3_000);
        assertThat(run.synchronisedAt).containsExactly(restart.plus(Duration.ofMinutes(3)));
    }

    @Test
    @DisplayName("MON-02 no synchronisation below the charged voltage, however long the tail current holds")
    void step_belowChargedVoltage_neverSynchronises() {
        Run run = new Run();
        run.setSoc(800);
        run.hold(3_600, 13_990, 1_000);
        assertThat(run.synchronisedAt).isEmpty();
    }

    @Test
    @DisplayName("MON-02 one spell at charged voltage and tail current synchronises once")
    void step_chargedForAnHour_synchronisesOnce() {
        Run run = new Run();
        run.hold(3_600, 14_100, 500);
        assertThat(run.synchronisedAt).hasSize(1);
        assertThat(run.state.socKnown()).isTrue();
    }

    @Test
    @DisplayName("MON-02 a gap in the reports longer than a minute restarts the charged detection time")
    void step_gapInReports_restartsTheTimer() {
        Run run = new Run();
        run.hold(120, 14_000, 1_000);
        run.now = run.now.plusSeconds(90);
        Instant restart = run.now;
        run.report(14_000, 1_000);
        run.hold(179, 14_000, 1_000);
        assertThat(run.synchronisedAt).isEmpty();
        run.hold(1, 14_000, 1_000);
        assertThat(run.synchronisedAt).containsExactly(restart.plus(Duration.ofMinutes(3)));
    }

    @Test
    @DisplayName("MON-03 consumed Ah is 0 at synchronisation and the negative Ah drawn since")
    void consumed_afterSynchronisationAndDischarge_isNegative() {
        Run run = new Run();
        run.hold(181, 14_000, 2_000);
        assertThat(run.synchronisedAt).hasSize(1);
        assertThat(run.state.consumedMilliampHours()).isZero();
        run.hold(1_800, RESTING_MILLIVOLTS, -5_000);
        assertThat(run.state.consumedMilliampHours()).isEqualTo(-2_500);
    }

    @Test
    @DisplayName("MON-04 at a steady 10 A the time remaining is the charge above the discharge floor over 10 A")
    void timeRemaining_steadyLoad_isChargeAboveFloorOverCurrent() {
        Run run = new Run();
        run.setSoc(600);
        run.hold(120, RESTING_MILLIVOLTS, -10_000);
        // 60 % of 100 Ah less 1200 C drawn, down to the 10 % floor: 178 800 C at 10 A.
        assertThat(run.timeRemaining()).isEqualTo(TimeRemaining.of(Duration.ofSeconds(17_880)));
        assertThat(run.timeRemaining().label()).isEqualTo("4h 58m");
    }

    @Test
    @DisplayName("MON-04 infinite while charging or below the 0.1 A threshold; at most 240 h; unknown while SoC is")
    void timeRemaining_edges() {
        Run run = new Run();
        assertThat(run.timeRemaining()).isEqualTo(TimeRemaining.UNKNOWN);
        run.setSoc(900);
        run.hold(120, RESTING_MILLIVOLTS, 2_000);
        assertThat(run.timeRemaining()).isEqualTo(TimeRemaining.INFINITE);
        run.hold(120, RESTING_MILLIVOLTS, -99);
        assertThat(run.timeRemaining()).isEqualTo(TimeRemaining.INFINITE);
        run.hold(120, RESTING_MILLIVOLTS, -150);
        assertThat(run.timeRemaining()).isEqualTo(TimeRemaining.of(Monitor.MAX_TIME_REMAINING));
    }

    @Test
    @DisplayName("MON-04 the current is averaged over the last minute: a load step shows fully after a minute")
    void averageMilliamps_afterLoadStep_reachesNewLoadAfterOneMinute() {
        Run run = new Run();
        run.setSoc(900);
        run.hold(120, RESTING_MILLIVOLTS, -10_000);
        run.hold(1, RESTING_MILLIVOLTS, -20_000);
        assertThat(Monitor.averageMilliamps(run.state)).isBetween(-10_500L, -10_000L);
        run.hold(30, RESTING_MILLIVOLTS, -20_000);
        assertThat(Monitor.averageMilliamps(run.state)).isBetween(-16_000L, -14_000L);
        run.hold(40, RESTING_MILLIVOLTS, -20_000);
        assertThat(Monitor.averageMilliamps(run.state)).isEqualTo(-20_000L);
    }

    @Test
    @DisplayName("MON-05 set SoC moves consumed Ah with it; synchronise sets 100 % and 0 Ah")
    void setSocAndSynchronise() {
        Run run = new Run();
        run.setSoc(555);
        assertThat(run.state.socPermille()).isEqualTo(555);
        assertThat(run.state.consumedMilliampHours()).isEqualTo(-44_500);
        MonitorStep sync = Monitor.synchronise(run.state, run.now);
        assertThat(sync.state().socPermille()).isEqualTo(1000);
        assertThat(sync.state().consumedMilliampHours()).isZero();
        assertThat(sync.synchronised()).as("a user's synchronise is not a detected full charge").isFalse();
        assertThat(sync.events()).singleElement().satisfies(e -> assertThat(e.cause()).contains("was 55.5 %"));
    }

    @Test
    @DisplayName("MON-05 set SoC refuses a value outside 0..100 % and a bank not yet reported, with the reason")
    void setSocProblem_refusals() {
        assertThat(Monitor.setSocProblem(MonitorState.UNKNOWN, 500)).get().asString()
                .contains("bank capacity is not known");
        Run run = new Run();
        assertThat(Monitor.setSocProblem(run.state, 1_001)).get().asString()
                .contains("State of charge = 100.1 %").contains("0.0..100.0 %");
        assertThat(Monitor.setSocProblem(run.state, -1)).isPresent();
        assertThat(Monitor.setSocProblem(run.state, 0)).isEmpty();
        assertThat(Monitor.setSocProblem(run.state, 1000)).isEmpty();
    }

    @Test
    @DisplayName("MON-01 a bank that grows keeps its SoC in percent and counts against the new capacity")
    void step_capacityChanges_keepsSocPercent() {
        Run run = new Run();
        run.setSoc(700);
        MonitorStep step = Monitor.step(run.state, run.now.plusSeconds(1), Optional.of(new Measurement(200,
                RESTING_MILLIVOLTS, 0, 3_300, 3_300, 250, 250)), SETTINGS);
        assertThat(step.state().socPermille()).isEqualTo(700);
        assertThat(step.state().consumedMilliampHours()).isEqualTo(-60_000);
        assertThat(step.events()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("capacity"));
    }
}
