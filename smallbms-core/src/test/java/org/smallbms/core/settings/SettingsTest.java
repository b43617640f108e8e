package org.smallbms.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.BankDetection;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.monitor.TestBank;

class SettingsTest {

    static final Settings DEFAULTS_12V = Settings.defaults(SystemVoltage.V12);

    static String refusal(Settings settings, Setting setting, int value) {
        SettingChange change = settings.change(setting, value);
        assertThat(change).isInstanceOf(SettingChange.Refused.class);
        return ((SettingChange.Refused) change).message();
    }

    static Settings accepted(Settings settings, Setting setting, int value) {
        SettingChange change = settings.change(setting, value);
        assertThat(change).isInstanceOf(SettingChange.Accepted.class);
        return ((SettingChange.Accepted) change).settings();
    }

    @Test
    @DisplayName("SET-01 factory values: 14.0 V charged, 4 % tail, 3 min, warning 20 %, floor 10 %, pre-alarm "
            + "3.10 V, mode, Bluetooth and Instant Readout on; no PIN among the settings (SET-01 revised)")
    void defaults_12V() {
        Settings s = DEFAULTS_12V;
        assertThat(s.chargedMillivolts()).isEqualTo(14_000);
        assertThat(s.tailCurrentPermille()).isEqualTo(40);
        assertThat(s.chargedDetectionTime()).isEqualTo(Duration.ofMinutes(3));
        assertThat(s.lowSocWarningPercent()).isEqualTo(20);
        assertThat(s.dischargeFloorPercent()).isEqualTo(10);
        assertThat(s.preAlarmCellMillivolts()).isEqualTo(3_100);
        assertThat(s.modeOn()).isTrue();
        assertThat(s.bluetoothOn()).isTrue();
        assertThat(s.instantReadoutOn()).isTrue();
        assertThat(java.util.Arrays.stream(Setting.values()).map(Setting::key)).doesNotContain("pin");
    }

    @Test
    @DisplayName("SET-01 charged voltage default and range scale with the system: 28.0 V at 24 V, 56.0 V at 48 V")
    void chargedVoltage_scalesWithSystem() {
        assertThat(Settings.defaults(SystemVoltage.V24).chargedMillivolts()).isEqualTo(28_000);
        assertThat(Settings.defaults(SystemVoltage.V48).chargedMillivolts()).isEqualTo(56_000);
        assertThat(Setting.CHARGED_VOLTAGE.rangeText(SystemVoltage.V24)).isEqualTo("26.4..29.2 V (step 0.1 V)");
        assertThat(Setting.TAIL_CURRENT.rangeText(SystemVoltage.V48)).isEqualTo("0.5..10.0 % (step 0.5 %)");
        assertThat(Setting.CHARGED_DETECTION_TIME.rangeText(SystemVoltage.V12)).isEqualTo("1..50 min (step 1 min)");
        assertThat(Setting.PRE_ALARM_LEVEL.rangeText(SystemVoltage.V12)).isEqualTo("2.85..3.15 V (step 0.01 V)");
        Settings user = accepted(DEFAULTS_12V, Setting.CHARGED_VOLTAGE, 14_200);
        assertThat(user.forSystem(SystemVoltage.V24).chargedMillivolts()).isEqualTo(28_400);
        assertThat(user.forSystem(SystemVoltage.V24).differences(user)).containsExactly(Setting.CHARGED_VOLTAGE);
    }

    @Test
    @DisplayName("SET-01 the auto-configured figures come from the detected bank and are not settings")
    void bankConfiguration_readsTheBank() {
        BankFrame frame = new TestBank(BatteryModel.NG_25V6_200AH, 2, 2, "BC").frame(3_300, 0);
        BankConfiguration config = BankConfiguration.of(BankDetection.detect(frame.batteries(),
                frame.terminalMillivolts()));
        assertThat(config).isEqualTo(new BankConfiguration(400, 51_200, 4, 2, 2));
        assertThat(Setting.values()).extracting(Setting::key).doesNotContain("capacity", "batteries", "series");
    }

