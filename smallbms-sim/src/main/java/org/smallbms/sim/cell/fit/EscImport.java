package org.smallbms.sim.cell.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.smallbms.sim.cell.CellParameterException;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * Reads an enhanced self-correcting (ESC) cell model as the public ESCtoolbox saves it (a MATLAB level 5 .mat file
 * holding a struct, usually {@code model}) and writes it as this simulation's parameter file in the ESC hysteresis
 * convention, with every figure as a table over the model's temperatures:
 *
 * <ul>
 *   <li>{@code QParam}, {@code etaParam}, {@code GParam}, {@code M0Param}, {@code R0Param}: capacity, coulombic
 *       efficiency, gamma, M0 and R0 per temperature;</li>
 *   <li>{@code RParam} and {@code RCParam} (one column per RC pair): R1, tau1 and R2, tau2;</li>
 *   <li>{@code MParam}: M per temperature, the same at every SoC;</li>
 *   <li>{@code SOC}, {@code OCV0}, {@code OCVrel}: the OCV {@code OCV0(z) + T OCVrel(z)}, as one table at 0 °C with
 *       dOCV/dT, or, where dOCV/dT leaves the file's ±5 mV/K, as one table per model temperature.</li>
 * </ul>
 *
 * <p>What the file cannot hold is left out and listed: RC pairs beyond two, SoC points outside 0..1, the inverse
 * tables ({@code SOC0}, {@code SOCrel}, {@code OCV}) and the derivatives the toolbox keeps beside the OCV, the OCV
 * test's own capacity and efficiency ({@code OCVQ}, {@code OCVeta}), and any other field. The model has no
 * self-discharge: the file's is 0.
 */
public final class EscImport {

    /** The fields an ESC model must have. */
    static final List<String> REQUIRED = List.of("temps", "QParam", "etaParam", "GParam", "M0Param", "MParam",
            "R0Param", "RParam", "RCParam", "SOC", "OCV0", "OCVrel");
    /** Fields the toolbox keeps that the file need not: derived from the others or of the OCV test alone. */
    private static final Set<String> DERIVED = Set.of("OCV", "SOC0", "SOCrel", "dOCV0", "dOCVrel", "OCVeta", "OCVQ");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EscImport() {
    }

    /** A .mat file that is not an ESC model this can read: the message says what is wrong and what to do. */
    public static final class EscImportException extends Exception {
        private static final long serialVersionUID = 1L;

        EscImportException(String message) {
            super(message);
        }
    }

    /**
     * The imported model.
     *
     * @param json the parameter file's text
     * @param parameters the file as the loader reads it
     * @param leftOut what the file does not hold, one line each
     */
    public record Result(byte[] json, CellParameters parameters, List<String> leftOut) {
    }

    /** Reads {@code mat}. */
    public static Result read(Path mat) throws EscImportException {
        MatFile file;
        try {
            file = Mat5.readFromFile(mat.toFile());
        } catch (IOException | RuntimeException e) {
            throw new EscImportException(mat + " is not a MATLAB level 5 .mat file that can be read (" + e.getMessage()
                    + "): save the model from MATLAB or Octave with save('" + mat.getFileName()
                    + "', 'model', '-v7'); version 7.3 files are HDF5 and are not read");
        }
        try {
            return convert(mat, file);
        } finally {
            try {
                file.close();
            } catch (IOException e) {
                // Everything wanted has been read.
            }
        }
    }

