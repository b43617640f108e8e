package org.smallbms.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.smallbms.core.text.Decimals;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellParameterException;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;
import org.smallbms.sim.cell.CellVariation;
import org.smallbms.sim.cell.HysteresisConvention;
import org.smallbms.sim.cell.SingleCell;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smallbms cell replay}: steps one cell through a current profile and prints its voltage and SoC.
 *
 * <p>The profile is CSV, one {@code time_s,current_a} row per line ({@code #} comments and a header line of two
 * words are skipped); the current of a row holds until the next row's time. The output row of each input row is the
 * terminal voltage with that row's current applied and the SoC at that time, with the current as the profile gives
 * it. The profile is read a line at a time and the output goes to a temporary file first, so nothing is written
 * unless the whole profile reads correctly and the cell stays within what the model describes: a SoC of 0..1 and a
 * terminal voltage of 0..5 V ({@code --allow-soc-outside} lets it go on beyond, with a warning).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Step one simulated cell through a current profile; print time_s,current_a,voltage_v,soc.",
            "current_a is printed as the profile gives it (see --discharge-positive). Refused, with exit code 2: a "
                + "profile that is not a regular file or is over 256 MiB, a line over 1000 bytes, a value that "
                + "is not a plain decimal number, a time beyond ±1e9 s or a current beyond ±100000 A, and a SoC "
                + "leaving 0..1 or a voltage leaving 0..5 V unless --allow-soc-outside. See docs/cell-model.md."})
public final class CellReplayCommand implements Callable<Integer> {

    /** A user's error (bad profile, bad parameter file, bad option): nothing is written. */
    static final int EXIT_BAD_INPUT = 2;
    /** The output could not be written. */
    static final int EXIT_CANNOT_WRITE = 1;
    /** The largest profile read: ten million rows of lab data at any sensible precision. */
    static final long MAX_PROFILE_BYTES = 256L << 20;
    /** A parameter file is a page of JSON; anything larger is not one. */
    static final long MAX_PARAMS_BYTES = 1L << 20;
    /** The longest line of a profile: a row is two numbers, a comment a sentence. */
    static final int MAX_LINE_BYTES = 1000;
    /** About 31.7 years: beyond any lab profile, and far from where a double loses its seconds. */
    static final double MAX_ABS_SECONDS = 1e9;
    /** A 100,000 Ah cell (the parameter file's largest) at 1C. */
    static final double MAX_ABS_AMPS = 1e5;
    /** What a LiFePO4 cell's terminal can show: below 0 V or above 5 V the figure is no cell's. */
    static final double MIN_VOLTS = 0;
    static final double MAX_VOLTS = 5;

