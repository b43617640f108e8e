package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;
import org.smallbms.sim.cell.HysteresisConvention;
import org.smallbms.sim.cell.fit.LabData;
import org.smallbms.sim.cell.fit.SyntheticTest;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;

/** {@code cell fit}, {@code cell import-esc} and {@code cell replay --columns}: lab data to a cell and back. */
class CellLabCommandsTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** A cycler's export: more columns than the fit reads, its own names, current positive discharging. */
    private Path labCsv(LabData data) throws IOException {
        StringBuilder csv = new StringBuilder("Step,Test_Time(s),Current(A),Voltage(V),Temperature(C)\n");
        for (int k = 0; k < data.rows(); k++) {
            csv.append(String.format(Locale.ROOT, "%d,%.1f,%.4f,%.5f,%.2f%n", k / 600, data.seconds()[k],
                    -data.amps()[k], data.volts()[k], data.celsius()[k]));
        }
        Path file = dir.resolve("dynamic-25C.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static double millivolts(String text, String label) {
        Matcher m = Pattern.compile(label + " ([0-9.]+) mV").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void fitThenReplay_ofALabExport_landWithinTheNoiseAndAgree() throws IOException {
        String truth = new String(CellParameterFile.class.getResourceAsStream(CellParameterFile.DEFAULT_RESOURCE)
                .readAllBytes()).replace("\"r0Ohms\": 0.00040", "\"r0Ohms\": 0.00050")
                .replace("\"tau1Seconds\": 30.0", "\"tau1Seconds\": 12.0");
        CellParameters cell = CellParameterFile.parse(truth.getBytes());
        LabData data = SyntheticTest.lab(36_000).record(CellModel.of(cell), 25, 0.9, 11);
        Path csv = labCsv(data);
        Path fitted = dir.resolve("fitted.json");
        String columns = "time=Test_Time(s),current=Current(A),voltage=Voltage(V),temperature=Temperature(C)";
        int code = run("cell", "fit", "--data", csv.toString(), "--columns", columns, "--discharge-positive",
                "--soc", "0.9", "--rest-below", "0.5", "--window", "0.1..0.95", "--out", fitted.toString());
        assertThat(code).as(err.toString()).isZero();
        String report = out.toString();
        assertThat(report).contains("fitted at 25 °C from 36000 rows").contains("capacity fitted")
                .contains("wrote " + fitted);
        Matcher r0 = Pattern.compile("R0 ([0-9.]+) mΩ").matcher(report);
        assertThat(r0.find()).isTrue();
        assertThat(Double.parseDouble(r0.group(1))).as("R0 of the cell, 0.5 mΩ").isBetween(0.485, 0.515);
        double fitRms = millivolts(report, "RMS");
        assertThat(fitRms).as("1 mV of noise and 0.5 mV of offset").isLessThan(1.3);
        CellParameters file = CellParameterFile.load(fitted);
        assertThat(file.r0Ohms().celsius()).containsExactly(25);

        code = run("cell", "replay", "--params", fitted.toString(), "--current", csv.toString(), "--columns",
                columns, "--discharge-positive", "--soc", "0.9", "--rest-below", "0.5", "--window", "0.1..0.95",
                "--out", dir.resolve("replay.csv").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).startsWith("error against the measured voltage: RMS");
        assertThat(millivolts(err.toString(), "RMS")).as("the replay is the fit's model").isEqualTo(fitRms);
        String firstRows = Files.readAllLines(dir.resolve("replay.csv")).get(0);
        assertThat(firstRows).isEqualTo("time_s,current_a,voltage_v,soc,temperature_c,measured_v,error_mv");
    }

    @Test
    void replay_temperatureColumn_drivesTheCellAsTheOptionWould() throws IOException {
        Path withColumn = dir.resolve("warm.csv");
        Files.writeString(withColumn, "t,i,T\n0,0,40\n10,-50,40\n600,20,40\n1200,0,40\n");
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, "0,0\n10,-50\n600,20\n1200,0\n");
        assertThat(run("cell", "replay", "--current", plain.toString(), "--temperature", "40")).isZero();
        String expected = out.toString();
        assertThat(run("cell", "replay", "--current", withColumn.toString(), "--columns",
                "time=t,current=i,temperature=T")).as(err.toString()).isZero();
        String[] got = out.toString().split("\n");
        String[] want = expected.split("\n");
        for (int i = 1; i < want.length; i++) {
            assertThat(got[i]).isEqualTo(want[i] + ",40");
        }
    }

    @Test
    void badColumns_areRefusedNamingTheColumnAndTheHeader() throws IOException {
        Path csv = dir.resolve("lab.csv");
        Files.writeString(csv, "Time,Amps,Volts\n0,1,3.3\n1,1,3.3\n");
        assertThat(run("cell", "replay", "--current", csv.toString(), "--columns", "time=Time,current=Current"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("the header has no column 'Current' for current; its columns are "
                + "[Time, Amps, Volts]").doesNotContain("Exception");
        assertThat(run("cell", "replay", "--current", csv.toString(), "--columns", "time=Time,volts=Volts"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'volts' is not time, current, voltage or temperature");
        assertThat(run("cell", "fit", "--data", csv.toString(), "--columns", "time=1,current=2", "--soc", "1",
                "--temperature", "25", "--out", dir.resolve("x.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no voltage column");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void importEsc_writesAFileTheReplayTakes_andSaysWhatItLeftOut() throws IOException {
        double[] temps = {5, 25, 45};
        Path mat = dir.resolve("model.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("model", Mat5.newStruct()
                .set("temps", row(temps)).set("QParam", row(98, 100, 101)).set("etaParam", row(0.998, 0.999, 0.999))
                .set("GParam", row(60, 120, 180)).set("M0Param", row(-0.003, -0.002, -0.001))
                .set("MParam", row(0.03, 0.02, 0.01)).set("R0Param", row(0.002, 0.001, 0.0008))
                .set("RParam", column(0.0008, 0.0005, 0.0003))
                .set("RCParam", column(30, 20, 10))
                .set("SOC", row(0, 0.5, 1)).set("OCV0", row(2.5, 3.3, 3.6)).set("OCVrel", row(0, 0.0001, 0))
                .set("SOC0", row(0, 1))), mat.toFile());
        Path json = dir.resolve("esc.json");
        assertThat(run("cell", "import-esc", mat.toString(), "--out", json.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("left out:").contains("SOC0: derived from SOC, OCV0 and OCVrel");
        CellParameters p = CellParameterFile.load(json);
        assertThat(p.convention()).isEqualTo(HysteresisConvention.ESC);
        assertThat(p.tau1Seconds().values()).containsExactly(30, 20, 10);
        Path profile = dir.resolve("p.csv");
        Files.writeString(profile, "0,0\n10,-30\n600,0\n");
        assertThat(run("cell", "replay", "--params", json.toString(), "--current", profile.toString(),
                "--rc-amps", "2", "--hysteresis", "0.5")).as(err.toString()).isZero();

        Path notMat = dir.resolve("notes.mat");
        Files.writeString(notMat, "hello");
        assertThat(run("cell", "import-esc", notMat.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not a MATLAB level 5 .mat file").doesNotContain("\tat ");
    }

    private static Matrix column(double... values) {
        Matrix m = Mat5.newMatrix(values.length, 1);
        for (int i = 0; i < values.length; i++) {
            m.setDouble(i, 0, values[i]);
        }
        return m;
    }

    private static Matrix row(double... values) {
        Matrix m = Mat5.newMatrix(1, values.length);
        for (int i = 0; i < values.length; i++) {
            m.setDouble(i, values[i]);
        }
        return m;
    }
}
