package org.smallbms.sim.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

class SystemCheckTest {

    private static List<Finding> check(String components) throws ScenarioException {
        return check("ng-12v8-100ah", 1, 1, components);
    }

    private static List<Finding> check(String model, int series, int parallel, String components)
            throws ScenarioException {
        return SystemCheck.check(Scenarios.parse("name: t\nbms: {fuseAmps: 1}\nbatteries: {model: " + model
                + ", series: " + series + ", parallel: " + parallel + "}\ncomponents:\n" + components, "t.yaml"));
    }

    private static List<String> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR)
                .map(f -> f.rule() + " " + f.subject()).toList();
    }

    @Test
    @DisplayName("SYS-01 every shipped system example passes the check without errors")
    void shippedExamples_noErrorsExceptTheOverload() {
        for (var scenario : Scenarios.allBuiltIn()) {
            List<Finding> findings = SystemCheck.check(scenario);
            if (scenario.name().equals("overloaded-output")) {
                assertThat(errors(findings)).containsExactly("OUT-02 Pre-alarm");
            } else {
                assertThat(errors(findings)).as(scenario.name()).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("SYS-01 a small MPPT on Charge disconnect without the VE.Direct non-inverting cable is an error "
            + "whose fix names the cable")
    void smallMpptWithoutCable_error() throws ScenarioException {
        List<Finding> findings = check("""
                  - {name: solar, type: solar-charger, panelWatts: 200, maxAmps: 15,
                     control: {output: charge-disconnect}}
                """);

        Finding f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(f.rule()).isEqualTo("SYS-01");
        assertThat(f.section()).isEqualTo("Appendix A");
        assertThat(f.message()).contains("always on");
        assertThat(f.fix()).contains("VE.Direct non-inverting", "ASS030550320");
    }

    @Test
    @DisplayName("SYS-01 a VE.Bus inverter needs the inverting cable; a charger without a remote needs a "
            + "Cyrix-Li-Charge; a charger on Load disconnect is on the wrong output")
    void wrongLinksAndOutputs_errors() throws ScenarioException {
        List<Finding> findings = check("""
                  - {name: inv, type: inverter, kind: ve-bus, acDemand: [{watts: 500}],
                     control: {output: load-disconnect}}
                  - {name: ok, type: inverter, kind: ve-bus, acDemand: [{watts: 500}],
                     control: {output: load-disconnect, link: inverting-cable}}
                  - {name: old, type: charger, input: none, maxAmps: 20, control: {output: charge-disconnect}}
                  - {name: via, type: charger, input: none, maxAmps: 20,
                     control: {output: charge-disconnect, link: cyrix-li-charge}}
                  - {name: wrong, type: charger, maxAmps: 20, control: {output: load-disconnect}}
                """);

        assertThat(errors(findings)).contains("SYS-01 inv", "SYS-01 old", "SYS-01 wrong")
                .doesNotContain("SYS-01 ok", "SYS-01 via");
        assertThat(findings).filteredOn(f -> f.subject().equals("old")).first()
                .satisfies(f -> assertThat(f.fix()).contains("Cyrix-Li-Charge"));
        assertThat(findings).filteredOn(f -> f.subject().equals("inv")).first()
                .satisfies(f -> assertThat(f.fix()).contains("inverting remote on-off cable"));
    }

    @Test
    @DisplayName("SYS-04 a VE.Bus MultiPlus is refused, and chargers or loads beyond the bank's continuous and 10 s "
            + "limits are errors")
    void sys04_multiPlusAndCurrentLimits() throws ScenarioException {
        List<Finding> findings = check("""
                  - {name: multi, type: inverter, kind: ve-bus-inverter-charger, acDemand: [{watts: 100}],
                     control: {output: load-disconnect, link: inverting-cable}}
                  - {name: big, type: charger, maxAmps: 120, control: {output: charge-disconnect}}
                  - {name: heater, type: battery-protect, demand: [{amps: 110}], ratedAmps: 220,
                     control: {output: load-disconnect}}
                """);

        assertThat(errors(findings)).contains("SYS-04 multi");
        assertThat(findings).filteredOn(f -> f.rule().equals("SYS-04") && f.subject().equals("bank"))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("combined charge current 120 A", "100 A"))
                .anySatisfy(m -> assertThat(m).contains("combined discharge current"));
        // two in parallel carry twice the current: no limit errors
        assertThat(errors(check("ng-12v8-100ah", 1, 2, """
                  - {name: big, type: charger, maxAmps: 120, control: {output: charge-disconnect}}
                """))).isEmpty();
    }

    @Test
    @DisplayName("CLS-01 TOP-03 Lithium Battery Smart and banks beyond the limits are refused")
    void compatibilityAndBankSize() throws ScenarioException {
        assertThat(errors(check("smart-12v8-100ah", 1, 1, "  []\n"))).containsExactly("CLS-01 bank");
        assertThat(errors(check("ng-51v2-100ah", 1, 26, "  []\n"))).containsExactly("TOP-03 bank");
        assertThat(errors(check("ng-25v6-100ah", 3, 1, "  []\n"))).containsExactly("TOP-05 bank");
        assertThat(errors(check("ng-12v8-100ah", 4, 12, "  []\n"))).isEmpty();
    }

    @Test
    @DisplayName("OUT-02 OUT-04 an output asked for more than its rating, and a relay coil on Charge disconnect")
    void outputBudgetAndCoil() throws ScenarioException {
        List<Finding> findings = check("""
                  - {name: horn, type: pre-alarm-signal, kind: buzzer, amps: 0.6, control: {output: pre-alarm}}
                  - {name: coil, type: pre-alarm-signal, kind: relay, control: {output: charge-disconnect}}
                """);

        assertThat(errors(findings)).contains("OUT-02 Pre-alarm", "OUT-04 coil");
    }

    @Test
    @DisplayName("OUT-02 §6 a fuse outside 0.3–2.5 A is an error with the recommended size")
    void fuseOutsideRange_error() throws ScenarioException {
        List<Finding> findings = SystemCheck.check(Scenarios.parse(
                "name: t\nbms: {fuseAmps: 5}\nbatteries: {model: ng-12v8-100ah}\n", "t.yaml"));

        assertThat(findings).filteredOn(f -> f.severity() == Finding.Severity.ERROR).singleElement()
                .satisfies(f -> assertThat(f.fix()).contains("0.3 A fuse"));
    }

    @Test
    @DisplayName("OUT-02 §6 a fuse that fits says so, with what it carries")
    void fuseInRange_infoWithDraw() throws ScenarioException {
        List<Finding> findings = SystemCheck.check(Scenarios.parse(
                "name: t\nbms: {fuseAmps: 1}\nbatteries: {model: ng-12v8-100ah}\n", "t.yaml"));

        assertThat(findings).filteredOn(f -> f.subject().equals("BMS")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
                    assertThat(f.message()).startsWith("the 1.00 A fuse fits");
                });
    }

    @Test
    @DisplayName("SYS-05 a residual load gets a warning with the days until the reserve is gone")
    void residualLoad_warningWithDays() throws ScenarioException {
        List<Finding> findings = check("ng-12v8-200ah", 1, 1, """
                  - {name: alarm, type: residual-load, demand: [{amps: 0.01}]}
                """);

        assertThat(findings).filteredOn(f -> f.rule().equals("SYS-05")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2.0 Ah", "7.4 days"));
    }
}
