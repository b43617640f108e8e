package org.smallbms.sim.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryFlags;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;

class BatteryTest {

    @Test
    @DisplayName("docs/cell-model.md: a battery whose cells' M0 follows temperature steps by the M0 of its "
            + "temperature now, as it warms")
    void m0Volts_cellsM0FollowsTemperature_followsTheBatteryAsItWarms() throws Exception {
        String json;
        try (InputStream in = CellParameterFile.class.getResourceAsStream(CellParameterFile.DEFAULT_RESOURCE)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CellParameters cells = CellParameterFile.parse(json.replace("\"m0Volts\": 0.003",
                "\"m0Volts\": {\"celsius\": [10, 40], \"values\": [0.004, 0.001]}").getBytes(StandardCharsets.UTF_8));
        Battery battery = new Battery(BatteryModel.NG_12V8_100AH, "HQ0001", "v1.10", cells, 1, 0.5, 10);
        double cold = battery.m0Volts();
        assertThat(cold).isCloseTo(4 * 0.004, within(1e-12));
        battery.setAmbientCelsius(40);
        for (int s = 0; s < 24 * 3600; s++) {
            battery.step(-5, 1);
        }
        assertThat(battery.celsius()).isGreaterThan(30);
        assertThat(battery.m0Volts()).isEqualTo(battery.cells().m0SumVolts()).isLessThan(cold - 0.005);
    }

    @ParameterizedTest(name = "{0}: {1} cells, about {2} mΩ")
    @CsvSource({
        "NG_12V8_100AH, 4, 2.0", "NG_12V8_150AH, 4, 1.33", "NG_12V8_200AH, 4, 1.0", "NG_12V8_300AH, 4, 0.67",
        "NG_25V6_100AH, 8, 4.0", "NG_25V6_200AH, 8, 2.0", "NG_25V6_300AH, 8, 1.33", "NG_51V2_100AH, 16, 8.0",
        "SMART_12V8_100AH, 4, 2.0", "SMART_25V6_200AH, 8, 2.0"})
    @DisplayName("TOP-02 every Lithium NG model (and the Lithium Battery Smart) has its cells and the data sheet's "
            + "internal resistance")
    void model_hasItsCellsAndInternalResistance(BatteryModel model, int cells, double milliohms) {
        Battery battery = Battery.of(model, "HQ1", 1, 0.5, 25);
        assertThat(battery.cellCount()).isEqualTo(cells);
        assertThat(battery.ohms() * 1000).isCloseTo(milliohms, within(milliohms * 0.05));
        assertThat(battery.volts()).isCloseTo(cells * 3.305, within(0.001 * cells));
        assertThat(battery.cells().capacityAmpHours(0)).isCloseTo(model.capacityAmpHours(),
                within(model.capacityAmpHours() * 0.03));
    }

    @Test
    @DisplayName("the same seed builds the same battery; another seed another spread")
    void seed_sameSeed_sameBatteryAndSameHistory() {
        Battery a = Battery.of(BatteryModel.NG_25V6_200AH, "HQ1", 42, 0.5, 25);
        Battery b = Battery.of(BatteryModel.NG_25V6_200AH, "HQ1", 42, 0.5, 25);
        Battery other = Battery.of(BatteryModel.NG_25V6_200AH, "HQ1", 43, 0.5, 25);
        for (int s = 0; s < 3600; s++) {
            double amps = s % 600 < 300 ? -150 : 120;
            a.step(amps, 1);
            b.step(amps, 1);
            other.step(amps, 1);
        }
        for (int i = 0; i < a.cellCount(); i++) {
            assertThat(a.cellVolts(i)).isEqualTo(b.cellVolts(i));
            assertThat(a.cells().soc(i)).isEqualTo(b.cells().soc(i));
        }
        assertThat(a.celsius()).isEqualTo(b.celsius());
        assertThat(other.cellVolts(0)).isNotEqualTo(a.cellVolts(0));
    }

    @Test
    @DisplayName("cells spread: capacity σ about 0.5 %, R0 σ about 2 %")
    void spread_overManyCells_hasTheCellModelSigmas() {
        double[] capacities = new double[800];
        double[] resistances = new double[800];
        for (int b = 0; b < 50; b++) {
            Battery battery = Battery.of(BatteryModel.NG_51V2_100AH, "HQ" + b, b, 0.5, 25);
            for (int i = 0; i < 16; i++) {
                capacities[b * 16 + i] = battery.cells().capacityAmpHours(i) / 100;
                resistances[b * 16 + i] = battery.cells().ohms(i) / 0.0004;
            }
        }
        assertThat(sigma(capacities)).isBetween(0.004, 0.006);
        assertThat(sigma(resistances)).isBetween(0.016, 0.024);
    }

    private static double sigma(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
    }

    @Test
    @DisplayName("PROT-01 the monitor sets CELL_HIGH_VOLTAGE at 3.75 V while charging and clears it at 3.60 V")
    void monitor_chargedToTheTop_setsCellHighAndClearsAtThreeSixty() {
        Battery battery = Battery.of(BatteryModel.NG_12V8_100AH, "HQ1", 3, 0.97, 25);
        int seconds = 0;
        while (!battery.has(BatteryFlag.CELL_HIGH_VOLTAGE) && seconds < 7200) {
            battery.step(50, 1);
            seconds++;
        }
        assertThat(battery.has(BatteryFlag.CELL_HIGH_VOLTAGE)).isTrue();
        assertThat(battery.maxCellVolts()).isGreaterThanOrEqualTo(3.75);
        battery.step(0, 1);
        assertThat(battery.maxCellVolts()).as("no current: below 3.75 V but above 3.60 V").isBetween(3.60, 3.75);
        assertThat(battery.has(BatteryFlag.CELL_HIGH_VOLTAGE)).as("the hysteresis holds the flag").isTrue();
        for (int s = 0; s < 600 && battery.maxCellVolts() > 3.60; s++) {
            battery.step(-20, 1);
        }
        battery.step(-20, 1);
        assertThat(battery.has(BatteryFlag.CELL_HIGH_VOLTAGE)).isFalse();
    }

    @Test
    @DisplayName("PROT-02 the monitor sets CELL_LOW_VOLTAGE at 2.80 V and clears it only when all cells are at 3.20 V")
    void monitor_dischargedToTheBottom_setsCellLowAndClearsAtThreeTwenty() {
        Battery battery = Battery.of(BatteryModel.NG_12V8_100AH, "HQ1", 3, 0.04, 25);
        int seconds = 0;
        while (!battery.has(BatteryFlag.CELL_LOW_VOLTAGE) && seconds < 7200) {
            battery.step(-50, 1);
            seconds++;
        }
        assertThat(battery.minCellVolts()).isLessThanOrEqualTo(2.80);
        battery.step(0, 600);
        assertThat(battery.minCellVolts()).isBetween(2.80, 3.20);
        assertThat(battery.has(BatteryFlag.CELL_LOW_VOLTAGE)).isTrue();
        while (battery.minCellVolts() < 3.20 && seconds < 20_000) {
            battery.step(30, 1);
            seconds++;
        }
        battery.step(30, 1);
        assertThat(battery.has(BatteryFlag.CELL_LOW_VOLTAGE)).isFalse();
    }

    @Test
    @DisplayName("PROT-01 charge temperature flags: below 5 °C until 7 °C; above 50 °C until 45 °C")
    void monitor_temperature_setsAndClearsWithHysteresis() {
        Battery battery = Battery.of(BatteryModel.NG_12V8_100AH, "HQ1", 3, 0.5, 4);
        assertThat(battery.flags()).isEqualTo(BatteryFlags.of(BatteryFlag.CHARGE_LOW_TEMPERATURE));
        battery.setAmbientCelsius(6);
        battery.step(0, 86_400);
        assertThat(battery.celsius()).isCloseTo(6, within(0.01));
        assertThat(battery.has(BatteryFlag.CHARGE_LOW_TEMPERATURE)).isTrue();
        battery.setAmbientCelsius(7.5);
        battery.step(0, 86_400);
        assertThat(battery.has(BatteryFlag.CHARGE_LOW_TEMPERATURE)).isFalse();

        battery.setAmbientCelsius(51);
        battery.step(0, 86_400);
        assertThat(battery.has(BatteryFlag.CHARGE_HIGH_TEMPERATURE)).isTrue();
        battery.setAmbientCelsius(46);
        battery.step(0, 86_400);
        assertThat(battery.has(BatteryFlag.CHARGE_HIGH_TEMPERATURE)).isTrue();
        battery.setAmbientCelsius(44);
        battery.step(0, 86_400);
        assertThat(battery.has(BatteryFlag.CHARGE_HIGH_TEMPERATURE)).isFalse();
    }

    @Test
    @DisplayName("CLS-02 a Lithium Battery Smart raises CELL_PRE_ALARM below its 3.1 V default, before the 2.8 V "
            + "load disconnect")
    void smart_discharging_preAlarmBeforeLoadDisconnect() {
        Battery battery = Battery.of(BatteryModel.SMART_12V8_100AH, "HQ1", 3, 0.15, 25);
        assertThat(battery.thresholds().preAlarmVolts()).isEqualTo(3.10);
        while (!battery.has(BatteryFlag.CELL_PRE_ALARM)) {
            battery.step(-30, 1);
        }
        assertThat(battery.minCellVolts()).isLessThan(3.10);
        assertThat(battery.has(BatteryFlag.CELL_LOW_VOLTAGE)).isFalse();
        while (!battery.has(BatteryFlag.CELL_LOW_VOLTAGE)) {
            battery.step(-30, 1);
        }
        assertThat(battery.has(BatteryFlag.CELL_PRE_ALARM)).isTrue();
    }

    @Test
    @DisplayName("CLS-02 the Lithium Battery Smart's levels are adjustable within 2.6-2.8 V and 2.85-3.15 V")
    void smart_setThresholds_withinRangeTakesEffect() {
        Battery battery = Battery.of(BatteryModel.SMART_25V6_200AH, "HQ1", 3, 0.5, 25);
        battery.setSmartThresholds(2.6, 2.85);
        assertThat(battery.thresholds().cellLowVolts()).isEqualTo(2.6);
        assertThat(battery.thresholds().preAlarmVolts()).isEqualTo(2.85);
    }

    @Test
    @DisplayName("CLS-02 a level out of range is refused with the rule, and nothing changes")
    void smart_setThresholds_outOfRangeIsRefusedAndChangesNothing() {
        Battery battery = Battery.of(BatteryModel.SMART_12V8_100AH, "HQ1", 3, 0.5, 25);
        assertThatThrownBy(() -> battery.setSmartThresholds(2.7, 2.70))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("preAlarmVolts = 2.7 V is outside the allowed 2.85..3.15 V");
        assertThatThrownBy(() -> battery.setSmartThresholds(2.5, 3.0))
                .hasMessageContaining("loadDisconnectVolts = 2.5 V is outside the allowed 2.6..2.8 V");
        assertThat(battery.thresholds()).isEqualTo(MonitorThresholds.lithiumBatterySmartDefaults());
    }

    @Test
    @DisplayName("a Lithium NG's thresholds are hard-coded (REQUIREMENTS.md §2) and it has no pre-alarm of its own")
    void ng_setThresholds_isRefused() {
        Battery battery = Battery.of(BatteryModel.NG_12V8_100AH, "HQ1", 3, 0.5, 25);
        assertThatThrownBy(() -> battery.setSmartThresholds(2.7, 3.0)).isInstanceOf(IllegalStateException.class);
        assertThat(battery.thresholds()).isEqualTo(MonitorThresholds.LITHIUM_NG);
        assertThat(battery.thresholds().hasPreAlarm()).isFalse();
    }

    @Test
    @DisplayName("BAL-01 the balancer bleeds the high cells at the top of charge and narrows the spread")
    void balancer_atTopOfCharge_bleedsHighCellsAndNarrowsSpread() {
        Battery battery = Battery.of(BatteryModel.NG_12V8_100AH, "HQ1", 3, 0.95, 25);
        battery.cells().stepOne(1, 0.5, 3600);
        double spreadBefore = battery.cells().soc(1) - battery.cells().soc(0);
        boolean balanced = false;
        for (int cycle = 0; cycle < 40; cycle++) {
            for (int s = 0; s < 3 * 3600 && !battery.has(BatteryFlag.CELL_HIGH_VOLTAGE); s++) {
                battery.step(5, 1);
                balanced |= battery.balancing();
            }
            battery.step(-5, 3600);
        }
        double spreadAfter = battery.cells().soc(1) - battery.cells().soc(0);
        assertThat(balanced).isTrue();
        assertThat(battery.bleedJoules()).isPositive();
        assertThat(spreadAfter).isLessThan(spreadBefore * 0.5);
    }

    @Test
    @DisplayName("the thermal body: the heat made is the heat stored in it plus the heat given to the ambient")
    void thermal_underLoad_heatIsStoredPlusExchanged() {
        Battery battery = Battery.of(BatteryModel.NG_12V8_300AH, "HQ1", 3, 0.9, 25);
        for (int s = 0; s < 3600; s++) {
            battery.step(-250, 1);
        }
        double stored = battery.heatCapacityJoulesPerKelvin() * (battery.celsius() - 25);
        assertThat(battery.celsius()).isGreaterThan(26);
        assertThat(stored + battery.exchangedJoules()).isCloseTo(battery.heatJoules(),
                within(1e-9 * battery.heatJoules()));
    }
}
