package org.smallbms.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smallbms.sim.cell.CellParameterException;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;
import org.smallbms.sim.cell.Curve;
import org.smallbms.sim.cell.OcvTable;
import org.smallbms.sim.cell.fit.CellFit;
import org.smallbms.sim.cell.fit.FitFile;
import org.smallbms.sim.cell.fit.LabData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smallbms cell fit}: the dynamic figures of one temperature from a dynamic test, written into a parameter
 * file (see {@link CellFit} for the method and {@link FitFile} for how the file changes).
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit R0, one or two RC pairs, M, M0 and gamma (and the capacity and coulombic efficiency when "
                + "the test shows them) at one temperature to a dynamic test; print the figures and the RMS and max "
                + "error over the SoC window; write them into a parameter file, one temperature at a time. Exit "
                + "code 2 for bad input. See docs/cell-model.md."})
public final class CellFitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "test.csv", required = true,
            description = "The dynamic test: CSV with time, current, voltage and (optionally) temperature columns.")
    Path data;

    @Option(names = "--columns", paramLabel = "SPEC", defaultValue = "time=1,current=2,voltage=3",
            description = "The columns: time=NAME,current=NAME,voltage=NAME[,temperature=NAME], each a header name "
                    + "or a number from 1 (default: ${DEFAULT-VALUE}).")
    String columns;

    @Option(names = "--params", paramLabel = "P.json",
            description = "The parameter file to start from, whose OCV the fit uses (default: the shipped set).")
    Path params;

    @Option(names = "--ocv", paramLabel = "ocv.csv",
            description = "The cell's OCV at the test temperature, rows of soc,volts: used instead of the file's, "
                    + "and written into --out as its only OCV table.")
    Path ocv;

    @Option(names = "--out", paramLabel = "OUT.json", required = true,
            description = "Write the file with the fit here (the same as --params to update it in place).")
    Path out;

    @Option(names = "--temperature", paramLabel = "C",
            description = "The temperature the figures are for (default: the temperature column's mean, to 0.1 °C).")
    Double celsius;

    @Option(names = "--soc", paramLabel = "S", required = true,
            description = "The SoC at the first row, 0..1 (for example 1 after a full charge and rest).")
    double soc;

    @Option(names = "--rc", paramLabel = "N",
            description = "RC pairs to fit, 1 or 2 (default: as many as --params has).")
    Integer rcPairs;

    @Option(names = "--window", paramLabel = "FROM..TO", defaultValue = "0.05..0.95",
            description = "The SoC window fitted and reported (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--rest-below", paramLabel = "A", defaultValue = "0",
            description = "Take currents smaller than this either way as rest (default: ${DEFAULT-VALUE}); replay "
                    + "with the same.")
    double restBelowAmps;

    @Option(names = "--discharge-positive", description = "The test's current is positive when discharging.")
    boolean dischargePositive;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            double[] socWindow = CellReplayCommand.socWindow(window);
            if (socWindow == null) {
                throw new CellReplayCommand.ProfileException("--window '" + window + "' is not FROM..TO within 0..1,"
                        + " FROM below TO: write for example 0.1..0.9");
            }
            if (!(soc >= 0 && soc <= 1)) {
                throw new CellReplayCommand.ProfileException("--soc = " + soc + " is outside 0..1: give the SoC at "
                        + "the first row as a fraction");
            }
            if (!(restBelowAmps >= 0 && restBelowAmps <= CellReplayCommand.MAX_ABS_AMPS)) {
                throw new CellReplayCommand.ProfileException("--rest-below = " + restBelowAmps + " is outside "
                        + "0..100000 A: give the current below which a row is rest, for example 0.5");
            }
            LabColumns picked;
            try {
                picked = LabColumns.parse(columns);
            } catch (LabColumns.ColumnsException e) {
                throw new CellReplayCommand.ProfileException(e.getMessage());
            }
            if (!picked.has(LabColumns.Role.VOLTAGE)) {
                throw new CellReplayCommand.ProfileException("--columns gives no voltage column: the fit needs the "
                        + "measured voltage, add voltage=NAME");
            }
            if (!picked.has(LabColumns.Role.TEMPERATURE) && celsius == null) {
                throw new CellReplayCommand.ProfileException("no temperature: add temperature=NAME to --columns, or "
                        + "give --temperature C");
            }
            byte[] base = params == null ? defaultFile() : readParams(params);
            CellParameters start = CellParameterFile.parse(base);
            LabData test = read(picked);
            if (restBelowAmps > 0) {
                test = test.withRestBelow(restBelowAmps);
            }
            double at = celsius != null ? celsius : Math.round(test.meanCelsius() * 10) / 10.0;
            if (!(at > -40 && at < 80)) {
                throw new CellParameterException("--temperature", "the fit's temperature " + at + " °C is outside "
                        + "-40..80 °C: check the temperature column or give --temperature");
            }
            double[][] ocvTable = null;
            if (ocv != null) {
                ocvTable = readOcv(ocv);
                start = withOcv(start, new OcvTable(ocvTable[0], new double[] {at}, new double[][] {ocvTable[1]},
                        Curve.constant(0)));
            }
            int pairs = rcPairs != null ? rcPairs : start.hasSecondRcPair() ? 2 : 1;
            if (pairs != 1 && pairs != 2) {
                throw new CellReplayCommand.ProfileException("--rc = " + pairs + ": fit 1 or 2 RC pairs");
            }
            if (pairs == 1 && start.hasSecondRcPair()) {
                throw new CellReplayCommand.ProfileException("--rc 1, but " + (params == null ? "the shipped set"
                        : params) + " has a second RC pair: fit 2, or start from a file without r2Ohms");
            }
            CellFit.Result result;
            try {
                result = CellFit.fit(start, test, new CellFit.Options(at, soc, pairs, socWindow[0], socWindow[1]));
            } catch (IllegalArgumentException e) {
                throw new CellReplayCommand.ProfileException(data + ": " + e.getMessage());
            }
            FitFile.Update update = FitFile.update(base, at, result.figures(),
                    ocvTable);
            write(update.json());
            stdout.println(String.format(Locale.ROOT, "fitted at %s °C from %d rows (%d replays):",
                    CellReplayCommand.plain(at), test.rows(), result.evaluations()));
            result.figures().describe().forEach(line -> stdout.println("  " + line));
            result.notes().forEach(line -> stdout.println("  " + line));
            stdout.println("error against the measured voltage: " + result.error().describe(socWindow[0],
                    socWindow[1]));
            update.notes().forEach(line -> stdout.println("  " + out + ": " + line));
            stdout.println("wrote " + out + (restBelowAmps > 0 ? "; replay it with --rest-below "
                    + CellReplayCommand.plain(restBelowAmps) : ""));
            stdout.flush();
            return 0;
        } catch (CellReplayCommand.ProfileException | CellParameterException e) {
            err.println(e.getMessage());
            err.flush();
            return CellReplayCommand.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("cannot write --out " + out + ": " + CellReplayCommand.reason(e));
            err.flush();
            return CellReplayCommand.EXIT_CANNOT_WRITE;
        }
    }

    private static CellParameters withOcv(CellParameters p, OcvTable table) {
        return new CellParameters(p.name(), p.capacityAmpHours(), table, p.r0Ohms(), p.r0SocFactor(), p.r1Ohms(),
                p.tau1Seconds(), p.r2Ohms(), p.tau2Seconds(), p.temperatureScaling(), p.hysteresisVolts(),
                p.m0Volts(), p.gamma(), p.coulombicEfficiency(), p.selfDischargePerMonth(),
                p.selfDischargeDoublingKelvin(), p.convention());
    }

    private void write(byte[] json) throws IOException {
        Path target = out.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), ".smallbms-fit-", ".json");
        try {
            Files.write(temp, json);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] defaultFile() throws IOException {
        try (var in = CellParameterFile.class.getResourceAsStream(CellParameterFile.DEFAULT_RESOURCE)) {
            return in.readAllBytes();
        }
    }

    private static byte[] readParams(Path file) throws CellReplayCommand.ProfileException {
        CellReplayCommand.checkReadable(file, "--params", CellReplayCommand.MAX_PARAMS_BYTES);
        try {
            byte[] bytes = Files.readAllBytes(file);
            try {
                CellParameterFile.parse(bytes);
            } catch (CellParameterException e) {
                throw new CellReplayCommand.ProfileException(file + ": " + e.getMessage());
            }
            return bytes;
        } catch (IOException e) {
            throw new CellReplayCommand.ProfileException("cannot read --params " + CellReplayCommand.reason(e));
        }
    }

    private List<String> lines(Path file, String option) throws CellReplayCommand.ProfileException {
        CellReplayCommand.checkReadable(file, option, CellReplayCommand.MAX_PROFILE_BYTES);
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CellReplayCommand.ProfileException("cannot read " + option + " " + file + ": "
                    + CellReplayCommand.reason(e) + " (is it UTF-8 or ASCII CSV?)");
        }
    }

    private LabData read(LabColumns picked) throws CellReplayCommand.ProfileException {
        List<String> lines = lines(data, "--data");
        List<double[]> rows = new ArrayList<>();
        boolean headerPlace = true;
        double sign = dischargePositive ? -1 : 1;
        try {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (i == 0 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String at = data + " line " + (i + 1);
                String[] fields = line.split(",", -1);
                if (headerPlace) {
                    headerPlace = false;
                    if (picked.needsHeader()) {
                        picked.resolve(fields, at);
                        continue;
                    }
                    if (CellReplayCommand.isWords(fields)) {
                        continue;
                    }
                }
                double seconds = value(picked, fields, at, LabColumns.Role.TIME, CellReplayCommand.MAX_ABS_SECONDS,
                        "s", "the time in seconds");
                double amps = sign * value(picked, fields, at, LabColumns.Role.CURRENT,
                        CellReplayCommand.MAX_ABS_AMPS, "A", "the current in amperes");
                double volts = value(picked, fields, at, LabColumns.Role.VOLTAGE, 1000, "V", "the voltage in volts");
                double temperature = picked.has(LabColumns.Role.TEMPERATURE) ? value(picked, fields, at,
                        LabColumns.Role.TEMPERATURE, 100, "°C", "the temperature in °C") : celsius;
                if (!rows.isEmpty() && !(seconds > rows.get(rows.size() - 1)[0])) {
                    throw new CellReplayCommand.ProfileException(at + ": time " + CellReplayCommand.plain(seconds)
                            + " is not after the previous row's: list rows in increasing time");
                }
                rows.add(new double[] {seconds, amps, volts, temperature});
            }
        } catch (LabColumns.ColumnsException e) {
            throw new CellReplayCommand.ProfileException(e.getMessage());
        }
        if (rows.size() < 100) {
            throw new CellReplayCommand.ProfileException(data + ": " + rows.size() + " rows: a fit needs a dynamic "
                    + "test of hours at about a row a second");
        }
        int n = rows.size();
        double[][] columnsOf = new double[4][n];
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < 4; c++) {
                columnsOf[c][k] = rows.get(k)[c];
            }
        }
        return new LabData(columnsOf[0], columnsOf[1], columnsOf[2], columnsOf[3]);
    }

    private static double value(LabColumns picked, String[] fields, String at, LabColumns.Role role, double limit,
            String unit, String fix) throws LabColumns.ColumnsException, CellReplayCommand.ProfileException {
        return CellReplayCommand.number(at, picked.number(role), role.key(), picked.field(fields, role, at), limit,
                unit, fix);
    }

    /** Rows of soc,volts (a header of two words allowed). */
    private double[][] readOcv(Path file) throws CellReplayCommand.ProfileException {
        List<String> lines = lines(file, "--ocv");
        List<double[]> rows = new ArrayList<>();
        boolean headerPlace = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = file + " line " + (i + 1);
            String[] fields = line.split(",", -1);
            if (headerPlace) {
                headerPlace = false;
                if (CellReplayCommand.isWords(fields)) {
                    continue;
                }
            }
            if (fields.length != 2) {
                throw new CellReplayCommand.ProfileException(at + ": " + fields.length + " fields: write soc,volts, "
                        + "for example 0.5,3.305");
            }
            rows.add(new double[] {CellReplayCommand.number(at, 1, "soc", fields[0], 1, "", "a SoC 0..1"),
                CellReplayCommand.number(at, 2, "volts", fields[1], 5, "V", "the OCV in volts")});
        }
        double[][] table = new double[2][rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            table[0][k] = rows.get(k)[0];
            table[1][k] = rows.get(k)[1];
        }
        return table;
    }
}
