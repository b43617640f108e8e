package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Malformed scenario files are refused with the line, the field and what is allowed; nothing is built. */
class ScenariosTest {

    private static final String GOOD = """
            name: t
            duration: 2h
            batteries: {model: ng-12v8-100ah, soc: 50}
            components:
              - name: loads
                type: battery-protect
                demand: [{amps: 2}]
                control: {output: load-disconnect}
            schedule:
              - {at: 1h, remote: false}
            """;

    private static ScenarioException refusal(String text) {
        try {
            Scenarios.parse(text, "test.yaml");
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("the scenario was accepted");
    }

    @Test
    @DisplayName("a good file reads with its defaults and its schedule expanded")
    void parse_goodFile_defaultsApplied() throws ScenarioException {
        Scenario scenario = Scenarios.parse(GOOD, "test.yaml");

        assertThat(scenario.duration()).isEqualTo(Duration.ofHours(2));
        assertThat(scenario.step()).isEqualTo(Duration.ofSeconds(1));
        assertThat(scenario.placements()).hasSize(1);
        // the installer's SoC at time zero, then the remote switch
        assertThat(scenario.schedule()).hasSize(2);
    }

    @Test
    @DisplayName("an unknown field is refused with its line and the fields allowed there")
    void parse_unknownField_lineAndAllowedFields() {
        ScenarioException e = refusal(GOOD.replace("demand: [{amps: 2}]", "demand: [{amps: 2}]\n    colour: red"));

        assertThat(e.line()).isEqualTo(8);
        assertThat(e.field()).isEqualTo("components[0].colour");
        assertThat(e.problem()).contains("unknown field \"colour\"", "ratedAmps", "disconnectVolts");
        assertThat(e.getMessage()).startsWith("test.yaml:8: components[0].colour:");
    }

    @Test
    @DisplayName("an unknown enum value lists the allowed values as files write them")
    void parse_badOutput_allowedValues() {
        ScenarioException e = refusal(GOOD.replace("output: load-disconnect", "output: load"));

        assertThat(e.line()).isEqualTo(8);
        assertThat(e.field()).isEqualTo("components[0].control.output");
        assertThat(e.problem()).contains("\"load\" is not allowed", "charge-disconnect, load-disconnect, pre-alarm");
    }

    @Test
    @DisplayName("an unknown component type lists the types")
    void parse_unknownType_listsTypes() {
        ScenarioException e = refusal(GOOD.replace("type: battery-protect", "type: toaster"));

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.problem()).contains("unknown type \"toaster\"", "solar-charger", "cyrix-li-ct");
    }

    @Test
    @DisplayName("a battery model that does not exist lists the models")
    void parse_badModel_listsModels() {
        ScenarioException e = refusal(GOOD.replace("ng-12v8-100ah", "ng-12v8-120ah"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("batteries.model");
        assertThat(e.problem()).contains("ng-12v8-100ah", "ng-51v2-100ah");
    }

    @Test
    @DisplayName("a missing required field and an out-of-range value say what is allowed")
    void parse_missingAndOutOfRange_explained() {
        assertThat(refusal(GOOD.replace("    demand: [{amps: 2}]\n", "")).problem())
                .contains("demand is required");
        ScenarioException soc = refusal(GOOD.replace("soc: 50", "soc: 150"));
        assertThat(soc.line()).isEqualTo(3);
        assertThat(soc.problem()).contains("soc = 150.0 is outside the allowed 0.0..100.0");
    }

    @Test
    @DisplayName("a schedule entry naming a component that does not exist is refused at its line")
    void parse_scheduleNamesNothing_lineAndNames() {
        ScenarioException e = refusal(GOOD.replace("{at: 1h, remote: false}",
                "{at: 1h, switch: {component: fridge, on: false}}"));

        assertThat(e.line()).isEqualTo(10);
        assertThat(e.field()).isEqualTo("schedule[0]");
        assertThat(e.problem()).contains("\"fridge\" names no component", "loads");
    }

    @Test
    @DisplayName("a schedule entry with two actions, a bad duration, or a time after the end is refused")
    void parse_badScheduleEntries_refused() {
        assertThat(refusal(GOOD.replace("{at: 1h, remote: false}", "{at: 1h, remote: false, cloudiness: 0.5}"))
                .problem()).contains("exactly one of");
        assertThat(refusal(GOOD.replace("{at: 1h, remote: false}", "{at: soon, remote: false}")).problem())
                .contains("\"soon\" is not a duration", "1d6h30m10s");
        ScenarioException late = refusal(GOOD.replace("{at: 1h, remote: false}", "{at: 3h, remote: false}"));
        assertThat(late.field()).isEqualTo("schedule[0].at");
        assertThat(late.problem()).contains("after the end");
    }

    @Test
    @DisplayName("a BMS setting the core refuses is refused with the core's message; an unknown one lists the keys")
    void parse_badSetting_coreMessage() {
        String withSettings = GOOD.replace("batteries:", "bms: {settings: {dischargeFloor: 150}}\nbatteries:");
        ScenarioException e = refusal(withSettings);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("bms.settings.dischargeFloor");
        assertThat(e.problem()).containsIgnoringCase("discharge floor");
        assertThat(refusal(GOOD.replace("batteries:", "bms: {settings: {floor: 5}}\nbatteries:")).problem())
                .contains("\"floor\" is not a setting", "dischargeFloor");
    }

    @Test
    @DisplayName("a YAML syntax error names its line; an empty file is refused")
    void parse_syntaxError_line() {
        assertThat(refusal("name: t\nbatteries: {model: ng-12v8-100ah\n").line()).isPositive();
        assertThat(refusal("").problem()).contains("empty");
    }

    @Test
    @DisplayName("an unknown shipped name lists the shipped scenarios")
    void builtIn_unknownName_listsNames() {
        assertThatThrownBy(() -> Scenarios.builtIn("nope")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("residual-drain");
    }
}
