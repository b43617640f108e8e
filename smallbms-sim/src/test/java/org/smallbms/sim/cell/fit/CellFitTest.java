package org.smallbms.sim.cell.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;

/**
 * Synthetic lab data: a cell of known figures at 25 and 45 °C recorded through a varied 10-hour profile with sensor
 * noise and offsets ({@link SyntheticTest#lab}: 1 mV and 50 mA of noise, 0.5 mV and 30 mA of offset, 0.1 K), fitted
 * from the shipped set one temperature at a time into one file, and the file replayed against the data.
 */
class CellFitTest {

    static String defaultJson() throws IOException {
        try (InputStream in = CellParameterFile.class.getResourceAsStream(CellParameterFile.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The true cell: every dynamic figure different at 25 and 45 °C, and different from the shipped set's. */
    static CellParameters truth() throws IOException {
        String json = defaultJson()
                .replace("\"r0Ohms\": 0.00040", "\"r0Ohms\": {\"celsius\": [25, 45], \"values\": [0.00045, 0.00030]}")
                .replace("\"r1Ohms\": 0.00035", "\"r1Ohms\": {\"celsius\": [25, 45], \"values\": [0.00030, 0.00020]}")
                .replace("\"tau1Seconds\": 30.0", "\"tau1Seconds\": {\"celsius\": [25, 45], \"values\": [20, 8]}")
                .replace("\"r2Ohms\": 0.00040", "\"r2Ohms\": {\"celsius\": [25, 45], \"values\": [0.0005, 0.00035]}")
                .replace("\"tau2Seconds\": 1000.0", "\"tau2Seconds\": {\"celsius\": [25, 45], \"values\": [600, 300]}")
                .replace("\"volts\": [0.025, 0.025, 0.015, 0.015, 0.012, 0.012]", "\"volts\": {\"celsius\": [25, 45], "
                        + "\"values\": [[0.035, 0.035, 0.021, 0.021, 0.0168, 0.0168], "
                        + "[0.0175, 0.0175, 0.0105, 0.0105, 0.0084, 0.0084]]}")
                .replace("\"m0Volts\": 0.003", "\"m0Volts\": {\"celsius\": [25, 45], \"values\": [0.002, 0.001]}")
                .replace("\"gamma\": 75.0", "\"gamma\": {\"celsius\": [25, 45], \"values\": [120, 200]}")
                .replace("\"capacityAh\": 100.0", "\"capacityAh\": {\"celsius\": [25, 45], \"values\": [100, 101.5]}");
        return CellParameterFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A cycler's zero reads its offset and noise: below 0.5 A (Q/200) a row is rest. */
    static LabData record(CellParameters truth, double celsius, long seed) {
        return SyntheticTest.lab(36_000).record(CellModel.of(truth), celsius, 0.9, seed).withRestBelow(0.5);
    }

    @Test
    void fitOfEachTemperature_recoversTheKnownFigures_andItsFileReplaysWithinTheNoise() throws IOException {
        CellParameters truth = truth();
        byte[] file = defaultJson().getBytes(StandardCharsets.UTF_8);
        LabData[] data = new LabData[2];
        double[] temperatures = {25, 45};
        for (int t = 0; t < 2; t++) {
            double celsius = temperatures[t];
            data[t] = record(truth, celsius, 7 + t);
            CellParameters start = CellParameterFile.parse(file);
            CellFit.Result fit = CellFit.fit(start, data[t], new CellFit.Options(celsius, 0.9, 2, 0.1, 0.95));
            CellFit.Figures f = fit.figures();
            String at = celsius + " °C";
            assertThat(f.r0Ohms()).as("R0 at " + at).isCloseTo(truth.ohmsAt(truth.r0Ohms(), celsius),
                    Percentage.withPercentage(3));
            assertThat(f.r1Ohms()).as("R1 at " + at).isCloseTo(truth.ohmsAt(truth.r1Ohms(), celsius),
                    Percentage.withPercentage(10));
            assertThat(f.tau1Seconds()).as("tau1 at " + at).isCloseTo(truth.tau1Seconds().at(celsius),
                    Percentage.withPercentage(10));
            assertThat(f.r2Ohms()).as("R2 at " + at).isCloseTo(truth.ohmsAt(truth.r2Ohms(), celsius),
                    Percentage.withPercentage(10));
            assertThat(f.tau2Seconds()).as("tau2 at " + at).isCloseTo(truth.tau2Seconds().at(celsius),
                    Percentage.withPercentage(10));
            double[] m = f.hysteresisVolts().y();
            double[] trueM = truth.hysteresisVolts().at(celsius).y();
            for (int i = 0; i < m.length; i++) {
                assertThat(m[i]).as("M[%d] at %s", i, at).isCloseTo(trueM[i], Percentage.withPercentage(10));
            }
            assertThat(f.m0Volts()).as("M0 at " + at).isCloseTo(truth.m0Volts().at(celsius), within(0.0005));
            assertThat(f.gamma()).as("gamma at " + at).isCloseTo(truth.gamma().at(celsius),
                    Percentage.withPercentage(25));
            assertThat(f.capacityFitted()).isTrue();
            assertThat(f.capacityAmpHours()).as("capacity at " + at).isCloseTo(truth.capacityAmpHours().at(celsius),
                    Percentage.withPercentage(1));
            // The 30 mA offset over 10 hours is 0.3 Ah: the efficiency cannot be told from it closer than this.
            assertThat(f.coulombicEfficiency()).as("eta at " + at).isCloseTo(0.999, within(0.002));
            assertThat(fit.error().rmsVolts()).as("fit RMS at " + at).isLessThan(0.0013);
            file = FitFile.update(file, celsius, f, null).json();
        }
        // The one file of both temperatures replays each test within its noise: 1 mV RMS and 0.5 mV of offset.
        CellParameters fitted = CellParameterFile.parse(file);
        assertThat(fitted.tau1Seconds().celsius()).containsExactly(25, 45);
        for (int t = 0; t < 2; t++) {
            FitError error = Replay.of(CellModel.of(fitted), data[t], 0.9).errorAgainst(data[t].volts(), 0.1, 0.95);
            assertThat(error.rmsVolts()).as("replay RMS at %s °C", temperatures[t]).isLessThan(0.0013);
            assertThat(error.maxVolts()).as("replay max at %s °C", temperatures[t]).isLessThan(0.007);
        }
    }
}
