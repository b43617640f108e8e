package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smallbms.sim.scenario.Refused.refusal;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bms.BmsState;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.system.Run;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/** CLS-02: the Lithium Battery Smart's two levels are set in the battery, from the scenario's batteries. */
class BatterySideSettingsTest {

    private static final String CLASSIC = "name: t\nduration: 3h\nbms: {device: classic}\n";

    @Test
    @DisplayName("CLS-02 batteries.loadDisconnectVolts and preAlarmVolts reach every Lithium Battery Smart of the "
            + "bank; without them the defaults 2.8 V and 3.1 V")
    void levels_reachEveryBattery() throws ScenarioException {
        Scenario set = Scenarios.parse(CLASSIC + "batteries: {model: smart-12v8-100ah, series: 2, parallel: 2, "
                + "loadDisconnectVolts: 2.65, preAlarmVolts: 2.9}\n", "t.yaml");
        Scenario defaults = Scenarios.parse(CLASSIC + "batteries: {model: smart-12v8-100ah}\n", "t.yaml");

        assertThat(set.newWorld(1).bank().batteries()).hasSize(4).allSatisfy(b -> {
            assertThat(b.thresholds().cellLowVolts()).isEqualTo(2.65);
            assertThat(b.thresholds().preAlarmVolts()).isEqualTo(2.9);
        });
        assertThat(set.loadDisconnectVolts()).hasValue(2.65);
        Battery battery = defaults.newWorld(1).bank().batteries().get(0);
        assertThat(battery.thresholds().cellLowVolts()).isEqualTo(2.8);
        assertThat(battery.thresholds().preAlarmVolts()).isEqualTo(3.1);
    }

    @Test
    @DisplayName("Bad input: CLS-02 a level outside its range is refused at its line with the value, the allowed "
            + "range and the default")
    void levelOutOfRange_refusedWithRange() {
        ScenarioException low = refusal(CLASSIC + "batteries:\n  model: smart-12v8-100ah\n  loadDisconnectVolts: "
                + "2.5\n");
        ScenarioException high = refusal(CLASSIC + "batteries:\n  model: smart-12v8-100ah\n  preAlarmVolts: 3.3\n");

        assertThat(low.line()).isEqualTo(6);
        assertThat(low.field()).isEqualTo("batteries.loadDisconnectVolts");
        assertThat(low.problem()).contains("2.5", "2.6..2.8 V", "2.8 V, the default");
        assertThat(high.line()).isEqualTo(6);
        assertThat(high.field()).isEqualTo("batteries.preAlarmVolts");
        assertThat(high.problem()).contains("3.3", "2.85..3.15 V", "3.1 V, the default");
    }

    @Test
    @DisplayName("Bad input: CLS-02 a Lithium NG has no battery-side levels: the key is refused, named, with the fix")
    void levelOnLithiumNg_refused() {
        ScenarioException e = refusal("name: t\nbatteries:\n  model: ng-12v8-100ah\n  preAlarmVolts: 3.0\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.field()).isEqualTo("batteries.preAlarmVolts");
        assertThat(e.problem()).contains("Lithium NG 12.8V/100Ah", "hard-coded", "remove batteries.preAlarmVolts",
                "smart-12v8-100ah");
    }

    @Test
    @DisplayName("CLS-02 CLS-03 with the pre-alarm set to 2.9 V in the battery, the classic's pre-alarm output goes "
            + "high only once a cell is below 2.9 V, and the loads go off at least 30 s later at the 2.65 V load "
            + "disconnect level")
    void lowerPreAlarmLevel_preAlarmLaterLoadsOffAfterLead() throws ScenarioException {
        Scenario scenario = Scenarios.parse(CLASSIC + "batteries: {model: smart-12v8-100ah, soc: 6, "
                + "loadDisconnectVolts: 2.65, preAlarmVolts: 2.9}\ncomponents:\n  - {name: loads, type: "
                + "battery-protect, disconnectVolts: 9, demand: [{amps: 20}], control: {output: load-disconnect}}\n",
                "t.yaml");
        double[] cellAt = {Double.NaN, Double.NaN};
        Run run = Run.of(scenario, new Simulation.Observer() {
            @Override
            public void tick(Instant at, BmsState bms, SimulatedSystem system) {
                if (bms.protection().outputs().preAlarm().isHigh() && Double.isNaN(cellAt[0])) {
                    cellAt[0] = system.minCellVolts();
                }
                if (!bms.protection().outputs().load().isHigh() && Double.isNaN(cellAt[1])) {
                    cellAt[1] = system.minCellVolts();
                }
            }
        });

        assertThat(run.lines()).containsSubsequence("output PRE_ALARM HIGH", "output ATD FLOATING");
        assertThat(cellAt[0]).isLessThan(2.9).isGreaterThan(2.85);
        assertThat(cellAt[1]).isLessThan(2.7);
        long lead = run.firstAt(Run.is("output ATD FLOATING")) - run.firstAt(Run.is("output PRE_ALARM HIGH"));
        assertThat(Duration.ofSeconds(lead)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }
}