    private static Result convert(Path mat, MatFile file) throws EscImportException {
        Struct model = null;
        String variable = null;
        List<String> names = new ArrayList<>();
        for (MatFile.Entry entry : file.getEntries()) {
            names.add(entry.getName());
            if (model == null && entry.getValue() instanceof Struct struct && struct.getNumElements() == 1
                    && struct.getFieldNames().contains("temps")) {
                model = struct;
                variable = entry.getName();
            }
        }
        if (model == null) {
            throw new EscImportException(mat + " holds no ESC model: its variables are " + names + ", none a struct "
                    + "with the field temps. Save the ESCtoolbox model struct: save('" + mat.getFileName()
                    + "', 'model')");
        }
        List<String> fields = model.getFieldNames();
        List<String> missing = REQUIRED.stream().filter(f -> !fields.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw new EscImportException(mat + ": the struct '" + variable + "' lacks " + missing + ": an ESC model "
                    + "has " + REQUIRED + " (the OCV from processOCV, the rest from processDynamic)");
        }
        List<String> leftOut = new ArrayList<>();
        String where = mat + ": " + variable + ".";
        double[] temps = vector(model, "temps", where);
        int n = temps.length;
        double[] capacity = perTemperature(model, "QParam", n, where);
        double[] eta = perTemperature(model, "etaParam", n, where);
        double[] gamma = perTemperature(model, "GParam", n, where);
        double[] m0 = perTemperature(model, "M0Param", n, where);
        double[] m = perTemperature(model, "MParam", n, where);
        double[] r0 = perTemperature(model, "R0Param", n, where);
        double[][] r = columns(model, "RParam", n, where);
        double[][] rc = columns(model, "RCParam", n, where);
        if (r.length == 0) {
            throw new EscImportException(where + "RParam has no columns: an ESC model has at least one RC pair");
        }
        if (r.length != rc.length) {
            throw new EscImportException(where + "RParam has " + r.length + " RC pairs and RCParam " + rc.length
                    + ": the model is inconsistent; each pair has a resistance and a time constant");
        }
        if (r.length > 2) {
            leftOut.add("RC pairs 3.." + r.length + " (RParam and RCParam columns beyond 2): the file holds two");
        }

        ObjectNode root = NODES.objectNode();
        root.put("name", model.getFieldNames().contains("name") && model.get("name") instanceof Char name
                ? name.getString().strip() : "ESC model from " + mat.getFileName());
        root.put("hysteresisConvention", "esc");
        root.set("capacityAh", table(temps, capacity));
        root.set("ocv", ocv(model, temps, where, leftOut));
        ObjectNode resistance = NODES.objectNode();
        resistance.set("r0Ohms", table(temps, r0));
        resistance.set("r1Ohms", table(temps, r[0]));
        resistance.set("tau1Seconds", table(temps, abs(rc[0])));
        if (r.length >= 2) {
            resistance.set("r2Ohms", table(temps, r[1]));
            resistance.set("tau2Seconds", table(temps, abs(rc[1])));
        }
        root.set("resistance", resistance);
        ObjectNode hysteresis = NODES.objectNode();
        hysteresis.set("soc", numbers(new double[] {0, 1}));
        ObjectNode curves = NODES.objectNode();
        curves.set("celsius", numbers(temps));
        ArrayNode values = NODES.arrayNode();
        for (double each : m) {
            values.add(numbers(new double[] {each, each}));
        }
        curves.set("values", values);
        hysteresis.set("volts", curves);
        hysteresis.set("m0Volts", table(temps, m0));
        hysteresis.set("gamma", table(temps, gamma));
        root.set("hysteresis", hysteresis);
        root.set("coulombicEfficiency", table(temps, eta));
        ObjectNode selfDischarge = NODES.objectNode();
        selfDischarge.put("percentPerMonth", 0.0);
        root.set("selfDischarge", selfDischarge);
        leftOut.add("self-discharge: the ESC model has none; the file's is 0 %/month");
        for (String field : fields) {
            if (DERIVED.contains(field)) {
                leftOut.add(field + ": " + (field.startsWith("OCV") && !field.equals("OCV")
                        ? "the OCV test's own; the dynamic figures use QParam and etaParam"
                        : "derived from SOC, OCV0 and OCVrel"));
            } else if (!REQUIRED.contains(field) && !field.equals("name")) {
                leftOut.add(field + ": not a field of the ESC model this reads");
            }
        }
        leftOut.add("between the model's temperatures the file interpolates linearly, the toolbox by a spline");
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new Result(json, CellParameterFile.parse(json), leftOut);
        } catch (CellParameterException e) {
            throw new EscImportException(where + " does not fit the parameter file: " + e.getMessage());
        }
    }

    /** The OCV: one table at 0 °C with dOCV/dT where it can, else one table per temperature. */
    private static ObjectNode ocv(Struct model, double[] temps, String where, List<String> leftOut)
            throws EscImportException {
        double[] soc = vector(model, "SOC", where);
        double[] ocv0 = vector(model, "OCV0", where);
        double[] ocvRel = vector(model, "OCVrel", where);
        if (ocv0.length != soc.length || ocvRel.length != soc.length) {
            throw new EscImportException(where + "SOC, OCV0 and OCVrel have " + soc.length + ", " + ocv0.length
                    + " and " + ocvRel.length + " points: they are one table and have as many each");
        }
        List<Integer> inside = new ArrayList<>();
        for (int i = 0; i < soc.length; i++) {
            if (soc[i] >= 0 && soc[i] <= 1) {
                inside.add(i);
            }
        }
        if (inside.size() < soc.length) {
            leftOut.add((soc.length - inside.size()) + " OCV points at SoC outside 0..1: the file's OCV runs over "
                    + "0..1 and continues with its end slope beyond");
        }
        double[] z = inside.stream().mapToDouble(i -> soc[i]).toArray();
        double[] base = inside.stream().mapToDouble(i -> ocv0[i]).toArray();
        double[] rel = inside.stream().mapToDouble(i -> ocvRel[i]).toArray();
        double[] millivoltsPerKelvin = Arrays.stream(rel).map(v -> v * 1000).toArray();
        ObjectNode ocv = NODES.objectNode();
        ocv.set("soc", numbers(z));
        ArrayNode tables = NODES.arrayNode();
        if (Arrays.stream(millivoltsPerKelvin).allMatch(v -> Math.abs(v) <= 5)) {
            ObjectNode table = NODES.objectNode();
            table.put("celsius", 0.0);
            table.set("volts", numbers(base));
            tables.add(table);
            ocv.set("tables", tables);
            ObjectNode slope = NODES.objectNode();
            slope.set("soc", numbers(z));
            slope.set("millivoltsPerKelvin", numbers(millivoltsPerKelvin));
            ocv.set("dOcvDt", slope);
        } else {
            for (double t : temps) {
                ObjectNode table = NODES.objectNode();
                table.put("celsius", t);
                double[] volts = new double[z.length];
                for (int i = 0; i < volts.length; i++) {
                    volts[i] = base[i] + t * rel[i];
                }
                table.set("volts", numbers(volts));
                tables.add(table);
            }
            ocv.set("tables", tables);
            leftOut.add(String.format(Locale.ROOT, "the OCV's straight line in temperature beyond %s..%s °C: "
                    + "OCVrel reaches beyond ±5 mV/K, so the OCV is one table per model temperature, held beyond",
                    temps[0], temps[temps.length - 1]));
        }
        return ocv;
    }

    private static Matrix matrix(Struct model, String field, String where) throws EscImportException {
        Array value = model.get(field);
        if (!(value instanceof Matrix matrix) || value instanceof Char) {
            throw new EscImportException(where + field + " is a " + value.getType() + ", not a numeric array: an ESC "
                    + "model's figures are double arrays");
        }
        return matrix;
    }

    private static double[] vector(Struct model, String field, String where) throws EscImportException {
        Matrix matrix = matrix(model, field, where);
        if (matrix.getNumRows() != 1 && matrix.getNumCols() != 1 || matrix.getNumElements() == 0) {
            throw new EscImportException(where + field + " is " + matrix.getNumRows() + "×" + matrix.getNumCols()
                    + ": it should be a vector");
        }
        double[] values = new double[matrix.getNumElements()];
        for (int i = 0; i < values.length; i++) {
            values[i] = matrix.getDouble(i);
        }
        return values;
    }

    private static double[] perTemperature(Struct model, String field, int n, String where)
            throws EscImportException {
        double[] values = vector(model, field, where);
        if (values.length != n) {
            throw new EscImportException(where + field + " has " + values.length + " values for " + n + " temperatures"
                    + " (temps): give one per temperature");
        }
        return values;
    }

    /** One row per temperature, one column per RC pair: each column as a vector over the temperatures. */
    private static double[][] columns(Struct model, String field, int n, String where) throws EscImportException {
        Matrix matrix = matrix(model, field, where);
        int rows = matrix.getNumRows();
        int cols = matrix.getNumCols();
        if (rows != n && n == 1 && cols >= 1) {
            // A single temperature may be saved as a row of pairs or a column.
            rows = 1;
        }
        if (rows != n) {
            throw new EscImportException(where + field + " is " + matrix.getNumRows() + "×" + matrix.getNumCols()
                    + " for " + n + " temperatures: it has one row per temperature and one column per RC pair");
        }
        double[][] pairs = new double[cols][n];
        for (int c = 0; c < cols; c++) {
            for (int t = 0; t < n; t++) {
                pairs[c][t] = matrix.getDouble(t, c);
            }
        }
        return pairs;
    }

    private static double[] abs(double[] values) {
        return Arrays.stream(values).map(Math::abs).toArray();
    }

    private static ObjectNode table(double[] celsius, double[] values) {
        ObjectNode table = NODES.objectNode();
        table.set("celsius", numbers(celsius));
        table.set("values", numbers(values));
        return table;
    }

    private static ArrayNode numbers(double[] values) {
        ArrayNode array = NODES.arrayNode();
        for (double v : values) {
            array.add(v);
        }
        return array;
    }
}
