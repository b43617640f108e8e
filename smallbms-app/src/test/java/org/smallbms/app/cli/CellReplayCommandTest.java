package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(rows.get(1)[2]).as("50 A through 0.4 mΩ, and M0 turned with it at once")
                .isCloseTo(3.338 - 0.02 - 0.003, within(0.001));
        assertThat(rows.get(2)[3]).as("an hour at 0.5C").isCloseTo(0.8 - 0.5, within(0.001));
        assertThat(rows.get(3)[2]).as("rested").isGreaterThan(rows.get(2)[2]);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    @DisplayName("--discharge-positive discharges the cell on a positive current and prints the current as the "
            + "profile gives it, positive")
    void replay_dischargePositiveAndOut_dischargesAndPrintsTheProfilesCurrent() throws IOException {
        Path file = profile("0,50\n60,50\n");
        Path csv = dir.resolve("out.csv");
        int code = run("cell", "replay", "--current", file.toString(), "--discharge-positive", "--soc", "0.5",
                "--temperature", "10", "--out", csv.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).isEmpty();
        List<double[]> rows = parse(Files.readString(csv));
        assertThat(rows.get(0)[1]).isEqualTo(50);
        assertThat(rows.get(1)[1]).isEqualTo(50);
        assertThat(rows.get(1)[3]).isCloseTo(0.5 - 50.0 * 60 / 360_000, within(1e-5));
        assertThat(rows.get(0)[2]).as("a discharge sags below the rest voltage").isLessThan(3.30);
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

    @Test
    @DisplayName("--model reference steps the reference cell: the same rows as the default fast one, to the printed "
            + "digits")
    void replay_referenceModel_printsTheFastModelsRows() throws IOException {
        Path file = profile("time_s,current_a\n0,0\n10,-50\n1810,0\n3600,30\n5400,0\n7200,0\n");
        assertThat(run("cell", "replay", "--current", file.toString(), "--soc", "0.8")).isZero();
        String fast = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("cell", "replay", "--current", file.toString(), "--soc", "0.8", "--model", "reference"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo(fast);
    }

    @Test
    @DisplayName("--model takes reference or fast; another name is a bad option: exit 2, the two names, nothing run")
    void replay_unknownModel_isABadOptionNamingTheTwo() throws IOException {
        int code = run("cell", "replay", "--current", profile("0,1\n").toString(), "--model", "exact");
        assertRefused(code, null, "'exact' is not a cell model: give reference", "or fast", "--help");
        assertThat(run("cell", "replay", "--help")).isZero();
        // Picocli wraps the description at 80 columns.
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--model=reference|fast",
                "fast (the default)", "reference, the equations of docs/cell-model.md as written");
    }

    /** The refusal of a user's input: exit 2, one message without a stack trace, nothing written. */
    private void assertRefused(int code, Path target, String... parts) {
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains(parts).doesNotContain("Exception", "\tat ");
        assertThat(out.toString()).isEmpty();
        if (target != null) {
            assertThat(target).doesNotExist();
        }
    }

    @Test
    @DisplayName("a first line that is not two words is data, and a malformed one is an error naming its line and "
            + "column, not a header skipped in silence")
    void replay_malformedFirstLine_isAnErrorNamingLineAndColumn() throws IOException {
        Path csv = dir.resolve("out.csv");
        int code = run("cell", "replay", "--current", profile("abc,1\n0,1\n10,1\n").toString(), "--out",
                csv.toString());
        assertRefused(code, csv, "profile.csv line 1, column 1 (time): time 'abc' is not a number");
    }

    @Test
    @DisplayName("a first line of two words is a header, whatever the words; a second such line is an error")
    void replay_headerOfTwoWords_isSkippedOnce() throws IOException {
        assertThat(run("cell", "replay", "--current", profile("# lab run 3\ntime,current (A)\n0,1\n").toString()))
                .isZero();
        assertThat(parse(out.toString())).hasSize(1);

        out.getBuffer().setLength(0);
        int code = run("cell", "replay", "--current", profile("time,current\nt,i\n0,1\n").toString());
        assertRefused(code, null, "line 2, column 1 (time): time 't' is not a number");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "5,NaN|column 2 (current): current 'NaN' is not a number",
        "5,Infinity|column 2 (current): current 'Infinity' is not a number",
        "5,-Infinity|column 2 (current): current '-Infinity' is not a number",
        "5,1e400|column 2 (current): current '1e400' is outside ±100000 A",
        "5,-2e5|column 2 (current): current '-2e5' is outside ±100000 A",
        "5,0x10|column 2 (current): current '0x10' is not a number",
        "5,10d|column 2 (current): current '10d' is not a number",
        "1e10,1|column 1 (time): time '1e10' is outside ±1000000000 s",
        "NaN,1|column 1 (time): time 'NaN' is not a number"})
    @DisplayName("NaN, infinities, values beyond the limits and what only Java reads as a number are refused with the "
            + "line and the column")
    void replay_nonFiniteOrHugeValue_isRefusedWithLineAndColumn(String row, String message) throws IOException {
        int code = run("cell", "replay", "--current", profile("0,0\n" + row + "\n").toString());
        assertRefused(code, null, "profile.csv line 2, " + message);
    }

    @Test
    @DisplayName("a profile that empties the cell is refused at the row where the SoC leaves 0..1, naming its line "
            + "and time; nothing is written")
    void replay_socBelowZero_isRefusedNamingLineAndTime() throws IOException {
        Path csv = dir.resolve("out.csv");
        int code = run("cell", "replay", "--current", profile("0,-10\n3600,-100\n36000,0\n").toString(), "--out",
                csv.toString());
        assertRefused(code, csv, "profile.csv line 3 (time 36000 s): the SoC is -8.6", "below 0",
                "--allow-soc-outside");
    }

    @Test
    @DisplayName("a profile that overfills the cell is refused at the row where the SoC passes 1")
    void replay_socAboveOne_isRefusedNamingLineAndTime() throws IOException {
        int code = run("cell", "replay", "--current", profile("0,100\n36000,0\n").toString(), "--soc", "0.9");
        assertRefused(code, null, "profile.csv line 2 (time 36000 s): the SoC is ", "above 1");
    }

    @Test
    @DisplayName("--allow-soc-outside goes on past the SoC's and the voltage's ranges, and says so in a warning for "
            + "each")
    void replay_allowSocOutside_goesOnWithAWarning() throws IOException {
        int code = run("cell", "replay", "--current", profile("0,-100\n36000,0\n").toString(),
                "--allow-soc-outside");
        assertThat(code).isZero();
        List<double[]> rows = parse(out.toString());
        assertThat(rows.get(1)[3]).isLessThan(0);
        assertThat(rows.get(1)[2]).isLessThan(0);
        assertThat(err.toString().lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("warning: "));
        assertThat(err.toString()).contains("the SoC is -9.5", "the terminal voltage is -5", "extrapolation");
    }

    @Test
    @DisplayName("a current too large for the cell, with its SoC within 0..1, gives no absurd voltage: it is refused")
    void replay_currentTooLargeForTheCell_isRefusedForItsVoltage() throws IOException {
        int code = run("cell", "replay", "--current", profile("0,-90000\n").toString());
        assertRefused(code, null, "line 1 (time 0 s): the terminal voltage is -", "outside 0..5 V",
                "the current -90000 A");
    }

    @Test
    @DisplayName("a device, a directory or a missing file is refused before anything is read, for the profile and "
            + "the parameter file")
    void replay_notARegularFile_isRefusedBeforeReading() throws IOException {
        assertRefused(run("cell", "replay", "--current", dir.toString()), null, "--current " + dir,
                "is not a regular file");
        err.getBuffer().setLength(0);
        assertRefused(run("cell", "replay", "--current", dir.resolve("none.csv").toString()), null,
                "none.csv: no such file");
        err.getBuffer().setLength(0);
        assertRefused(run("cell", "replay", "--current", profile("0,1\n").toString(), "--params", dir.toString()),
                null, "--params " + dir, "is not a regular file");
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            err.getBuffer().setLength(0);
            assertRefused(run("cell", "replay", "--current", zero.toString()), null, "/dev/zero is not a regular file");
        }
    }

    @Test
    @DisplayName("a profile over 256 MiB is refused by its size, before it is read")
    void replay_fileOverTheLimit_isRefusedBySize() throws IOException {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(CellReplayCommand.MAX_PROFILE_BYTES + 1);
        }
        assertRefused(run("cell", "replay", "--current", big.toString()), null, "big.csv is 268435457 bytes",
                "more than the 256 MiB");
    }

    @Test
    @DisplayName("a line longer than 1000 bytes is refused at that line, without reading it whole")
    void replay_overlongLine_isRefusedNamingTheLine() throws IOException {
        int code = run("cell", "replay", "--current", profile("0,1\n10," + "1".repeat(100_000) + "\n").toString());
        assertRefused(code, null, "profile.csv line 2 is longer than 1000 bytes");
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are refused naming their line; a byte order mark and CR LF line ends are "
            + "read")
    void replay_encodings_notUtf8RefusedBomAndCrLfRead() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'0', ',', '1', '\n', '#', ' ', (byte) 0xB0, 'C', '\n'});
        assertRefused(run("cell", "replay", "--current", file.toString()), null, "latin1.csv line 2: not UTF-8 text");

        err.getBuffer().setLength(0);
        Path windows = dir.resolve("windows.csv");
        Files.write(windows, "\uFEFFtime_s,current_a\r\n0,1\r\n10,1".getBytes(StandardCharsets.UTF_8));
        assertThat(run("cell", "replay", "--current", windows.toString())).as(err.toString()).isZero();
        assertThat(parse(out.toString())).hasSize(2);
    }

    @Test
    @DisplayName("an output that cannot be written exits 1 with the reason and no stack trace")
    void replay_outInAMissingDirectory_exitsOneWithTheReason() throws IOException {
        int code = run("cell", "replay", "--current", profile("0,1\n").toString(), "--out",
                dir.resolve("none/out.csv").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("cannot write --out", "its directory does not exist")
                .doesNotContain("Exception");
    }
}
