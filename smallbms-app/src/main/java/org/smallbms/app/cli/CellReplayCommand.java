package org.smallbms.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smallbms.sim.cell.Cell;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellParameterException;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;
import org.smallbms.sim.cell.CellVariation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smallbms cell replay}: steps one cell through a current profile and prints its voltage and SoC.
 *
 * <p>The profile is CSV, one {@code time_s,current_a} row per line (a header line and {@code #} comments are
 * skipped); the current of a row holds until the next row's time. The output row of each input row is the terminal
 * voltage with that row's current applied and the SoC at that time. Nothing is written unless the whole profile
 * reads correctly.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Step one simulated cell through a current profile; print time_s,current_a,voltage_v,soc.")
public final class CellReplayCommand implements Callable<Integer> {

    /** A user's error (bad profile, bad parameter file, bad option): nothing is written. */
    static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--params", paramLabel = "P.json",
            description = "Cell parameter file (default: the shipped 100 Ah prismatic LFP set).")
    Path params;

    @Option(names = "--current", paramLabel = "profile.csv", required = true,
            description = "CSV of time_s,current_a; current positive when charging.")
    Path current;

    @Option(names = "--temperature", paramLabel = "C", defaultValue = "25",
            description = "Cell temperature in °C (default: ${DEFAULT-VALUE}).")
    double celsius;

    @Option(names = "--soc", paramLabel = "S", defaultValue = "0.5",
            description = "Initial state of charge as a fraction 0..1 (default: ${DEFAULT-VALUE}).")
    double soc;

    @Option(names = "--discharge-positive",
            description = "The profile's current is positive when discharging (flip its sign).")
    boolean dischargePositive;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of to standard output.")
    Path out;

    /** One profile row. */
    private record Row(double seconds, double amps) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!(soc >= 0 && soc <= 1)) {
                return refuse("--soc = " + soc + " is outside 0..1: give a fraction, for example 0.5 for 50 %");
            }
            if (!(celsius > -40 && celsius < 80)) {
                return refuse("--temperature = " + celsius + " is outside -40..80 °C: give the cell temperature in °C");
            }
            CellParameters parameters = params == null ? CellParameterFile.defaults() : CellParameterFile.load(params);
            List<Row> rows = readProfile(current, dischargePositive ? -1 : 1);
            String csv = replay(parameters, rows);
            if (out == null) {
                spec.commandLine().getOut().print(csv);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(out, csv, StandardCharsets.UTF_8);
            }
            return 0;
        } catch (CellParameterException | ProfileException e) {
            return refuse(e.getMessage());
        } catch (IOException e) {
            err.println("cannot read or write a file: " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
    }

    private int refuse(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(message);
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private String replay(CellParameters parameters, List<Row> rows) {
        Cell cell = new Cell(CellModel.of(parameters), CellVariation.NONE, soc, celsius);
        StringWriter text = new StringWriter();
        PrintWriter csv = new PrintWriter(text);
        csv.print("time_s,current_a,voltage_v,soc\n");
        for (int k = 0; k < rows.size(); k++) {
            Row row = rows.get(k);
            csv.printf(Locale.ROOT, "%s,%s,%.5f,%.6f\n", plain(row.seconds()), plain(row.amps()),
                    cell.terminalVolts(row.amps()), cell.soc());
            if (k + 1 < rows.size()) {
                cell.step(row.amps(), rows.get(k + 1).seconds() - row.seconds());
            }
        }
        csv.flush();
        return text.toString();
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A profile line that cannot be read: the message names the file, the line and the rule. */
    static final class ProfileException extends Exception {
        private static final long serialVersionUID = 1L;

        ProfileException(String message) {
            super(message);
        }
    }

    static List<Row> readProfile(Path file, double sign) throws IOException, ProfileException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = file + " line " + (n + 1) + ": ";
            String[] fields = line.split(",", -1);
            if (rows.isEmpty() && fields.length >= 1 && !looksNumeric(fields[0])) {
                continue;
            }
            if (fields.length != 2) {
                throw new ProfileException(at + "'" + line + "' has " + fields.length + " fields: write two, "
                        + "time_s,current_a, for example 10,-50");
            }
            double seconds = number(at, "time", fields[0], "the time in seconds, for example 10");
            double amps = number(at, "current", fields[1], "the current in amperes, for example -50.0");
            if (!rows.isEmpty() && seconds <= rows.get(rows.size() - 1).seconds()) {
                throw new ProfileException(at + "time " + plain(seconds) + " is not after the previous row's "
                        + plain(rows.get(rows.size() - 1).seconds()) + ": list rows in increasing time");
            }
            rows.add(new Row(seconds, sign * amps));
        }
        if (rows.isEmpty()) {
            throw new ProfileException(file + ": no rows: write one time_s,current_a row per line");
        }
        return rows;
    }

    private static boolean looksNumeric(String field) {
        String f = field.strip();
        return !f.isEmpty() && (Character.isDigit(f.charAt(0)) || f.charAt(0) == '-' || f.charAt(0) == '+'
                || f.charAt(0) == '.');
    }

    private static double number(String at, String what, String field, String fix) throws ProfileException {
        try {
            double value = Double.parseDouble(field.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ProfileException(at + what + " '" + field.strip() + "' is not a number: write " + fix);
        }
    }
}