    @Test
    @DisplayName("SET-02 out-of-range values are refused with the setting, the rule and the allowed range")
    void change_outOfRange_isRefused() {
        assertThat(refusal(DEFAULTS_12V, Setting.CHARGED_VOLTAGE, 15_000))
                .startsWith("Charged voltage = 15.0 V is not allowed for a 12 V system")
                .contains("13.2..14.6 V").endsWith("Nothing was changed.");
        // Off the step, the value is shown as given, not rounded onto an allowed one.
        assertThat(refusal(DEFAULTS_12V, Setting.CHARGED_VOLTAGE, 14_150))
                .startsWith("Charged voltage = 14.150 V is not allowed");
        assertThat(refusal(DEFAULTS_12V, Setting.PRE_ALARM_LEVEL, 3_005)).startsWith("Pre-alarm level = 3.005 V");
        assertThat(refusal(Settings.defaults(SystemVoltage.V24), Setting.CHARGED_VOLTAGE, 14_000))
                .contains("for a 24 V system").contains("26.4..29.2 V");
        assertThat(refusal(DEFAULTS_12V, Setting.TAIL_CURRENT, 42))
                .startsWith("Tail current = 4.2 %").contains("0.5..10.0 % (step 0.5 %)");
        assertThat(refusal(DEFAULTS_12V, Setting.TAIL_CURRENT, 105)).contains("0.5..10.0 %");
        assertThat(refusal(DEFAULTS_12V, Setting.CHARGED_DETECTION_TIME, 0)).contains("1..50 min");
        assertThat(refusal(DEFAULTS_12V, Setting.CHARGED_DETECTION_TIME, 51)).contains("Charged detection time");
        assertThat(refusal(DEFAULTS_12V, Setting.PRE_ALARM_LEVEL, 2_800)).contains("2.85..3.15 V");
        assertThat(refusal(DEFAULTS_12V, Setting.DISCHARGE_FLOOR, 100)).contains("Discharge floor = 100 %");
        assertThat(refusal(DEFAULTS_12V, Setting.MODE, 2)).contains("Mode = 2").contains("Off or On");
    }

    @Test
    @DisplayName("SET-02 a warning level below the floor is refused from either side, saying which to change first")
    void change_warningBelowFloor_isRefused() {
        assertThat(refusal(DEFAULTS_12V, Setting.LOW_SOC_WARNING, 5))
                .startsWith("Low SoC warning level = 5 % is below the discharge floor 10 %")
                .contains("allowed values are 10..99 %").contains("lower the discharge floor first");
        assertThat(refusal(DEFAULTS_12V, Setting.DISCHARGE_FLOOR, 30))
                .startsWith("Discharge floor = 30 % is above the low SoC warning level 20 %")
                .contains("allowed values are 0..20 %").contains("raise the warning level first");
        Settings floorOff = accepted(DEFAULTS_12V, Setting.DISCHARGE_FLOOR, 0);
        assertThat(accepted(floorOff, Setting.LOW_SOC_WARNING, 0).lowSocWarningPercent()).isZero();
        assertThat(accepted(DEFAULTS_12V, Setting.DISCHARGE_FLOOR, 20).dischargeFloorPercent()).isEqualTo(20);
    }

    @Test
    @DisplayName("SET-01 a set of changes is checked as a whole: floor 30 % with warning 40 % is one valid change, "
            + "though the floor alone is refused; the order the set lists them in does not matter")
    void changeSet_floorAboveOldWarning_acceptedAsAWhole() {
        refusal(DEFAULTS_12V, Setting.DISCHARGE_FLOOR, 30);
        Map<Setting, Integer> floorFirst = new java.util.LinkedHashMap<>();
        floorFirst.put(Setting.DISCHARGE_FLOOR, 30);
        floorFirst.put(Setting.LOW_SOC_WARNING, 40);

        SettingChange change = DEFAULTS_12V.change(floorFirst);

        assertThat(change).isInstanceOfSatisfying(SettingChange.Accepted.class, a -> {
            assertThat(a.settings().dischargeFloorPercent()).isEqualTo(30);
            assertThat(a.settings().lowSocWarningPercent()).isEqualTo(40);
            assertThat(a.settings().differences(DEFAULTS_12V)).containsExactly(Setting.LOW_SOC_WARNING,
                    Setting.DISCHARGE_FLOOR);
        });
        assertThat(DEFAULTS_12V.change(Map.of(Setting.LOW_SOC_WARNING, 40, Setting.DISCHARGE_FLOOR, 30)))
                .isEqualTo(change);
    }

