package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bms.BmsState;
import org.smallbms.sim.check.Finding;
import org.smallbms.sim.check.SystemCheck;
import org.smallbms.sim.system.Run;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;
import org.smallbms.sim.system.WorldView;

/** The classic manual's §3.1 advice: a BMV's SoC relay on the remote terminal shuts the system down first. */
class BmvSocShutdownTest {

    @Test
    @DisplayName("CLS-01 CLS-03 §3.1: the BMV-712's relay opens below 20 % SoC, the remote terminal opens and the "
            + "BMS switches loads and charger off; the cells never reach the battery's load disconnect level")
    void bmvRelay_shutsDownBeforeTheLastResort() throws ScenarioException {
        Scenario scenario = Scenarios.builtIn("classic-3.1-bmv-soc-shutdown");
        double[] lowest = {Double.MAX_VALUE};
        double[] loadsAfter = {0};
        Run run = Run.of(scenario, new Simulation.Observer() {
            @Override
            public void tick(Instant at, BmsState bms, SimulatedSystem system) {
                lowest[0] = Math.min(lowest[0], system.minCellVolts());
                if (!system.monitors().get(0).relayClosed() && !bms.protection().outputs().load().isHigh()) {
                    loadsAfter[0] = Math.max(loadsAfter[0], Math.abs(system.componentAmps(0)));
                }
            }
        });

        assertThat(run.lines()).containsSubsequence("monitor bmv relay open", "state REMOTE_OFF active",
                "output ATC FLOATING", "output ATD FLOATING");
        assertThat(run.lines()).noneMatch(line -> line.startsWith("state CELL_UNDERVOLTAGE")
                || line.startsWith("state CELL_PRE_ALARM"));
        assertThat(lowest[0]).isGreaterThan(scenario.loadDisconnectVolts().getAsDouble() + 0.1);
        assertThat(loadsAfter[0]).isZero();
        // About 20 Ah of the 100 are held in reserve, as §3.1 asks: "always enough reserve capacity".
        assertThat(run.system().soc()).isBetween(0.17, 0.21);
        WorldView.MonitorView bmv = run.system().view().orElseThrow().monitors().get(0);
        assertThat(bmv.product()).isEqualTo("BMV-712 Smart");
        assertThat(bmv.hasRelay()).isTrue();
        assertThat(bmv.relayClosed()).isFalse();
        assertThat(bmv.socPercent().getAsDouble()).isLessThan(20);
    }

    @Test
    @DisplayName("CLS-01 §3.1: with the BMV relay on the remote the check has no last-resort advice and no error")
    void check_bmvRelaySatisfiesTheAdvice() throws ScenarioException {
        var findings = SystemCheck.check(Scenarios.builtIn("classic-3.1-bmv-soc-shutdown"));

        assertThat(findings).noneMatch(f -> f.section().equals("§3.1"));
        assertThat(findings).noneMatch(f -> f.severity() == Finding.Severity.ERROR);
    }

    @Test
    @DisplayName("Bad input: bms.remote bmv-relay without a bmv-712 that has a relay is refused, naming how to add "
            + "one")
    void bmvRelayWithoutBmv_refused() {
        ScenarioException e = null;
        try {
            Scenarios.parse("name: t\nbms:\n  device: classic\n  remote: bmv-relay\nbatteries: {model: "
                    + "smart-12v8-100ah}\ncomponents:\n  - {name: shunt, type: smart-shunt}\n", "t.yaml");
        } catch (ScenarioException refused) {
            e = refused;
        }
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.field()).isEqualTo("bms.remote");
        assertThat(e.problem()).contains("bmv-712", "relay: {openBelowSoc: 50, closeAboveSoc: 90}");
    }

    @Test
    @DisplayName("Bad input: a BMV relay that closes below where it opens is refused at the component")
    void relayBackwards_refused() {
        ScenarioException e = null;
        try {
            Scenarios.parse("name: t\nbms: {device: classic}\nbatteries: {model: smart-12v8-100ah}\ncomponents:\n"
                    + "  - {name: bmv, type: bmv-712, relay: {openBelowSoc: 90, closeAboveSoc: 50}}\n", "t.yaml");
        } catch (ScenarioException refused) {
            e = refused;
        }
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.problem()).contains("openBelowSoc = 90", "closeAboveSoc = 50");
    }
}
