package org.smallbms.sim.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

/** The check of a classic smallBMS with pre-alarm system, in its manual's words (CLS-01). */
class ClassicCheckTest {

    private static List<Finding> check(String device, String remote, String model, int series, int parallel,
            String components) throws ScenarioException {
        return SystemCheck.check(Scenarios.parse("name: t\nbms: {device: " + device + ", remote: " + remote
                + ", fuseAmps: 1}\nbatteries: {model: " + model + ", series: " + series + ", parallel: " + parallel
                + "}\ncomponents:\n" + components, "t.yaml"));
    }

    private static List<Finding> classic(String model, int series, int parallel) throws ScenarioException {
        return check("classic", "switch-h-to-plus", model, series, parallel, "  []\n");
    }

    private static List<Finding> cls01(List<Finding> findings, Finding.Severity severity) {
        return findings.stream().filter(f -> f.rule().equals("CLS-01") && f.severity() == severity).toList();
    }

    @Test
    @DisplayName("CLS-01 Lithium NG batteries on the classic are refused: it is for Lithium Battery Smart batteries")
    void lithiumNgOnClassic_refused() throws ScenarioException {
        List<Finding> findings = classic("ng-12v8-100ah", 1, 1);

        assertThat(cls01(findings, Finding.Severity.ERROR)).singleElement().satisfies(f -> {
            assertThat(f.section()).isEqualTo("§2.1");
            assertThat(f.message()).contains("Lithium NG 12.8V/100Ah",
                    "the smallBMS with pre-alarm is for Lithium Battery Smart batteries");
            assertThat(f.fix()).contains("Lithium Battery Smart", "device: ng");
        });
        assertThat(SystemCheck.hasErrors(classic("smart-12v8-100ah", 1, 1))).isFalse();
    }

    @Test
    @DisplayName("CLS-01 Lithium Battery Smart batteries on the smallBMS NG are refused, naming the classic")
    void smartOnNg_refused() throws ScenarioException {
        List<Finding> findings = check("ng", "switch-h-to-plus", "smart-12v8-100ah", 1, 1, "  []\n");

        assertThat(cls01(findings, Finding.Severity.ERROR)).singleElement().satisfies(f -> {
            assertThat(f.section()).isEqualTo("§2.1");
            assertThat(f.message()).contains("Lithium Battery Smart 12.8V/100Ah", "Lithium NG batteries only");
            assertThat(f.fix()).contains("smallBMS with pre-alarm", "device: classic");
        });
    }

    @Test
    @DisplayName("CLS-01 a classic bank of 21 batteries is refused (at most 20 in one system); 20 pass")
    void moreThanTwentyBatteries_refused() throws ScenarioException {
        assertThat(cls01(classic("smart-12v8-100ah", 1, 21), Finding.Severity.ERROR))
                .anySatisfy(f -> assertThat(f.message()).contains("21 batteries",
                        "the maximum number of batteries in one system is 20"));
        assertThat(cls01(classic("smart-12v8-100ah", 1, 20), Finding.Severity.ERROR)).isEmpty();
    }

    @Test
    @DisplayName("CLS-01 the energy limits: 20 × 12.8 V/330 Ah (84.5 kWh) is the 12 V maximum of 84 kWh and "
            + "passes, 21 are over it; 22 × 25.6 V/200 Ah (112.6 kWh) are over the 102 kWh of a 24 V system")
    void energyLimits_perSystemVoltage() throws ScenarioException {
        assertThat(cls01(classic("smart-12v8-330ah", 1, 20), Finding.Severity.ERROR)).isEmpty();
        assertThat(cls01(classic("smart-12v8-330ah", 1, 21), Finding.Severity.ERROR))
                .anySatisfy(f -> assertThat(f.message()).contains("88.7 kWh", "84 kWh of a 12 V system"));
        assertThat(cls01(classic("smart-25v6-200ah", 1, 22), Finding.Severity.ERROR))
                .anySatisfy(f -> assertThat(f.message()).contains("112.6 kWh", "102 kWh of a 24 V system"));
        assertThat(cls01(classic("smart-25v6-200ah", 2, 10), Finding.Severity.ERROR)).isEmpty();
    }