    @Test
    @DisplayName("SET-02 a set that breaks the warning ≥ floor rule is refused naming the rule and both settings; "
            + "values out of range are all named; nothing changes")
    void changeSet_inconsistentOrOutOfRange_refusedNamingEach() {
        SettingChange both = DEFAULTS_12V.change(Map.of(Setting.DISCHARGE_FLOOR, 30, Setting.LOW_SOC_WARNING, 25));
        assertThat(both).isInstanceOfSatisfying(SettingChange.Refused.class, r -> assertThat(r.message())
                .contains("Low SoC warning level = 25 %", "Discharge floor = 30 %",
                        "must be at or above the discharge floor", "at least 30 %", "at most 25 %")
                .endsWith("Nothing was changed."));

        SettingChange ranges = DEFAULTS_12V.change(Map.of(Setting.CHARGED_VOLTAGE, 15_000,
                Setting.TAIL_CURRENT, 42, Setting.MODE, 1));
        assertThat(ranges).isInstanceOfSatisfying(SettingChange.Refused.class, r -> assertThat(r.message())
                .contains("Charged voltage = 15.0 V is not allowed", "13.2..14.6 V", "Tail current = 4.2 %",
                        "0.5..10.0 %").doesNotContain("Mode").endsWith("Nothing was changed.")
                .containsOnlyOnce("Nothing was changed."));

        SettingChange notWhole = DEFAULTS_12V.changeAsGiven(Map.of(Setting.DISCHARGE_FLOOR, 10.5,
                Setting.LOW_SOC_WARNING, Double.NaN));
        assertThat(notWhole).isInstanceOfSatisfying(SettingChange.Refused.class, r -> assertThat(r.message())
                .contains("Discharge floor = 10.5", "Low SoC warning level = NaN", "whole number"));
        assertThat(DEFAULTS_12V.change(Map.of())).isEqualTo(new SettingChange.Accepted(DEFAULTS_12V));
    }

    @Test
    @DisplayName("SET-02 a refused change leaves the settings exactly as they were")
    void change_refused_changesNothing() {
        Settings before = accepted(DEFAULTS_12V, Setting.PRE_ALARM_LEVEL, 3_000);
        refusal(before, Setting.LOW_SOC_WARNING, 1);
        assertThat(before.preAlarmCellMillivolts()).isEqualTo(3_000);
        assertThat(before.lowSocWarningPercent()).isEqualTo(20);
    }

    @Test
    @DisplayName("SET-03 reset to defaults restores exactly charged voltage, tail current, detection time, warning "
            + "level and floor")
    void resetToDefaults_restoresExactlyTheFive() {
        Settings changed = DEFAULTS_12V;
        Map<Setting, Integer> values = new EnumMap<>(Setting.class);
        values.put(Setting.CHARGED_VOLTAGE, 14_400);
        values.put(Setting.TAIL_CURRENT, 20);
        values.put(Setting.CHARGED_DETECTION_TIME, 10);
        values.put(Setting.LOW_SOC_WARNING, 40);
        values.put(Setting.DISCHARGE_FLOOR, 30);
        values.put(Setting.PRE_ALARM_LEVEL, 3_000);
        values.put(Setting.MODE, 0);
        values.put(Setting.BLUETOOTH, 0);
        values.put(Setting.INSTANT_READOUT, 0);
        for (Map.Entry<Setting, Integer> entry : values.entrySet()) {
            changed = accepted(changed, entry.getKey(), entry.getValue());
        }
        assertThat(changed.differences(DEFAULTS_12V)).containsExactly(Setting.values());

        Settings reset = changed.resetToDefaults();
        assertThat(reset.differences(DEFAULTS_12V)).containsExactly(Setting.PRE_ALARM_LEVEL, Setting.MODE,
                Setting.BLUETOOTH, Setting.INSTANT_READOUT);
        assertThat(reset.differences(changed)).containsExactly(Setting.CHARGED_VOLTAGE, Setting.TAIL_CURRENT,
                Setting.CHARGED_DETECTION_TIME, Setting.LOW_SOC_WARNING, Setting.DISCHARGE_FLOOR);
        assertThat(reset.preAlarmCellMillivolts()).isEqualTo(3_000);
        List<Setting> restored = java.util.Arrays.stream(Setting.values()).filter(Setting::resetByDefaults).toList();
        assertThat(restored).hasSize(5);
    }

    @Test
    @DisplayName("SET-01 a set of values that breaks a rule cannot be built at all")
    void constructor_invalidValues_throws() {
        Map<Setting, Integer> values = new EnumMap<>(DEFAULTS_12V.values());
        values.put(Setting.TAIL_CURRENT, 3);
        assertThatThrownBy(() -> new Settings(SystemVoltage.V12, values)).hasMessageContaining("Tail current");
        values.remove(Setting.TAIL_CURRENT);
        assertThatThrownBy(() -> new Settings(SystemVoltage.V12, values)).hasMessageContaining("tailCurrent");
    }
}
