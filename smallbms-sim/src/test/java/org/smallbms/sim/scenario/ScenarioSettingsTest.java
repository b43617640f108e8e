package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smallbms.sim.scenario.Refused.refusal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.event.Event;
import org.smallbms.core.settings.Setting;
import org.smallbms.sim.system.Simulation;

/**
 * SET-01 (revised): a scenario's settings are one change, checked as a whole; the schedule's settings are checked
 * against what the BMS holds when they come, as the run applies them.
 */
class ScenarioSettingsTest {

    private static final String HEAD = """
            name: t
            duration: 2d
            step: 1m
            """;
    private static final String BANK = "batteries: {model: ng-12v8-100ah, soc: 80}\n";

    /** Runs the scenario; the BMS's last state, and every event of the kind command. */
    private static BmsState run(Scenario scenario, List<Event> commands) {
        return Simulation.run(scenario.newWorld(1), scenario.newBms(), scenario.start(), scenario.duration(),
                scenario.step(), new Simulation.Observer() {
                    @Override
                    public void event(Event event) {
                        if (event.kind() == Event.Kind.COMMAND) {
                            commands.add(event);
                        }
                    }
                });
    }

    @Test
    @DisplayName("SET-01 bms.settings {dischargeFloor: 30, lowSocWarning: 40} is one change: it loads whatever the "
            + "order, and the BMS runs with both")
    void bmsSettings_floorAboveFactoryWarning_loadsAndApplies() throws ScenarioException {
        for (String settings : List.of("{dischargeFloor: 30, lowSocWarning: 40}",
                "{lowSocWarning: 40, dischargeFloor: 30}")) {
            Scenario scenario = Scenarios.parse(HEAD + "bms: {settings: " + settings + "}\n" + BANK, "t.yaml");
            List<Event> commands = new ArrayList<>();

            BmsState bms = run(scenario, commands);

            assertThat(bms.settings().dischargeFloorPercent()).isEqualTo(30);
            assertThat(bms.settings().lowSocWarningPercent()).isEqualTo(40);
            assertThat(commands).extracting(Event::value).doesNotContain("refused");
        }
    }

    @Test
    @DisplayName("SET-02 bms.settings that break warning >= floor as a set are refused naming the rule and both "
            + "settings; a value out of range is refused at its own line")
    void bmsSettings_inconsistentSet_refused() {
        ScenarioException both = refusal(HEAD + "bms: {settings: {dischargeFloor: 30, lowSocWarning: 25}}\n" + BANK);
        assertThat(both.field()).isEqualTo("bms.settings");
        assertThat(both.problem()).contains("Low SoC warning level = 25 %", "Discharge floor = 30 %",
                "at or above the discharge floor");

        ScenarioException range = refusal(HEAD + "bms:\n  settings:\n    lowSocWarning: 40\n    dischargeFloor: 100\n"
                + BANK);
        assertThat(range.field()).isEqualTo("bms.settings.dischargeFloor");
        assertThat(range.line()).isEqualTo(7);
    }

    @Test
    @DisplayName("SET-01 a schedule's setting is checked against the settings the BMS holds by then: a floor of 30 % "
            + "after the file's warning level of 40 %, or after an earlier entry raised it, is accepted")
    void scheduleSetting_checkedAgainstTheSettingsByThen() throws ScenarioException {
        Scenario afterFile = Scenarios.parse(HEAD + "bms: {settings: {lowSocWarning: 40}}\n" + BANK
                + "schedule:\n  - {at: 1d, setting: {name: dischargeFloor, value: 30}}\n", "t.yaml");
        List<Event> commands = new ArrayList<>();
        assertThat(run(afterFile, commands).settings().dischargeFloorPercent()).isEqualTo(30);
        assertThat(commands).extracting(Event::value).doesNotContain("refused");

        // written later in the file, but earlier in time: the run raises the warning level first
        Scenario earlier = Scenarios.parse(HEAD + BANK + "schedule:\n"
                + "  - {at: 1d, setting: {name: dischargeFloor, value: 30}}\n"
                + "  - {at: 12h, setting: {name: lowSocWarning, value: 40}}\n", "t.yaml");
        assertThat(run(earlier, new ArrayList<>()).settings().get(Setting.DISCHARGE_FLOOR)).isEqualTo(30);

        ScenarioException tooHigh = refusal(HEAD + BANK + "schedule:\n"
                + "  - {at: 12h, setting: {name: lowSocWarning, value: 40}}\n"
                + "  - {at: 1d, setting: {name: dischargeFloor, value: 50}}\n");
        assertThat(tooHigh.field()).isEqualTo("schedule[1].setting");
        assertThat(tooHigh.problem()).contains("Discharge floor = 50 %", "0..40 %");
    }

    @Test
    @DisplayName("SET-01 a scheduled charged voltage is checked for the bank's system voltage, as the BMS has scaled "
            + "its settings by then: 28.4 V on a 24 V bank is accepted, 14.2 V refused")
    void scheduleSetting_scaledForTheBanksSystem() throws ScenarioException {
        String bank24 = "batteries: {model: ng-25v6-100ah, soc: 80}\n";
        Scenario scenario = Scenarios.parse(HEAD + bank24 + "schedule:\n"
                + "  - {at: 1h, setting: {name: chargedVoltage, value: 28400}}\n", "t.yaml");
        List<Event> commands = new ArrayList<>();
        assertThat(run(scenario.withDuration(Duration.ofHours(2)), commands).settings().chargedMillivolts())
                .isEqualTo(28_400);
        assertThat(commands).extracting(Event::value).doesNotContain("refused");

        assertThat(refusal(HEAD + bank24 + "schedule:\n  - {at: 1h, setting: {name: chargedVoltage, value: 14200}}\n")
                .problem()).contains("for a 24 V system", "26.4..29.2 V");
    }
}