    /** A plain decimal number: no NaN, Infinity, hexadecimal or Java's {@code d}/{@code f} suffixes. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** A header's column name: a word, not a number. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_ ()\\[\\]/.%-]*");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--params", paramLabel = "P.json",
            description = "Cell parameter file (default: the shipped 100 Ah prismatic LFP set).")
    Path params;

    @Option(names = "--current", paramLabel = "profile.csv", required = true,
            description = "CSV of time_s,current_a; current positive when charging unless --discharge-positive.")
    Path current;

    @Option(names = "--temperature", paramLabel = "C", defaultValue = "25",
            description = "Cell temperature in °C (default: ${DEFAULT-VALUE}).")
    double celsius;

    @Option(names = "--soc", paramLabel = "S", defaultValue = "0.5",
            description = "Initial state of charge as a fraction 0..1 (default: ${DEFAULT-VALUE}).")
    double soc;

    @Option(names = "--discharge-positive",
            description = "The profile's current is positive when discharging: the cell is stepped with its sign "
                    + "flipped; current_a is printed as the profile gives it.")
    boolean dischargePositive;

    @Option(names = "--allow-soc-outside",
            description = "Go on when the SoC leaves 0..1 or the voltage 0..5 V, with a warning: the rows beyond are "
                    + "the model's extrapolation, not a cell's.")
    boolean allowOutside;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of to standard output.")
    Path out;

    @Option(names = "--columns", paramLabel = "SPEC",
            description = "Pick the columns of a wider lab CSV: time=NAME,current=NAME[,voltage=NAME]"
                    + "[,temperature=NAME], each NAME a header column or a number from 1. A temperature column drives "
                    + "the cell's temperature; a voltage column adds measured_v and error_mv to each row and a "
                    + "closing line of RMS and max error (to standard error).")
    String columns;

    @Option(names = "--window", paramLabel = "FROM..TO", defaultValue = "0..1",
            description = "The SoC window of the closing error line (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--hysteresis", paramLabel = "H", defaultValue = "0",
            description = "The starting hysteresis state, -1..1 (default: ${DEFAULT-VALUE}, none).")
    double startHysteresis;

    @Option(names = "--rc-amps", paramLabel = "A1[,A2]", split = ",",
            description = "The starting RC currents, as the file's convention signs them: positive charging, or "
                    + "positive discharging in an \"esc\" file (default: at rest).")
    double[] startRcAmps;

    @Option(names = "--rest-below", paramLabel = "A", defaultValue = "0",
            description = "Take currents smaller than this either way as rest: a cycler's zero reads its offset and "
                    + "noise, and each change of their sign would turn M0 (default: ${DEFAULT-VALUE}).")
    double restBelowAmps;

    @Option(names = "--model", paramLabel = "reference|fast", defaultValue = "fast",
            converter = ImplementationConverter.class,
            description = "Which cell steps the profile: fast (the default), the string of one a battery's cells are "
                    + "stepped as, or reference, the equations of docs/cell-model.md as written, several times "
                    + "slower; they agree to 1 µV and 1e-9 of SoC.")
    SingleCell.Implementation implementation;

    private LabColumns picked;
    private double windowFrom;
    private double windowTo;

    /** {@code reference} or {@code fast}; anything else is a bad option, exit code 2, with the two names. */
    static final class ImplementationConverter implements CommandLine.ITypeConverter<SingleCell.Implementation> {
        @Override
        public SingleCell.Implementation convert(String value) {
            SingleCell.Implementation implementation = SingleCell.Implementation.ofOptionName(value);
            if (implementation == null) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a cell model: give reference "
                        + "(the equations as written) or fast (the default)");
            }
            return implementation;
        }
    }

    /** A profile or parameter file that cannot be used: the message names the file, the line and the rule. */
    static final class ProfileException extends Exception {
        private static final long serialVersionUID = 1L;

        ProfileException(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        if (!(soc >= 0 && soc <= 1)) {
            return refuse("--soc = " + soc + " is outside 0..1: give a fraction, for example 0.5 for 50 %");
        }
        if (!(celsius > -40 && celsius < 80)) {
            return refuse("--temperature = " + celsius + " is outside -40..80 °C: give the cell temperature in °C");
        }
        if (!(startHysteresis >= -1 && startHysteresis <= 1)) {
            return refuse("--hysteresis = " + startHysteresis + " is outside -1..1: give the hysteresis state, 1 "
                    + "after a charge, -1 after a discharge");
        }
        if (startRcAmps != null && (startRcAmps.length > 2 || !java.util.Arrays.stream(startRcAmps)
                .allMatch(a -> Math.abs(a) <= MAX_ABS_AMPS))) {
            return refuse("--rc-amps gives " + startRcAmps.length + " values: give one or two currents within "
                    + "±100000 A, for the first and second RC pair");
        }
        if (!(restBelowAmps >= 0 && restBelowAmps <= MAX_ABS_AMPS)) {
            return refuse("--rest-below = " + restBelowAmps + " is outside 0..100000 A: give the current below "
                    + "which a row is rest, for example 0.5");
        }
        double[] socWindow = socWindow(window);
        if (socWindow == null) {
            return refuse("--window '" + window + "' is not FROM..TO within 0..1, FROM below TO: write for example "
                    + "0.1..0.9");
        }
        windowFrom = socWindow[0];
        windowTo = socWindow[1];
        try {
            picked = columns == null ? null : LabColumns.parse(columns);
        } catch (LabColumns.ColumnsException e) {
            return refuse(e.getMessage());
        }
        CellParameters parameters;
        try {
            parameters = params == null ? CellParameterFile.defaults() : parameters(params);
            checkReadable(current, "--current", MAX_PROFILE_BYTES);
        } catch (CellParameterException | ProfileException e) {
            return refuse(e.getMessage());
        }
        Path temp;
        try {
            temp = Files.createTempFile("smallbms-replay-", ".csv");
        } catch (IOException e) {
            return cannotWrite("a temporary file for the output: " + reason(e));
        }
        try {
            try (Writer csv = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                replay(parameters, csv);
            } catch (ProfileException e) {
                return refuse(e.getMessage());
            } catch (IOException e) {
                // Reading the profile turns its errors into ProfileExceptions: this is the output.
                return cannotWrite("a temporary file for the output (" + temp + "): " + reason(e));
            }
            return deliver(temp);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                spec.commandLine().getErr().println("warning: cannot remove the temporary file " + temp + ": " + e);
            }
        }
    }

    /** Copies the finished output to {@code --out} (written through, as a device or a link takes it) or stdout. */
    private int deliver(Path temp) {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            try (Reader text = Files.newBufferedReader(temp, StandardCharsets.UTF_8)) {
                char[] chunk = new char[8192];
                for (int n = text.read(chunk); n >= 0; n = text.read(chunk)) {
                    stdout.write(chunk, 0, n);
                }
            } catch (IOException e) {
                return cannotWrite("the output: " + reason(e));
            }
            stdout.flush();
            return 0;
        }
        try (OutputStream target = Files.newOutputStream(out)) {
            Files.copy(temp, target);
            return 0;
        } catch (NoSuchFileException e) {
            return cannotWrite("--out " + out + ": its directory does not exist");
        } catch (IOException e) {
            return cannotWrite("--out " + out + ": " + reason(e));
        }
    }

    private int refuse(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(message);
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private int cannotWrite(String what) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("cannot write " + what);
        err.flush();
        return EXIT_CANNOT_WRITE;
    }

    /** What went wrong, in words: the JDK's file exceptions carry only the path as their message. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + ": no such file";
        }
        if (e instanceof AccessDeniedException) {
            return e.getMessage() + ": permission denied";
        }
        return String.valueOf(e.getMessage());
    }

    private static CellParameters parameters(Path file) throws ProfileException {
        checkReadable(file, "--params", MAX_PARAMS_BYTES);
        try {
            return CellParameterFile.load(file);
        } catch (IOException e) {
            throw new ProfileException("cannot read --params " + reason(e));
        }
    }

    /** A regular file no larger than {@code maxBytes}: a device, a pipe or a directory would be read without end. */
    static void checkReadable(Path file, String option, long maxBytes) throws ProfileException {
        if (!Files.exists(file)) {
            throw new ProfileException(option + " " + file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ProfileException(option + " " + file + " is not a regular file (a device, a pipe or a "
                    + "directory): give a file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ProfileException("cannot read " + option + " " + reason(e));
        }
        if (size > maxBytes) {
            throw new ProfileException(String.format(Locale.ROOT, "%s %s is %d bytes, more than the %d MiB read: "
                    + "split it or thin it out", option, file, size, maxBytes >> 20));
        }
    }

    /** {@code FROM..TO} within 0..1, FROM below TO; null when it is not. */
    static double[] socWindow(String text) {
        String[] ends = text.split("\\.\\.", -1);
        if (ends.length != 2 || !DECIMAL.matcher(ends[0].strip()).matches()
                || !DECIMAL.matcher(ends[1].strip()).matches()) {
            return null;
        }
        double from = Double.parseDouble(ends[0].strip());
        double to = Double.parseDouble(ends[1].strip());
        return from >= 0 && from < to && to <= 1 ? new double[] {from, to} : null;
    }

    /** Reads the profile a line at a time, steps the cell and writes a row per profile row. */
    private void replay(CellParameters parameters, Writer csv) throws IOException, ProfileException {
        CellModel model = CellModel.of(parameters);
        SingleCell cell = null;
        double sign = dischargePositive ? -1 : 1;
        boolean measured = picked != null && picked.has(LabColumns.Role.VOLTAGE);
        boolean temperatureColumn = picked != null && picked.has(LabColumns.Role.TEMPERATURE);
        csv.write("time_s,current_a,voltage_v,soc" + (temperatureColumn ? ",temperature_c" : "")
                + (measured ? ",measured_v,error_mv" : "") + "\n");
        boolean socWarned = false;
        boolean voltsWarned = false;
        boolean first = true;
        boolean headerPlace = true;
        double lastSeconds = 0;
        double lastAmps = 0;
        double cellCelsius = celsius;
        double squares = 0;
        double largest = 0;
        long inWindow = 0;
        // Made once: the place of every row, named in the refusals and warnings (most rows need none).
        String linePrefix = current + " line ";
        StringBuilder row = new StringBuilder(96);
        try (Lines lines = new Lines(current)) {
            for (String text = lines.next(); text != null; text = lines.next()) {
                String line = text.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String at = linePrefix + lines.number();
                String[] fields = line.split(",", -1);
                if (headerPlace) {
                    headerPlace = false;
                    if (picked != null && picked.needsHeader()) {
                        try {
                            picked.resolve(fields, at);
                        } catch (LabColumns.ColumnsException e) {
                            throw new ProfileException(e.getMessage());
                        }
                        continue;
                    }
                    if (picked == null ? isHeader(fields) : isWords(fields)) {
                        continue;
                    }
                }
                double seconds;
                double inputAmps;
                double measuredVolts = Double.NaN;
                double rowCelsius = cellCelsius;
                if (picked == null) {
                    if (fields.length != 2) {
                        throw new ProfileException(at + ": '" + shortened(line) + "' has " + fields.length
                                + " fields: write two, time_s,current_a, for example 10,-50");
                    }
                    seconds = number(at, 1, "time", fields[0], MAX_ABS_SECONDS, "s",
                            "the time in seconds, for example 10");
                    inputAmps = number(at, 2, "current", fields[1], MAX_ABS_AMPS, "A",
                            "the current in amperes, for example -50.0");
                } else {
                    seconds = picked(at, fields, LabColumns.Role.TIME, MAX_ABS_SECONDS, "s",
                            "the time in seconds, for example 10");
                    inputAmps = picked(at, fields, LabColumns.Role.CURRENT, MAX_ABS_AMPS, "A",
                            "the current in amperes, for example -50.0");
                    if (measured) {
                        measuredVolts = picked(at, fields, LabColumns.Role.VOLTAGE, 1000, "V",
                                "the cell voltage in volts, for example 3.305");
                    }
                    if (temperatureColumn) {
                        rowCelsius = picked(at, fields, LabColumns.Role.TEMPERATURE, 100, "°C",
                                "the cell temperature in °C, for example 25.3");
                        if (!(rowCelsius > -40 && rowCelsius < 80)) {
                            throw new ProfileException(at + ": temperature " + plain(rowCelsius) + " °C is outside "
                                    + "-40..80 °C: check the column and its unit");
                        }
                    }
                }
                if (first) {
                    cellCelsius = rowCelsius;
                    cell = start(model, parameters, cellCelsius);
                } else {
                    if (!(seconds > lastSeconds)) {
                        throw new ProfileException(at + ": time " + plain(seconds) + " is not after the previous "
                                + "row's " + plain(lastSeconds) + ": list rows in increasing time");
                    }
                    cell.step(lastAmps, seconds - lastSeconds);
                    if (Math.abs(rowCelsius - cellCelsius) > 0.01) {
                        cellCelsius = rowCelsius;
                        cell.setCelsius(cellCelsius);
                    }
                }
                double amps = sign * inputAmps;
                if (Math.abs(amps) < restBelowAmps) {
                    amps = 0;
                }
                double volts = cell.terminalVolts(amps);
                double z = cell.soc();
                if (!(z >= 0 && z <= 1)) {
                    socWarned = outside(when(at, seconds) + socOutside(z), "Start from another --soc or shorten the "
                            + "profile; --allow-soc-outside goes on with the model's extrapolation", socWarned);
                }
                if (!(volts >= MIN_VOLTS && volts <= MAX_VOLTS)) {
                    voltsWarned = outside(when(at, seconds) + voltsOutside(volts, z, inputAmps), "Check the current's "
                            + "unit and sign; --allow-soc-outside prints the model's figures anyway", voltsWarned);
                }
                row.setLength(0);
                row.append(plain(seconds)).append(',').append(plain(inputAmps)).append(',');
                Decimals.appendAsFormat(row, volts, 5).append(',');
                Decimals.appendAsFormat(row, z, 6);
                csv.append(row);
                if (temperatureColumn) {
                    csv.write("," + plain(rowCelsius));
                }
                if (measured) {
                    double error = volts - measuredVolts;
                    row.setLength(0);
                    row.append(',').append(plain(measuredVolts)).append(',');
                    csv.append(Decimals.appendAsFormat(row, error * 1000, 3));
                    if (z >= windowFrom && z <= windowTo) {
                        squares += error * error;
                        largest = Math.max(largest, Math.abs(error));
                        inWindow++;
                    }
                }
                csv.write("\n");
                first = false;
                lastSeconds = seconds;
                lastAmps = amps;
            }
        }
        if (first) {
            throw new ProfileException(current + ": no rows: write one time_s,current_a row per line");
        }
        if (measured) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(inWindow == 0
                    ? String.format(Locale.ROOT, "error against the measured voltage: no row at SoC %s..%s",
                            plain(windowFrom), plain(windowTo))
                    : String.format(Locale.ROOT, "error against the measured voltage: RMS %.2f mV, max %.2f mV over %d "
                            + "rows at SoC %s..%s", Math.sqrt(squares / inWindow) * 1000, largest * 1000, inWindow,
                            plain(windowFrom), plain(windowTo)));
            err.flush();
        }
    }

    /** Where a warning is: the row and its time. */
    private static String when(String at, double seconds) {
        return at + " (time " + plain(seconds) + " s): ";
    }

    /** The cell at the first row, with the starting hysteresis and RC currents given. */
    private SingleCell start(CellModel model, CellParameters parameters, double startCelsius) {
        SingleCell cell = implementation.create(model, CellVariation.NONE, soc, startCelsius);
        if (startHysteresis != 0 || startRcAmps != null) {
            // An ESC file's RC currents are positive discharging, the cell's positive charging.
            double rcSign = parameters.convention() == HysteresisConvention.ESC ? -1 : 1;
            double rc1 = startRcAmps == null ? 0 : rcSign * startRcAmps[0];
            double rc2 = startRcAmps == null || startRcAmps.length < 2 ? 0 : rcSign * startRcAmps[1];
            cell.setDynamicState(startHysteresis, rc1, rc2);
        }
        return cell;
    }

    private double picked(String at, String[] fields, LabColumns.Role role, double limit, String unit, String fix)
            throws ProfileException {
        String field;
        try {
            field = picked.field(fields, role, at);
        } catch (LabColumns.ColumnsException e) {
            throw new ProfileException(e.getMessage());
        }
        return number(at, picked.number(role), role.key(), field, limit, unit, fix);
    }

    /** A header of words, none of them a number. */
    static boolean isWords(String[] fields) {
        for (String field : fields) {
            if (DECIMAL.matcher(field.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    private String socOutside(double z) {
        return String.format(Locale.ROOT, "the SoC is %.6f, %s", z, z < 0
                ? "below 0: the profile takes out more charge than the cell holds from --soc " + plain(soc)
                : "above 1: the profile puts in more charge than the cell takes from --soc " + plain(soc));
    }

    private String voltsOutside(double volts, double z, double inputAmps) {
        String why = z >= 0 && z <= 1
                ? String.format(Locale.ROOT, "the current %s A is beyond what the cell takes at SoC %.4f and %s °C",
                        plain(inputAmps), z, plain(celsius))
                : String.format(Locale.ROOT, "the SoC %.4f is beyond the model's curves", z);
        return String.format(Locale.ROOT, "the terminal voltage is %.3f V, outside %.0f..%.0f V, no LiFePO4 cell's: %s",
                volts, MIN_VOLTS, MAX_VOLTS, why);
    }

    /**
     * The cell has left what the model describes: refused, or with {@code --allow-soc-outside} a warning the first
     * time, so no figure beyond is printed without one.
     *
     * @return that the warning has been given
     */
    private boolean outside(String what, String fix, boolean warned) throws ProfileException {
        if (!allowOutside) {
            throw new ProfileException(what + ". " + fix);
        }
        if (!warned) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: " + what + ". Going on (--allow-soc-outside): from here the figures are the "
                    + "model's extrapolation, not what a cell would do");
            err.flush();
        }
        return true;
    }

    /** Two words that are not numbers, such as {@code time_s,current_a}: anything else on the first line is data. */
    private static boolean isHeader(String[] fields) {
        if (fields.length != 2) {
            return false;
        }
        for (String field : fields) {
            String f = field.strip();
            if (!WORD.matcher(f).matches() || f.equalsIgnoreCase("nan") || f.toLowerCase(Locale.ROOT)
                    .startsWith("infinity")) {
                return false;
            }
        }
        return true;
    }

    static double number(String at, int column, String what, String field, double limit, String unit,
            String fix) throws ProfileException {
        String f = field.strip();
        if (!DECIMAL.matcher(f).matches()) {
            String where = at + ", column " + column + " (" + what + ")";
            throw new ProfileException(where + ": " + what + " '" + shortened(f) + "' is not a number: write " + fix);
        }
        double value = Double.parseDouble(f);
        if (!(Math.abs(value) <= limit)) {
            String where = at + ", column " + column + " (" + what + ")";
            throw new ProfileException(String.format(Locale.ROOT, "%s: %s '%s' is outside ±%s %s: write %s", where,
                    what, shortened(f), plain(limit), unit, fix));
        }
        return value;
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    static String plain(double value) {
        // A whole number (most times of a profile) is its digits: what the decimal form below gives for it.
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * The lines of a file, each at most {@link #MAX_LINE_BYTES} long and no more than {@link #MAX_PROFILE_BYTES} in all
     * (should the file grow while it is read); {@code \n}, {@code \r\n} and {@code \r} end a line. Lines are cut
     * from the bytes (a line end cannot be part of a UTF-8 sequence) and decoded one by one, so text that is not
     * UTF-8 is an error naming its line, not a replacement character. A byte order mark before the first line is
     * dropped.
     */
    private static final class Lines implements AutoCloseable {

        private final Path file;
        private final InputStream in;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final byte[] buffer = new byte[8192];
        private final byte[] line = new byte[MAX_LINE_BYTES];
        private int lineLength;
        private int position;
        private int length;
        private long read;
        private long number;
        private boolean afterReturn;

        Lines(Path file) throws ProfileException {
            this.file = file;
            try {
                in = Files.newInputStream(file);
            } catch (IOException e) {
                throw new ProfileException("cannot read --current " + reason(e));
            }
        }

        /** The 1-based number of the line {@link #next} returned last. */
        long number() {
            return number;
        }

        /** The next line without its end, or null at the end of the file. */
        String next() throws ProfileException {
            lineLength = 0;
            while (true) {
                if (position == length) {
                    try {
                        length = in.read(buffer);
                    } catch (IOException e) {
                        throw new ProfileException("cannot read --current " + file + " after line " + number + ": "
                                + reason(e));
                    }
                    position = 0;
                    if (length < 0) {
                        length = 0;
                        return lineLength == 0 ? null : decoded();
                    }
                    read += length;
                    if (read > MAX_PROFILE_BYTES) {
                        throw new ProfileException(file + " grew beyond " + (MAX_PROFILE_BYTES >> 20) + " MiB while "
                                + "it was read");
                    }
                }
                byte b = buffer[position++];
                if (b == '\n' && afterReturn) {
                    afterReturn = false;
                    continue;
                }
                afterReturn = b == '\r';
                if (b == '\n' || b == '\r') {
                    return decoded();
                }
                if (lineLength == MAX_LINE_BYTES) {
                    throw new ProfileException(file + " line " + (number + 1) + " is longer than " + MAX_LINE_BYTES
                            + " bytes: a row is time_s,current_a; is this the right file?");
                }
                line[lineLength++] = b;
            }
        }

        private String decoded() throws ProfileException {
            number++;
            String text;
            try {
                text = utf8.reset().decode(ByteBuffer.wrap(line, 0, lineLength)).toString();
            } catch (CharacterCodingException e) {
                throw new ProfileException(file + " line " + number + ": not UTF-8 text: save the file as UTF-8 or "
                        + "ASCII CSV");
            }
            return number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // Everything wanted was read; a file that will not close has nothing more to give.
            }
        }
    }
}
