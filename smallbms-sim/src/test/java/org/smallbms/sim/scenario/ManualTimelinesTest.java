package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.FirmwarePhase;
import org.smallbms.sim.system.Run;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/**
 * Timelines of what the manual and REQUIREMENTS.md promise, written from them and checked from the outside: a
 * scenario runs, and only its events and the outputs each second are looked at.
 */
class ManualTimelinesTest {

    /** The outputs as they were at every second of a run, with the events. */
    private static final class Watched implements Simulation.Observer {
        final List<Instant> at = new ArrayList<>();
        final List<boolean[]> outputs = new ArrayList<>();
        final List<FirmwarePhase> firmware = new ArrayList<>();
        final List<Boolean> updating = new ArrayList<>();
        final List<Double> minCell = new ArrayList<>();
        final List<Double> busVolts = new ArrayList<>();

        @Override
        public void tick(Instant now, BmsState bms, SimulatedSystem system) {
            at.add(now);
            outputs.add(new boolean[] {bms.protection().outputs().charge().isHigh(),
                bms.protection().outputs().load().isHigh(), bms.protection().outputs().preAlarm().isHigh()});
            firmware.add(bms.protection().firmware());
            updating.add(bms.protection().has(Condition.FIRMWARE_UPDATING));
            minCell.add(system.minCellVolts());
            busVolts.add(system.bank().terminalVolts());
        }
    }

    private static Run run(String yaml, Watched watched) throws ScenarioException {
        return Run.of(Scenarios.parse(yaml, "timeline.yaml"), watched);
    }

    private static long seconds(Run run, Event event) {
        return Duration.between(run.start(), event.at()).getSeconds();
    }

