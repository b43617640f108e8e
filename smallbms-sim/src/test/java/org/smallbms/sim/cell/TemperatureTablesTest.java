package org.smallbms.sim.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures that follow temperature, and the ESC model's hysteresis convention. */
class TemperatureTablesTest {

    private static String defaultJson() throws IOException {
        try (InputStream in = CellParameterFile.class.getResourceAsStream(CellParameterFile.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CellParameters parse(String json) {
        return CellParameterFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The shipped set with some figures as tables at 25 and 45 °C (the values of a published LFP fit). */
    private static String tabled() throws IOException {
        return defaultJson()
                .replace("\"r1Ohms\": 0.00035", "\"r1Ohms\": {\"celsius\": [25, 45], \"values\": [0.00035, 0.0002]}")
                .replace("\"tau1Seconds\": 30.0", "\"tau1Seconds\": {\"celsius\": [25, 45], \"values\": [3.9, 0.6]}")
                .replace("\"gamma\": 75.0", "\"gamma\": {\"celsius\": [25, 45], \"values\": [75, 150]}")
                .replace("\"capacityAh\": 100.0", "\"capacityAh\": {\"celsius\": [25, 45], \"values\": [100, 102]}");
    }

    @Test
    void tables_interpolateLinearlyBetweenTemperatures_andHoldBeyondThem() throws IOException {
        CellParameters p = parse(tabled());
        assertThat(p.tau1Seconds().at(25)).isEqualTo(3.9);
        assertThat(p.tau1Seconds().at(35)).isCloseTo(2.25, within(1e-12));
        assertThat(p.tau1Seconds().at(-10)).isEqualTo(3.9);
        assertThat(p.tau1Seconds().at(60)).isEqualTo(0.6);
        assertThat(p.capacityAmpHours().at(35)).isCloseTo(101, within(1e-12));
        assertThat(p.followsTemperature()).isTrue();
        assertThat(CellParameterFile.defaults().followsTemperature()).isFalse();
    }

    @Test
    void tabledResistance_isTheResistanceItself_notScaledByTheTemperatureLaw() throws IOException {
        CellParameters p = parse(tabled());
        // r1 is a table: its value at 45 °C; r0 is a number: scaled by resistance.temperature.
        assertThat(p.ohmsAt(p.r1Ohms(), 45)).isEqualTo(0.0002);
        assertThat(p.ohmsAt(p.r0Ohms(), 45)).isEqualTo(0.0004 * p.temperatureScaling().factor(45 + 273.15));
    }

    @Test
    void cellWithTables_atEachTemperature_stepsAsTheConstantSetOfThatTemperature() throws IOException {
        CellParameters tabled = parse(tabled());
        for (double celsius : new double[] {25, 33, 45, 50}) {
            CellParameters constant = parse(defaultJson()
                    .replace("\"r1Ohms\": 0.00035", "\"r1Ohms\": {\"celsius\": [0], \"values\": ["
                            + tabled.r1Ohms().at(celsius) + "]}")
                    .replace("\"tau1Seconds\": 30.0", "\"tau1Seconds\": " + tabled.tau1Seconds().at(celsius))
                    .replace("\"gamma\": 75.0", "\"gamma\": " + tabled.gamma().at(celsius))
                    .replace("\"capacityAh\": 100.0", "\"capacityAh\": " + tabled.capacityAmpHours().at(celsius)));
            // One cell set at its temperature from the start, one brought there from 0 °C.
            Cell expected = new Cell(CellModel.of(constant), CellVariation.NONE, 0.5, celsius);
            Cell moved = new Cell(CellModel.of(tabled), CellVariation.NONE, 0.5, 0);
            moved.setCelsius(celsius);
            for (int k = 0; k < 3000; k++) {
                double amps = k % 700 < 350 ? -40 : 25;
                assertThat(moved.step(amps, 1)).as("%s °C, step %d", celsius, k)
                        .isCloseTo(expected.step(amps, 1), within(1e-12));
            }
            assertThat(moved.soc()).isCloseTo(expected.soc(), within(1e-12));
            assertThat(moved.hysteresis()).isCloseTo(expected.hysteresis(), within(1e-12));
        }
    }

    @Test
    void hysteresisCurvePerTemperature_interpolatesAsAWhole() throws IOException {
        String json = defaultJson().replace("\"volts\": [0.025, 0.025, 0.015, 0.015, 0.012, 0.012]",
                "\"volts\": {\"celsius\": [25, 45], \"values\": [[0.177, 0.177, 0.177, 0.177, 0.177, 0.177], "
                        + "[0.092, 0.092, 0.092, 0.092, 0.092, 0.050]]}");
        CellModel model = CellModel.of(parse(json));
        assertThat(model.hysteresisVolts(0.5, 25)).isCloseTo(0.177, within(1e-12));
        assertThat(model.hysteresisVolts(0.5, 35)).isCloseTo(0.1345, within(1e-12));
        assertThat(model.hysteresisVolts(0.5, 60)).isCloseTo(0.092, within(1e-12));
        assertThat(model.hysteresisVolts(0.95, 45)).isCloseTo(0.050, within(1e-12));
        // A cell fully charged shows M at its temperature above the OCV (no current, RC pairs at rest).
        Cell cell = new Cell(model, CellVariation.NONE, 0.5, 35);
        cell.setDynamicState(1, 0, 0);
        assertThat(cell.volts() - cell.ocvVolts()).isCloseTo(0.1345, within(1e-9));
    }

    @Test
    void badTables_areRefusedNamingTheEntry() throws IOException {
        assertThatThrownBy(() -> parse(defaultJson().replace("\"r0Ohms\": 0.00040",
                "\"r0Ohms\": {\"celsius\": [25, 45], \"values\": [0.0004, -1]}")))
                .isInstanceOf(CellParameterException.class)
                .hasMessageContaining("resistance.r0Ohms.values[1] = -1.0 is outside the allowed")
                .hasMessageContaining("give the resistance in ohms");
        assertThatThrownBy(() -> parse(defaultJson().replace("\"r0Ohms\": 0.00040",
                "\"r0Ohms\": {\"celsius\": [45, 25], \"values\": [0.0004, 0.0003]}")))
                .hasMessageContaining("resistance.r0Ohms.celsius[1] = 25.0 is not above the previous entry 45.0");
        assertThatThrownBy(() -> parse(defaultJson().replace("\"gamma\": 75.0",
                "\"gamma\": {\"celsius\": [25, 45], \"values\": [75]}")))
                .hasMessageContaining("hysteresis.gamma.values = 1 values does not match the 2 entries");
        assertThatThrownBy(() -> parse(defaultJson().replace("\"gamma\": 75.0",
                "\"gamma\": {\"celsius\": [25], \"value\": [75]}")))
                .hasMessageContaining("hysteresis.gamma.value is not a known field");
        assertThatThrownBy(() -> parse(defaultJson().replace("\"hysteresis\": {",
                "\"hysteresisConvention\": \"plett\", \"hysteresis\": {")))
                .hasMessageContaining("hysteresisConvention = \"plett\" is not a known convention");
    }

    @Test
    void escConvention_allowsAnM0OfEitherSign_ourOwnOnlyAtLeastZero() throws IOException {
        String negative = defaultJson().replace("\"m0Volts\": 0.003", "\"m0Volts\": -0.003");
        assertThatThrownBy(() -> parse(negative)).hasMessageContaining("hysteresis.m0Volts = -0.003 is outside");
        CellParameters esc = parse(negative.replace("\"hysteresis\": {",
                "\"hysteresisConvention\": \"esc\", \"hysteresis\": {"));
        assertThat(esc.convention()).isEqualTo(HysteresisConvention.ESC);
        // ESC multiplies M0 by the sign of the discharge current: −3 mV there is +3 mV with the charging current.
        assertThat(esc.chargingM0VoltsAt(25)).isEqualTo(0.003);
    }

    /**
     * The ESC equations as the public ESCtoolbox writes them (current positive discharging), stepped here on their
     * own, against a cell of the same figures in the ESC convention. The OCV is the model's, which both share.
     */
    @Test
    void escConvention_stepsAsTheEscEquations() throws IOException {
        String json = defaultJson().replace("\"m0Volts\": 0.003", "\"m0Volts\": -0.004")
                .replace("\"coulombicEfficiency\": 0.999", "\"coulombicEfficiency\": 0.97")
                .replace("\"gamma\": 75.0", "\"gamma\": 120.0")
                .replace("\"percentPerMonth\": 1.5", "\"percentPerMonth\": 0")
                .replace("\"hysteresis\": {", "\"hysteresisConvention\": \"esc\", \"hysteresis\": {");
        CellParameters p = parse(json);
        CellModel model = CellModel.of(p);
        double celsius = 25;
        double q = 100;
        double eta = 0.97;
        double r0 = p.ohmsAt(p.r0Ohms(), celsius);
        double[] r = {p.ohmsAt(p.r1Ohms(), celsius), p.ohmsAt(p.r2Ohms(), celsius)};
        double[] tau = {30, 1000};
        double z = 0.6;
        double h = -0.3;
        double s = 0;
        double[] ir = {2, -1};
        Cell cell = new Cell(model, CellVariation.NONE, z, celsius);
        // The ESC state: RC currents positive discharging, so the cell's are their negatives.
        cell.setDynamicState(h, -ir[0], -ir[1]);
        for (int k = 0; k < 5000; k++) {
            // Discharge, charge, rest and a trickle below Q/100 that keeps the last sign of M0.
            double discharge = List.of(30.0, -45.0, 0.0, -0.5, 0.5, 60.0).get((k / 400) % 6);
            double m = model.hysteresisVolts(z, celsius);
            if (Math.abs(discharge) >= q / 100) {
                s = Math.signum(discharge);
            }
            double expected = model.ocvVolts(z, celsius) + m * h + p.m0Volts().at(celsius) * s - r0 * discharge
                    - r[0] * ir[0] - r[1] * ir[1];
            assertThat(cell.terminalVolts(-discharge)).as("step %d", k).isCloseTo(expected, within(1e-8));
            cell.step(-discharge, 1);
            double etaI = discharge < 0 ? eta * discharge : discharge;
            for (int j = 0; j < 2; j++) {
                double decay = Math.exp(-1 / tau[j]);
                ir[j] = decay * ir[j] + (1 - decay) * etaI;
            }
            z -= etaI / (3600 * q);
            double fac = Math.exp(-Math.abs(120 * etaI / (3600 * q)));
            h = fac * h - (1 - fac) * Math.signum(discharge);
            assertThat(cell.soc()).isCloseTo(z, within(1e-12));
            assertThat(cell.hysteresis()).isCloseTo(h, within(1e-8));
        }
    }
}
