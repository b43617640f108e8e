package org.smallbms.sim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bms.BmsState;
import org.smallbms.sim.monitor.ShuntMonitor;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

/** A SmartShunt on the bank's minus in a running system, and what the world panel shows of it. */
class MonitorInTheWorldTest {

    private static final String SYSTEM = """
            name: t
            duration: 2d
            step: 2s
            bms: {device: classic, remote: switch-h-to-plus}
            batteries: {model: smart-12v8-100ah, soc: 60}
            components:
              - {name: solar, type: solar-charger, panelWatts: 400, maxAmps: 30,
                 control: {output: charge-disconnect, link: ve-direct-non-inverting-cable}}
              - {name: loads, type: battery-protect, demand: [{amps: 3}, {amps: 8, hours: ["18:00-23:00"]}],
                 control: {output: load-disconnect}}
              - {name: shunt, type: smart-shunt}
            """;

    @Test
    @DisplayName("CLS-01 a SmartShunt counts what passes its shunt: over two days of sun and loads its SoC stays "
            + "within 3 % of the bank's, it synchronises at the charged voltage and tail current, and the world "
            + "panel shows it")
    void smartShunt_tracksTheBankAndShows() throws ScenarioException {
        Scenario scenario = Scenarios.parse(SYSTEM, "t.yaml");
        double[] worst = {0};
        Run run = Run.of(scenario, new Simulation.Observer() {
            @Override
            public void tick(Instant at, BmsState bms, SimulatedSystem system) {
                ShuntMonitor shunt = system.monitors().get(0);
                worst[0] = Math.max(worst[0], Math.abs(shunt.socPercent().getAsDouble() - system.soc() * 100));
            }
        });

        ShuntMonitor shunt = run.system().monitors().get(0);
        assertThat(worst[0]).isLessThan(3);
        assertThat(run.lines()).contains("monitor shunt SoC 100.0 %");
        assertThat(shunt.history().synchronisations()).isPositive();
        assertThat(shunt.history().cumulativeAmpHoursDrawn()).isLessThan(-100);
        assertThat(shunt.amps()).isCloseTo(run.system().bankAmps(), within(1e-12));
        WorldView.MonitorView view = run.system().view().orElseThrow().monitors().get(0);
        assertThat(view.name()).isEqualTo("shunt");
        assertThat(view.product()).isEqualTo("SmartShunt 500A/50mV");
        assertThat(view.socPercent()).isPresent();
        assertThat(view.hasRelay()).isFalse();
        assertThat(view.relayClosed()).isTrue();
        assertThat(view.volts()).isBetween(12.0, 14.6);
    }

    @Test
    @DisplayName("CLS-01 the SmartShunt's own draw (under 1 mA, taken as 1 mA) comes from the bank but not through "
            + "its shunt; a system without a monitor shows none")
    void ownDraw_notCounted_noMonitorShowsNone() throws ScenarioException {
        Scenario idle = Scenarios.parse("name: t\nduration: 10m\nbms: {device: classic}\nbatteries: {model: "
                + "smart-12v8-100ah}\ncomponents:\n  - {name: shunt, type: smart-shunt}\n", "t.yaml");
        Run run = Run.of(idle);

        ShuntMonitor shunt = run.system().monitors().get(0);
        assertThat(shunt.amps()).isCloseTo(-0.0022, within(1e-9));
        Run ng = Run.of(Scenarios.parse("name: t\nduration: 10m\nbatteries: {model: ng-12v8-100ah}\n", "t.yaml"));
        assertThat(ng.system().view().orElseThrow().monitors()).isEmpty();
    }
}
