package org.smallbms.sim.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    @DisplayName("SYS-01 §6 a fuse outside 0.3–2.5 A is an error with the size that fits")
    void fuseOutsideRange_error() throws ScenarioException {
        List<Finding> findings = SystemCheck.check(Scenarios.parse(
                "name: t\nbms: {fuseAmps: 5}\nbatteries: {model: ng-12v8-100ah}\n", "t.yaml"));

        assertThat(findings).filteredOn(f -> f.severity() == Finding.Severity.ERROR).singleElement()
                .satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("SYS-01");
                    assertThat(f.fix()).contains("0.3 A fuse");
                });
    }

    @Test
    @DisplayName("SYS-01 §6 a fuse that fits what the outputs drive says so, with what it carries and the sizes that "
            + "fit")
    void fuseInRange_infoWithDraw() throws ScenarioException {
        List<Finding> findings = check("""
                  - {name: bp, type: battery-protect, demand: [{amps: 5}], control: {output: load-disconnect}}
                """);

        assertThat(findings).filteredOn(f -> f.subject().equals("BMS")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
                    assertThat(f.rule()).isEqualTo("SYS-01");
                    assertThat(f.message()).startsWith("the 1.00 A fuse fits").contains("0.3–1.4 A",
                            "Load disconnect 1.0 A");
                });
    }

    @Test
    @DisplayName("SYS-01 §6 the fuse depends on what the outputs drive: larger than the outputs in use need at their "
            + "full ratings is a warning; with all three outputs in use §6's 2.5 A fits")
    void fuseLargerThanTheOutputsInUseAllow_warning() throws ScenarioException {
        String loadOnly = "name: t\nbms: {fuseAmps: 2}\nbatteries: {model: ng-12v8-100ah}\ncomponents:\n"
                + "  - {name: bp, type: battery-protect, demand: [{amps: 5}], control: {output: load-disconnect}}\n";
        assertThat(SystemCheck.check(Scenarios.parse(loadOnly, "t.yaml"))).filteredOn(f -> f.subject().equals("BMS"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
                    assertThat(f.rule()).isEqualTo("SYS-01");
                    assertThat(f.message()).contains("2.00 A fuse is larger", "1.4 A", "Load disconnect 1.0 A");
                    assertThat(f.fix()).contains("0.3–1.4 A");
                });
        String all = loadOnly.replace("fuseAmps: 2", "fuseAmps: 2.5")
                + "  - {name: c, type: charger, maxAmps: 20, control: {output: charge-disconnect}}\n"
                + "  - {name: b, type: pre-alarm-signal, kind: buzzer, control: {output: pre-alarm}}\n";
        assertThat(SystemCheck.check(Scenarios.parse(all, "t.yaml"))).filteredOn(f -> f.subject().equals("BMS"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.INFO));
    }

    @Test
    @DisplayName("SYS-01 Appendix A a Skylla TG needs the non-inverting remote on-off cable ASS030550200, a Skylla-i "
            + "its own cable ASS030550400; directly or through the other's cable it keeps charging")
    void skyllaChargers_needTheirCables() throws ScenarioException {
        List<Finding> findings = check("ng-12v8-200ah", 1, 1, """
                  - {name: tg, type: charger, input: skylla-tg, maxAmps: 25, control: {output: charge-disconnect}}
                  - {name: tg-ok, type: charger, input: skylla-tg, maxAmps: 25,
                     control: {output: charge-disconnect, link: non-inverting-cable}}
                  - {name: i, type: charger, input: skylla-i, maxAmps: 25,
                     control: {output: charge-disconnect, link: non-inverting-cable}}
                  - {name: i-ok, type: charger, input: skylla-i, maxAmps: 25,
                     control: {output: charge-disconnect, link: skylla-i-cable}}
                """);

        assertThat(errors(findings)).containsExactlyInAnyOrder("SYS-01 tg", "SYS-01 i");
        assertThat(findings).filteredOn(f -> f.subject().equals("tg")).singleElement().satisfies(f -> {
            assertThat(f.section()).isEqualTo("Appendix A");
            assertThat(f.message()).contains("Skylla TG charger", "Skylla TG remote on-off port", "always on");
            assertThat(f.fix()).contains("non-inverting remote on-off cable (ASS030550200)");
        });
        assertThat(findings).filteredOn(f -> f.subject().equals("i")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("non-inverting remote on-off cable (ASS030550200)");
            assertThat(f.fix()).contains("Skylla-i remote on-off cable (ASS030550400)");
        });
    }

    @Test
    @DisplayName("SYS-01 Appendix A findings and fixes name the cables with their article numbers")
    void wrongCables_articleNumbersInMessageAndFix() throws ScenarioException {
        List<Finding> findings = check("""
                  - {name: small, type: inverter, acDemand: [{watts: 100}],
                     control: {output: load-disconnect, link: inverting-cable}}
                  - {name: big, type: inverter, kind: ve-bus, acDemand: [{watts: 500}],
                     control: {output: load-disconnect, link: ve-direct-non-inverting-cable}}
                """);

        assertThat(findings).filteredOn(f -> f.subject().equals("small")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("inverting remote on-off cable (ASS030550100 or -120)", "never on");
            assertThat(f.fix()).contains("directly (remote H)");
        });
        assertThat(findings).filteredOn(f -> f.subject().equals("big")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("VE.Direct non-inverting remote on/off cable (ASS030550320)");
            assertThat(f.fix()).contains("inverting remote on-off cable (ASS030550100 or -120)");
        });
    }

    @Test
    @DisplayName("SYS-01 Appendix A the Cyrix-Li-Load is for loads, its control on Load disconnect; on a charger it is "
            + "an error that names the Cyrix-Li-Charge, and a Cyrix-Li-Charge would never supply a load")
    void cyrixLiLoad_asAppendixAListsIt() throws ScenarioException {
        List<Finding> findings = check("""
                  - {name: fridge, type: dc-load, input: none, demand: [{amps: 3}],
                     control: {output: load-disconnect, link: cyrix-li-load}}
                  - {name: heater, type: dc-load, input: none, demand: [{amps: 3}],
                     control: {output: load-disconnect}}
                  - {name: lamp, type: dc-load, input: none, demand: [{amps: 1}],
                     control: {output: load-disconnect, link: cyrix-li-charge}}
                  - {name: old, type: charger, input: none, maxAmps: 20,
                     control: {output: charge-disconnect, link: cyrix-li-load}}
                """);

        assertThat(errors(findings)).containsExactlyInAnyOrder("SYS-01 heater", "SYS-01 lamp", "SYS-01 old");
        assertThat(findings).filteredOn(f -> f.subject().equals("heater")).singleElement().satisfies(f ->
                assertThat(f.fix()).contains("Cyrix-Li-Load in its power path",
                        "control input on the Load disconnect output"));
        assertThat(findings).filteredOn(f -> f.subject().equals("lamp")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("charge voltage", "Cyrix-Li-Load").doesNotContain("always on");
            assertThat(f.fix()).contains("Cyrix-Li-Load");
        });
        assertThat(findings).filteredOn(f -> f.subject().equals("old")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("Cyrix-Li-Load", "Cyrix-Li-Charge").doesNotContain("always on");
            assertThat(f.fix()).contains("Cyrix-Li-Charge in its power path",
                    "control input on the Charge disconnect output");
        });
    }

    @Test
    @DisplayName("SYS-01 Appendix A an Orion XS (NG) on Load disconnect directly passes; a converter without a remote "
            + "connector needs a Cyrix-Li-Load; a Skylla port on anything but a charger is refused")
    void orionXs_directOnLoadDisconnect() throws ScenarioException {
        List<Finding> findings = check("""
                  - {name: xs, type: dc-dc-converter, product: Orion XS 12/12-50A, demand: [{watts: 300}],
                     control: {output: load-disconnect}}
                  - {name: old, type: dc-dc-converter, product: Orion 24/12-25, input: none, demand: [{watts: 100}],
                     control: {output: load-disconnect}}
                """);

        assertThat(errors(findings)).containsExactly("SYS-01 old");
        assertThat(findings).filteredOn(f -> f.subject().equals("old")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Orion 24/12-25", "no remote input"))
                .satisfies(f -> assertThat(f.fix()).contains("Cyrix-Li-Load"));
        assertThat(findings).filteredOn(f -> f.subject().equals("Load disconnect")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("xs"));
        assertThatThrownBy(() -> check("""
                  - {name: x, type: dc-load, input: skylla-tg, demand: [{amps: 1}], control: {output: load-disconnect}}
                """)).isInstanceOf(ScenarioException.class).hasMessageContaining("Skylla");
        assertThatThrownBy(() -> check("""
                  - {name: x, type: dc-dc-converter, input: ve-direct, demand: [{watts: 10}]}
                """)).isInstanceOf(ScenarioException.class).hasMessageContaining("remote-h");
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
