package org.smallbms.sim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.event.Event;
import org.smallbms.sim.check.Finding;
import org.smallbms.sim.check.SystemCheck;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

/** The world draws and judges by the device it has: the NG's figures or the classic's (OUT-02, OUT-03). */
class DeviceFiguresTest {

    private static Scenario scenario(String device, String model, String components, String schedule)
            throws ScenarioException {
        return Scenarios.parse("name: t\nduration: 2m\nbms: {device: " + device + ", fuseAmps: 1}\nbatteries: "
                + "{model: " + model + ", soc: 60}\ncomponents:\n" + components + "schedule:\n" + schedule,
                "t.yaml");
    }

    @Test
    @DisplayName("OUT-03 the classic draws 2.2 mA for itself with the remote on and 1.2 mA with it off; the NG 3 mA "
            + "and 1.2 mA")
    void ownDraw_perDevice() throws ScenarioException {
        String none = "  []\n";
        String remoteOff = "  - {at: 1m, remote: false}\n";
        double[] classic = onThenOff(scenario("classic", "smart-12v8-100ah", none, remoteOff));
        double[] ng = onThenOff(scenario("ng", "ng-12v8-100ah", none, remoteOff));

        assertThat(classic[0]).isCloseTo(0.0022, within(1e-9));
        assertThat(classic[1]).isCloseTo(0.0012, within(1e-9));
        assertThat(ng[0]).isCloseTo(0.003, within(1e-9));
        assertThat(ng[1]).isCloseTo(0.0012, within(1e-9));
    }

    /** The BMS's draw at 30 s (remote on) and at the end (remote off since 1 min). */
    private static double[] onThenOff(Scenario scenario) {
        double[] amps = new double[2];
        Run run = Run.of(scenario, new Simulation.Observer() {
            @Override
            public void tick(java.time.Instant at, org.smallbms.core.bms.BmsState bms, SimulatedSystem system) {
                long s = java.time.Duration.between(scenario.start(), at).getSeconds();
                if (s == 30) {
                    amps[0] = system.bmsAmps();
                }
                amps[1] = system.bmsAmps();
            }
        });
        assertThat(run.lines()).contains("command remote off");
        return amps;
    }

    @Test
    @DisplayName("OUT-02 the classic's Charge disconnect is rated 10 mA and short-circuit protected: 50 mA asked of "
            + "it is flagged, and it sources only its 10 mA")
    void classicChargeDisconnect_overloadLimitsCurrent() throws ScenarioException {
        Scenario scenario = scenario("classic", "smart-12v8-100ah", """
                  - {name: relay, type: pre-alarm-signal, kind: relay, amps: 0.05,
                     control: {output: charge-disconnect}}
                """, "  []\n");
        Run run = Run.of(scenario);

        Event overload = run.events().stream().filter(Run.is("finding Charge disconnect overloaded")).findFirst()
                .orElseThrow();
        assertThat(overload.cause()).contains("0.050 A", "10 mA", "short-circuit protected",
                "limits its current to 10 mA rather than being damaged").doesNotContain("not short-circuit");
        assertThat(run.bms().protection().outputs().charge().isHigh()).isTrue();
        assertThat(run.system().bmsAmps()).isCloseTo(0.0022 + 0.010, within(1e-9));
        List<Finding> findings = SystemCheck.check(scenario);
        assertThat(findings).filteredOn(f -> f.rule().equals("OUT-02") && f.subject().equals("Charge disconnect"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
                    assertThat(f.section()).isEqualTo("§4");
                    assertThat(f.message()).contains("10 mA", "short-circuit protected", "limits its current");
                });
    }

    @Test
    @DisplayName("OUT-02 a 0.6 A relay on the pre-alarm output overloads the NG's 500 mA but fits the classic's 1 A")
    void preAlarmRelay_ngOverloadedClassicFits() throws ScenarioException {
        String relay = """
                  - {name: relay, type: pre-alarm-signal, kind: relay, amps: 0.6, control: {output: pre-alarm}}
                """;
        List<Finding> ng = SystemCheck.check(scenario("ng", "ng-12v8-100ah", relay, "  []\n"));
        List<Finding> classic = SystemCheck.check(scenario("classic", "smart-12v8-100ah", relay, "  []\n"));

        assertThat(ng).filteredOn(f -> f.rule().equals("OUT-02")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR));
        assertThat(classic).filteredOn(f -> f.rule().equals("OUT-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
            assertThat(f.message()).contains("0.600 A of 1.0 A");
        });
    }

    @Test
    @DisplayName("OUT-03 SYS-05 the residual drain's days count the device's own draw after a low cell shutdown")
    void residualDrain_countsTheDevicesLowCellDraw() throws ScenarioException {
        String drain = "  - {name: alarm, type: residual-load, demand: [{amps: 0.01}]}\n";
        List<Finding> classic = SystemCheck.check(scenario("classic", "smart-12v8-100ah", drain, "  []\n"));

        assertThat(classic).filteredOn(f -> f.rule().equals("SYS-05")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("1.0 Ah", "3.7 days", "1.2 mA"));
    }
}