    @Test
    @DisplayName("CLS-01 a bank that makes no 12, 24 or 48 V system (three 12.8 V in series) is refused")
    void oddSystemVoltage_refused() throws ScenarioException {
        assertThat(cls01(classic("smart-12v8-100ah", 3, 1), Finding.Severity.ERROR))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("38.4 V", "12 V, 24 V or 48 V"));
    }

    @Test
    @DisplayName("CLS-01 advice: 24 V is best built from 25.6 V batteries, 48 V from two 25.6 V rather than four "
            + "12.8 V (more balancing); two 25.6 V for 48 V is what the manual recommends")
    void seriesAdvice() throws ScenarioException {
        assertThat(cls01(classic("smart-12v8-100ah", 2, 1), Finding.Severity.WARNING)).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("24 V systems are best built using 25.6 V batteries",
                            "as few batteries in series as possible");
                    assertThat(f.fix()).contains("25.6 V", "1 in series");
                });
        assertThat(cls01(classic("smart-12v8-100ah", 4, 1), Finding.Severity.WARNING)).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("two 25.6 V batteries in series", "more periodic balancing");
                    assertThat(f.fix()).contains("2 in series");
                });
        List<Finding> twoOf24 = classic("smart-25v6-100ah", 2, 1);
        assertThat(cls01(twoOf24, Finding.Severity.WARNING)).isEmpty();
        assertThat(cls01(twoOf24, Finding.Severity.INFO)).anySatisfy(f -> assertThat(f.message())
                .contains("2 × Lithium Battery Smart 25.6V/100Ah in series for 48 V"));
    }

    @Test
    @DisplayName("CLS-01 a VE.Bus MultiPlus or Quattro is refused on the classic too: it has no VE.Bus interface")
    void veBusOnClassic_refused() throws ScenarioException {
        List<Finding> findings = check("classic", "switch-h-to-plus", "smart-12v8-100ah", 1, 1, """
                  - {name: multi, type: inverter, kind: ve-bus-inverter-charger, acDemand: [{watts: 200}],
                     control: {output: load-disconnect, link: inverting-cable}}
                """);

        assertThat(cls01(findings, Finding.Severity.ERROR)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("multi");
            assertThat(f.message()).contains("does not have a VE.Bus interface",
                    "not suitable for use with VE.Bus MultiPlus and Quattro");
        });
        assertThat(findings).noneMatch(f -> f.rule().equals("SYS-04") && f.severity() == Finding.Severity.ERROR);
    }

    @Test
    @DisplayName("CLS-01 §3.1: with only the wire loop the check warns that the low cell shutdown is the last "
            + "resort and advises a BMV relay on the remote or the remote as system switch; with a switch it is "
            + "advice")
    void lastResortAdvice() throws ScenarioException {
        List<Finding> loop = check("classic", "wire-loop", "smart-12v8-100ah", 1, 1, "  []\n");
        List<Finding> withSwitch = classic("smart-12v8-100ah", 1, 1);

        assertThat(cls01(loop, Finding.Severity.WARNING)).singleElement().satisfies(f -> {
            assertThat(f.section()).isEqualTo("§3.1");
            assertThat(f.message()).contains("last resort");
            assertThat(f.fix()).contains("BMV whose relay", "set SoC", "system on/off switch");
        });
        assertThat(withSwitch).filteredOn(f -> f.section().equals("§3.1")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.INFO));
        assertThat(check("ng", "wire-loop", "ng-12v8-100ah", 1, 1, "  []\n"))
                .noneMatch(f -> f.rule().equals("CLS-01"));
    }

    @Test
    @DisplayName("CLS-01 a classic system's findings cite its own manual: an uncontrolled charger §3.2.3, an "
            + "uncontrolled load §3.2.1, the bank's current limits the Lithium Battery Smart manual §3.2.4 sends to; "
            + "the NG's cite its §4.1")
    void classicFindings_citeTheClassicManual() throws ScenarioException {
        String components = """
                  - {name: charger, type: charger, input: remote-h, maxAmps: 150}
                  - {name: lights, type: dc-load, input: remote-h, demand: [{amps: 5}]}
                """;
        List<Finding> classic = check("classic", "switch-h-to-plus", "smart-12v8-100ah", 1, 1, components);
        assertThat(classic).filteredOn(f -> f.subject().equals("charger") && f.rule().equals("SYS-01"))
                .singleElement().satisfies(f -> assertThat(f.section()).isEqualTo("§3.2.3"));
        assertThat(classic).filteredOn(f -> f.subject().equals("lights") && f.rule().equals("SYS-01"))
                .singleElement().satisfies(f -> assertThat(f.section()).isEqualTo("§3.2.1"));
        assertThat(classic).filteredOn(f -> f.rule().equals("SYS-04") && f.subject().equals("bank"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.section()).contains("Lithium Battery Smart manual"));

        List<Finding> ng = check("ng", "switch-h-to-plus", "ng-12v8-100ah", 1, 1, components);
        assertThat(ng).filteredOn(f -> f.rule().equals("SYS-01") || f.rule().equals("SYS-04"))
                .filteredOn(f -> List.of("charger", "lights", "bank").contains(f.subject()))
                .isNotEmpty().allSatisfy(f -> assertThat(f.section()).isEqualTo("§4.1"));
    }
}
