package org.smallbms.sim.cell.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.sim.cell.CellParameters;
import org.smallbms.sim.cell.HysteresisConvention;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/** An ESCtoolbox model written here as a .mat file (with the reader's own writer), imported to its exact tables. */
class EscImportTest {

    static final double[] TEMPS = {5, 25, 45};
    static final double[] Q = {98.5, 100.25, 101.125};
    static final double[] ETA = {0.9975, 0.99875, 0.999};
    static final double[] G = {61.5, 120.75, 180.25};
    static final double[] M0 = {-0.0031, -0.0022, 0.0004};
    static final double[] M = {0.1771, 0.1402, 0.0923};
    static final double[] R0 = {0.0021, 0.00112, 0.00081};
    static final double[][] R = {{0.0008, 0.0005, 0.0003}, {0.0011, 0.0007, 0.0006}, {0.0001, 0.0001, 0.0001}};
    static final double[][] RC = {{3.9, 2.1, 0.6}, {480, 355, 210}, {9000, 9000, 9000}};
    static final double[] SOC = {-0.05, 0, 0.1, 0.5, 0.9, 1, 1.05};
    static final double[] OCV0 = {2.0, 2.5, 3.2, 3.3, 3.34, 3.6, 3.7};
    static final double[] OCV_REL = {0.0001, 0.0002, -0.00024, 0.00018, 0.00022, 0.0003, 0.0004};

    static Matrix row(double... values) {
        Matrix m = Mat5.newMatrix(1, values.length);
        for (int i = 0; i < values.length; i++) {
            m.setDouble(i, values[i]);
        }
        return m;
    }

    /** One row per temperature, one column per pair, as processDynamic saves them. */
    static Matrix byTemperature(double[][] pairs) {
        Matrix m = Mat5.newMatrix(TEMPS.length, pairs.length);
        for (int c = 0; c < pairs.length; c++) {
            for (int t = 0; t < TEMPS.length; t++) {
                m.setDouble(t, c, pairs[c][t]);
            }
        }
        return m;
    }

    static Struct model() {
        return Mat5.newStruct()
                .set("name", Mat5.newString("A123 test model"))
                .set("temps", row(TEMPS))
                .set("QParam", row(Q)).set("etaParam", row(ETA)).set("GParam", row(G))
                .set("M0Param", row(M0)).set("MParam", row(M)).set("R0Param", row(R0))
                .set("RParam", byTemperature(R)).set("RCParam", byTemperature(RC))
                .set("SOC", row(SOC)).set("OCV0", row(OCV0)).set("OCVrel", row(OCV_REL))
                .set("OCVeta", row(0.99, 0.995, 0.996)).set("OCVQ", row(99, 100, 101));
    }

    static Path write(Path dir, Struct model) throws IOException {
        Path file = dir.resolve("model.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("model", model), file.toFile());
        return file;
    }

    static double[] numbers(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).doubleValue();
        }
        return values;
    }

    @Test
    void escModel_importsToExactlyItsTables_andListsWhatItLeftOut(@TempDir Path dir) throws Exception {
        EscImport.Result result = EscImport.read(write(dir, model()));
        JsonNode file = new ObjectMapper().readTree(result.json());
        assertThat(file.get("name").textValue()).isEqualTo("A123 test model");
        assertThat(file.get("hysteresisConvention").textValue()).isEqualTo("esc");
        assertThat(numbers(file.at("/capacityAh/celsius"))).containsExactly(TEMPS);
        assertThat(numbers(file.at("/capacityAh/values"))).containsExactly(Q);
        assertThat(numbers(file.at("/coulombicEfficiency/values"))).containsExactly(ETA);
        assertThat(numbers(file.at("/hysteresis/gamma/values"))).containsExactly(G);
        assertThat(numbers(file.at("/hysteresis/m0Volts/values"))).containsExactly(M0);
        for (int t = 0; t < TEMPS.length; t++) {
            assertThat(numbers(file.at("/hysteresis/volts/values/" + t))).containsExactly(M[t], M[t]);
        }
        assertThat(numbers(file.at("/resistance/r0Ohms/values"))).containsExactly(R0);
        assertThat(numbers(file.at("/resistance/r1Ohms/values"))).containsExactly(R[0]);
        assertThat(numbers(file.at("/resistance/tau1Seconds/values"))).containsExactly(RC[0]);
        assertThat(numbers(file.at("/resistance/r2Ohms/values"))).containsExactly(R[1]);
        assertThat(numbers(file.at("/resistance/tau2Seconds/values"))).containsExactly(RC[1]);
        // The OCV within SoC 0..1: OCV0 as the table at 0 °C, OCVrel as dOCV/dT.
        assertThat(numbers(file.at("/ocv/soc"))).containsExactly(0, 0.1, 0.5, 0.9, 1);
        assertThat(file.at("/ocv/tables/0/celsius").doubleValue()).isEqualTo(0);
        assertThat(numbers(file.at("/ocv/tables/0/volts"))).containsExactly(2.5, 3.2, 3.3, 3.34, 3.6);
        assertThat(numbers(file.at("/ocv/dOcvDt/millivoltsPerKelvin"))).containsExactly(0.0002 * 1000,
                -0.00024 * 1000, 0.00018 * 1000, 0.00022 * 1000, 0.0003 * 1000);
        assertThat(result.leftOut()).anyMatch(s -> s.startsWith("RC pairs 3..3"))
                .anyMatch(s -> s.startsWith("2 OCV points at SoC outside 0..1"))
                .anyMatch(s -> s.startsWith("OCVeta")).anyMatch(s -> s.startsWith("OCVQ"))
                .anyMatch(s -> s.startsWith("self-discharge"));
        CellParameters p = result.parameters();
        assertThat(p.convention()).isEqualTo(HysteresisConvention.ESC);
        assertThat(p.r0Ohms().at(35)).isEqualTo((R0[1] + R0[2]) / 2);
        assertThat(p.ohmsAt(p.r0Ohms(), 45)).isEqualTo(R0[2]);
        assertThat(p.chargingM0VoltsAt(5)).isEqualTo(0.0031);
    }

    @Test
    void modelWithoutTheFields_isRefusedNamingThem(@TempDir Path dir) throws IOException {
        Struct model = model();
        model.remove("R0Param");
        model.remove("GParam");
        Path file = write(dir, model);
        assertThatThrownBy(() -> EscImport.read(file)).isInstanceOf(EscImport.EscImportException.class)
                .hasMessageContaining("the struct 'model' lacks [GParam, R0Param]");
    }

    @Test
    void fileThatIsNoMatFile_isRefusedSayingHowToSaveOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.mat");
        Files.writeString(file, "not a mat file at all");
        assertThatThrownBy(() -> EscImport.read(file)).isInstanceOf(EscImport.EscImportException.class)
                .hasMessageContaining("is not a MATLAB level 5 .mat file").hasMessageContaining("'-v7'");
    }

    @Test
    void matFileWithoutAModelStruct_isRefusedListingItsVariables(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("voltage", row(3.3, 3.31)), file.toFile());
        assertThatThrownBy(() -> EscImport.read(file)).hasMessageContaining("holds no ESC model: its variables are "
                + "[voltage]");
    }
}
