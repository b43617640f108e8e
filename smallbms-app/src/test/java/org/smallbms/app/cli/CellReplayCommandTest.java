package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellReplayCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path profile(String text) throws IOException {
        Path file = dir.resolve("profile.csv");
        Files.writeString(file, text);
        return file;
    }

    /** The rows of the output as numbers, after checking the header. */
    private static List<double[]> parse(String csv) {
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("time_s,current_a,voltage_v,soc");
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",");
            assertThat(fields).hasSize(4);
            double[] row = new double[4];
            for (int f = 0; f < 4; f++) {
                row[f] = Double.parseDouble(fields[f]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void replay_dischargeThenRest_voltageSagsAndRecoversAndSocFalls() throws IOException {
        Path file = profile("time_s,current_a\n0,0\n10,-50\n3610,0\n7200,0\n");
        int code = run("cell", "replay", "--current", file.toString(), "--soc", "0.8");
        assertThat(code).as(err.toString()).isZero();
        List<double[]> rows = parse(out.toString());
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly(new double[] {0, 0, 3.338, 0.8}, within(1e-6));
        assertThat(rows.get(1)[2]).as("50 A through 0.4 mΩ").isCloseTo(3.338 - 0.02, within(0.001));
        assertThat(rows.get(2)[3]).as("an hour at 0.5C").isCloseTo(0.8 - 0.5, within(0.001));
        assertThat(rows.get(3)[2]).as("rested").isGreaterThan(rows.get(2)[2]);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void replay_dischargePositiveAndOut_flipsTheSignAndWritesTheFile() throws IOException {
        Path file = profile("0,50\n60,50\n");
        Path csv = dir.resolve("out.csv");
        int code = run("cell", "replay", "--current", file.toString(), "--discharge-positive", "--soc", "0.5",
                "--temperature", "10", "--out", csv.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).isEmpty();
        List<double[]> rows = parse(Files.readString(csv));
        assertThat(rows.get(0)[1]).isEqualTo(-50);
        assertThat(rows.get(1)[3]).isCloseTo(0.5 - 50.0 * 60 / 360_000, within(1e-5));
    }

    @Test
    void replay_badLine_namesTheLineExitsTwoAndWritesNothing() throws IOException {
        Path file = profile("time_s,current_a\n0,0\n10,abc\n");
        Path csv = dir.resolve("out.csv");
        int code = run("cell", "replay", "--current", file.toString(), "--out", csv.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("line 3").contains("current 'abc' is not a number");
        assertThat(csv).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void replay_timeGoingBack_isRefused() throws IOException {
        int code = run("cell", "replay", "--current", profile("0,1\n10,1\n5,1\n").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("line 3").contains("time 5 is not after the previous row's 10");
    }

    @Test
    void replay_badParameterFile_namesTheField() throws IOException {
        Path params = dir.resolve("p.json");
        Files.writeString(params, "{\"capacityAh\": -1}");
        int code = run("cell", "replay", "--params", params.toString(), "--current", profile("0,1\n").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("p.json").contains("is missing");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void replay_socOutOfRange_isRefused() throws IOException {
        int code = run("cell", "replay", "--current", profile("0,1\n").toString(), "--soc", "50");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--soc = 50.0 is outside 0..1");
    }
}