    private static List<Event> named(Run run, String kind, String name, String value) {
        return run.events().stream().filter(e -> e.kind().label().equals(kind) && e.name().equals(name)
                && e.value().equals(value)).toList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PROT-05, PROT-11, CODE-07: a hard discharge in the cold, where the bank voltage falls before the cells say so.

    private static String cold(int amps) {
        return """
            name: cold
            start: 2026-01-10T20:00:00Z
            duration: 2h
            ambient: {celsius: -15}
            bms: {socKnown: false}
            batteries: {model: ng-12v8-100ah, series: 2, parallel: 1, soc: 14, celsius: -15}
            components:
              - name: heater
                type: dc-load
                demand: [{amps: %d}]
                control: {output: load-disconnect}
            """.formatted(amps);
    }

    @ParameterizedTest(name = "{0} A")
    @ValueSource(ints = {100, 200})
    @DisplayName("PROT-05 CODE-07 PROT-11 at 1C and 2C and -15 °C every undervoltage cut of the loads comes after "
            + "30 s of pre-alarm (or at the emergency level), and the loads stay off at least 60 s: no chatter")
    void cold_loadCutAfterPreAlarmLead_noChatter(int amps) throws ScenarioException {
        Watched watched = new Watched();
        Run run = run(cold(amps), watched);

        List<Event> cuts = named(run, "output", "ATD", "FLOATING");
        assertThat(cuts).as("the loads are cut at all").isNotEmpty();
        for (Event cut : cuts) {
            int t = (int) seconds(run, cut);
            // The frame of tick t is the system as the previous tick left it.
            boolean emergency = watched.minCell.get(t - 1) < 2.5 || watched.busVolts.get(t - 1) / 8 < 2.5;
            if (!emergency) {
                assertThat(t).as("a cut with no emergency comes after a whole lead").isGreaterThanOrEqualTo(30);
                for (int s = t - 30; s < t; s++) {
                    assertThat(watched.outputs.get(s)[2]).as("pre-alarm high at %d s, before the cut at %d s (%s)",
                            s, t, cut.cause()).isTrue();
                }
            }
            for (int s = t; s < Math.min(t + 60, watched.outputs.size()); s++) {
                assertThat(watched.outputs.get(s)[1]).as("loads off at %d s, within a minute of the cut at %d s",
                        s, t).isFalse();
            }
        }
        assertThat(cuts).as("at most one cut: nothing recharges the battery").hasSize(1);
    }

    @Test
    @DisplayName("CODE-07 PROT-11 A-B08 clears only once the bank is back at 3.20 V per cell, not when the load "
            + "is off and the voltage merely recovers")
    void cold2c_lowBankVoltageClearsAt320() throws ScenarioException {
        Watched watched = new Watched();
        Run run = run(cold(200), watched);

        assertThat(named(run, "code", "A-B08", "active")).isNotEmpty();
        for (Event cleared : named(run, "code", "A-B08", "cleared")) {
            int t = (int) seconds(run, cleared);
            assertThat(watched.busVolts.get(t) / 8).as("Vbat per cell when A-B08 cleared").isGreaterThanOrEqualTo(3.2);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PROT-12: after the loads are cut for A-B01, A-B07 or A-B08, the pre-alarm floats too.

    @Test
    @DisplayName("PROT-12 after A-B01 cuts the loads the pre-alarm floats, and stays floating while the alarm lasts")
    void lowCell_preAlarmFloatsAfterTheCut() throws ScenarioException {
        Watched watched = new Watched();
        Run run = run("""
                name: low-cell
                start: 2026-06-01T20:00:00Z
                duration: 4h
                bms: {socKnown: false}
                batteries: {model: ng-12v8-100ah, soc: 4}
                components:
                  - name: lights
                    type: dc-load
                    demand: [{amps: 10}]
                    control: {output: load-disconnect}
                """, watched);

        assertPreAlarmFloatsWhile(run, watched, "A-B01");
    }

    @Test
    @DisplayName("PROT-12 after A-B07 (the discharge floor) cuts the loads the pre-alarm floats, as after A-B01")
    void dischargeFloor_preAlarmFloatsAfterTheCut() throws ScenarioException {
        Watched watched = new Watched();
        Run run = run("""
                name: floor
                start: 2026-06-01T20:00:00Z
                duration: 2h
                bms: {settings: {dischargeFloor: 10, lowSocWarning: 20}}
                batteries: {model: ng-12v8-100ah, soc: 12}
                components:
                  - name: lights
                    type: dc-load
                    demand: [{amps: 10}]
                    control: {output: load-disconnect}
                """, watched);

        assertPreAlarmFloatsWhile(run, watched, "A-B07");
    }

    private static void assertPreAlarmFloatsWhile(Run run, Watched watched, String alarm) {
        Event raised = named(run, "code", alarm, "active").stream().findFirst().orElseThrow(() -> new AssertionError(
                alarm + " is never raised: " + run.lines()));
        int from = (int) seconds(run, raised);
        int to = named(run, "code", alarm, "cleared").stream().mapToInt(e -> (int) seconds(run, e)).filter(
                t -> t > from).findFirst().orElse(watched.outputs.size());
        assertThat(to - from).as("the alarm lasts").isGreaterThan(60);
        for (int s = from; s < to; s++) {
            assertThat(watched.outputs.get(s)[1]).as("loads off at %d s", s).isFalse();
            assertThat(watched.outputs.get(s)[2]).as("pre-alarm floating at %d s while %s", s, alarm).isFalse();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // TOP-06 (revised): a BMS cable pulled for a moment warns; pulled for longer, E-B05 after 5 s.

    private static String pulled(String forHowLong) {
        return """
                name: pulled
                start: 2026-06-01T12:00:00Z
                duration: 10m
                batteries: {model: ng-12v8-100ah, soc: 70}
                components:
                  - name: loads
                    type: dc-load
                    demand: [{amps: 3}]
                    control: {output: load-disconnect}
                schedule:
                  - {at: 2m, fault: pull-bms-cable}
                  - {at: %s, fault: replug-bms-cable}
                """.formatted(forHowLong);
    }

    @Test
    @DisplayName("TOP-06 CODE-02 a BMS cable pulled for 3 s shows W-B05 at once and cuts nothing")
    void cablePulledBriefly_warningOnly() throws ScenarioException {
        Watched watched = new Watched();
        Run run = run(pulled("2m3s"), watched);

        assertThat(run.firstAt(Run.is("code W-B05 active"))).isEqualTo(120);
        assertThat(run.lines()).doesNotContain("code E-B05 active");
        for (int s = 110; s < 140; s++) {
            assertThat(watched.outputs.get(s)[0]).as("charging allowed at %d s", s).isTrue();
            assertThat(watched.outputs.get(s)[1]).as("loads on at %d s", s).isTrue();
        }
    }

    @Test
    @DisplayName("TOP-06 a BMS cable pulled for 60 s: W-B05 at once, E-B05 and both outputs open 5 s later, and "
            + "they close 5 s after it is plugged back")
    void cablePulledLonger_errorAfter5sClearing5sAfterReplug() throws ScenarioException {
        Watched watched = new Watched();
        Run run = run(pulled("3m"), watched);

        assertThat(run.firstAt(Run.is("code W-B05 active"))).isEqualTo(120);
        assertThat(run.firstAt(Run.is("code E-B05 active"))).isEqualTo(125);
        assertThat(run.firstAt(Run.is("code E-B05 cleared"))).isEqualTo(185);
        assertThat(watched.outputs.get(124)[1]).isTrue();
        for (int s = 125; s < 185; s++) {
            assertThat(watched.outputs.get(s)[0]).as("charge output open at %d s", s).isFalse();
            assertThat(watched.outputs.get(s)[1]).as("load output open at %d s", s).isFalse();
        }
        assertThat(watched.outputs.get(185)[0]).isTrue();
        assertThat(watched.outputs.get(185)[1]).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PROT-13: a command acts in the tick it is applied.

    @Test
    @DisplayName("PROT-13 FW-01 a firmware update started at 600 s opens Charge disconnect at 600 s, not a tick "
            + "later; when it fails the status no longer says it is in progress")
    void firmwareUpdate_actsInItsTick_failureEndsInProgress() throws ScenarioException {
        Watched watched = new Watched();
        Run run = run("""
                name: firmware
                start: 2026-06-01T10:00:00Z
                duration: 20m
                batteries: {model: ng-12v8-100ah, soc: 50}
                components:
                  - name: charger
                    type: charger
                    maxAmps: 10
                    control: {output: charge-disconnect}
                  - name: loads
                    type: dc-load
                    demand: [{amps: 5}]
                    control: {output: load-disconnect}
                schedule:
                  - {at: 10m, firmware: {succeeds: false, takes: 2m}}
                """, watched);

        assertThat(watched.outputs.get(599)[0]).isTrue();
        assertThat(watched.outputs.get(600)[0]).as("Charge disconnect open in the tick the update starts").isFalse();
        assertThat(run.firstAt(Run.is("output ATC FLOATING"))).isEqualTo(600);
        assertThat(watched.outputs.get(600)[1]).as("FW-01: loads stay on").isTrue();
        assertThat(watched.firmware.get(600)).isEqualTo(FirmwarePhase.UPDATING);
        assertThat(watched.firmware.get(719)).isEqualTo(FirmwarePhase.UPDATING);
        assertThat(watched.firmware.get(720)).isEqualTo(FirmwarePhase.FAILED);
        assertThat(watched.updating.get(719)).isTrue();
        assertThat(watched.updating.subList(720, watched.updating.size()))
                .as("after the failure at 720 s the status no longer says an update is in progress")
                .containsOnly(false);
    }

    @Test
    @DisplayName("PROT-13 REM-03 Mode off from the schedule at 300 s floats both outputs at 300 s")
    void modeOff_actsInItsTick() throws ScenarioException {
        Watched watched = new Watched();
        run("""
                name: mode
                start: 2026-06-01T10:00:00Z
                duration: 10m
                batteries: {model: ng-12v8-100ah, soc: 50}
                components:
                  - name: loads
                    type: dc-load
                    demand: [{amps: 5}]
                    control: {output: load-disconnect}
                schedule:
                  - {at: 5m, setting: {name: mode, value: 0}}
                """, watched);

        assertThat(watched.outputs.get(299)[1]).isTrue();
        assertThat(watched.outputs.get(300)[0]).isFalse();
        assertThat(watched.outputs.get(300)[1]).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A weak battery in a 24 V bank: what an installer worries about.

    private static final String WEAK_24V = """
            name: weak-24v
            start: 2026-06-01T18:00:00Z
            duration: 12h
            bms: {socKnown: false}
            batteries:
              model: ng-12v8-100ah
              series: 2
              parallel: 2
              soc: 30
              overrides:
                - {battery: 3, capacity: 0.7, weakCell: {cell: 2, capacity: 0.6, resistance: 2}}
                - {battery: 2, celsiusOffset: 8, soc: 35}
            components:
              - name: loads
                type: dc-load
                demand: [{amps: 20}]
                control: {output: load-disconnect}
            """;

    @Test
    @DisplayName("PROT-05 SYS-02 a scenario can make one battery weaker: its weak cell gives out first and the BMS "
            + "names that battery when it warns and when it cuts the loads")
    void weakBattery_givesOutFirstAndIsNamed() throws ScenarioException {
        List<double[]> lowest = new ArrayList<>();
        Run run = Run.of(Scenarios.parse(WEAK_24V, "weak.yaml"), new Simulation.Observer() {
            @Override
            public void tick(Instant at, BmsState bms, SimulatedSystem system) {
                List<org.smallbms.sim.battery.Battery> all = system.bank().batteries();
                lowest.add(all.stream().mapToDouble(org.smallbms.sim.battery.Battery::minCellVolts).toArray());
            }
        });

        Event warning = named(run, "code", "W-B01", "active").get(0);
        assertThat(warning.cause()).contains("battery HQ24010003");
        Event cut = named(run, "output", "ATD", "FLOATING").get(0);
        assertThat(cut.cause()).contains("HQ24010003");
        double[] atWarning = lowest.get((int) seconds(run, warning));
        for (int b = 0; b < 4; b++) {
            if (b != 2) {
                assertThat(atWarning[2]).as("battery 3 lowest, below battery %d", b + 1).isLessThan(atWarning[b]);
            }
        }
    }

    @Test
    @DisplayName("a battery in a warmer place runs warmer, and one given its own SoC starts there")
    void overrides_warmerPlaceAndOwnSoc() throws ScenarioException {
        SimulatedSystem world = Scenarios.parse(WEAK_24V, "weak.yaml").newWorld(1);
        List<org.smallbms.sim.battery.Battery> all = world.bank().batteries();

        assertThat(all.get(1).soc()).isCloseTo(0.35, org.assertj.core.api.Assertions.within(0.001));
        assertThat(all.get(0).soc()).isCloseTo(0.30, org.assertj.core.api.Assertions.within(0.001));
        assertThat(all.get(1).celsius() - all.get(0).celsius()).isCloseTo(8, org.assertj.core.api.Assertions
                .within(0.01));
        assertThat(all.get(2).cells().capacityAmpHours(1)).as("the weak cell")
                .isLessThan(0.75 * all.get(0).cells().capacityAmpHours(1));
    }

    @Test
    @DisplayName("overrides name a battery of the bank and a cell of the battery, once each; else the line says why")
    void overrides_outOfTheBank_refusedWithTheField() {
        String base = WEAK_24V.substring(0, WEAK_24V.indexOf("  overrides:"));
        for (String[] bad : new String[][] {
            {"  overrides: [{battery: 5}]\n", "batteries.overrides[0].battery", "allowed 1..4"},
            {"  overrides: [{battery: 1, weakCell: {cell: 5, capacity: 0.5}}]\n",
                "batteries.overrides[0].weakCell.cell", "allowed 1..4"},
            {"  overrides: [{battery: 1}, {battery: 1, soc: 20}]\n", "batteries.overrides[1].battery", "twice"},
            {"  overrides: [{battery: 1, capacity: 2}]\n", "capacity", "0.3..1.2"}}) {
            assertThatThrownBy(() -> Scenarios.parse(base + bad[0], "bad.yaml")).as(bad[0])
                    .isInstanceOf(ScenarioException.class).hasMessageContaining(bad[1]).hasMessageContaining(bad[2]);
        }
    }
}
