package org.smallbms.sim.cell;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads a cell parameter set from JSON (the schema is in {@code docs/cell-model.md}). Every field is checked; a
 * malformed or out-of-range file is refused with a {@link CellParameterException} naming the field, the value, the
 * rule and how to fix it. Unknown fields are refused too, so a misspelt optional field is not silently ignored.
 */
public final class CellParameterFile {

    /** The shipped default: a 100 Ah prismatic LFP cell (CELL-MODEL.md). */
    public static final String DEFAULT_RESOURCE = "/org/smallbms/sim/cell/lfp-100ah-prismatic.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final double PER_MILLI = 0.001;

    private CellParameterFile() {
    }

    /** The shipped 100 Ah prismatic LFP set. */
    public static CellParameters defaults() {
        try (InputStream in = CellParameterFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the build");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code path}; a bad file throws a {@link CellParameterException} whose message starts with the path. */
    public static CellParameters load(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        try {
            return parse(bytes);
        } catch (CellParameterException e) {
            throw new CellParameterException(e.field(), path + ": " + e.getMessage());
        }
    }

    /** Parses one JSON document. */
    public static CellParameters parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CellParameterException("(file)", "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
                    + ": fix the syntax (docs/cell-model.md has an example)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Node file = new Node("", root);
        file.allow("name", "capacityAh", "ocv", "resistance", "hysteresis", "coulombicEfficiency", "selfDischarge",
                "hysteresisConvention");
        Node ocvNode = file.object("ocv");
        ocvNode.allow("soc", "tables", "dOcvDt");
        double[] ocvSoc = ocvNode.numbers("soc");
        Node tables = ocvNode.array("tables");
        int rows = tables.size();
        double[] celsius = new double[rows];
        double[][] volts = new double[rows][];
        for (int t = 0; t < rows; t++) {
            Node table = tables.element(t);
            table.allow("celsius", "volts");
            celsius[t] = table.number("celsius");
            volts[t] = table.numbers("volts");
        }
        Curve dOcvDt = Curve.constant(0);
        if (ocvNode.has("dOcvDt")) {
            Node coefficient = ocvNode.object("dOcvDt");
            coefficient.allow("soc", "millivoltsPerKelvin");
            dOcvDt = Curve.checked("ocv.dOcvDt", "soc", coefficient.numbers("soc"), "millivoltsPerKelvin",
                    coefficient.numbers("millivoltsPerKelvin"), 0, 1, -5, 5).timesY(PER_MILLI);
        }
        OcvTable ocv = new OcvTable(ocvSoc, celsius, volts, dOcvDt);

        Node resistance = file.object("resistance");
        resistance.allow("r0Ohms", "r0SocFactor", "r1Ohms", "tau1Seconds", "r2Ohms", "tau2Seconds", "temperature");
        Curve r0SocFactor = Curve.constant(1);
        if (resistance.has("r0SocFactor")) {
            Node factor = resistance.object("r0SocFactor");
            factor.allow("soc", "factor");
            r0SocFactor = Curve.checked("resistance.r0SocFactor", "soc", factor.numbers("soc"), "factor",
                    factor.numbers("factor"), 0, 1, 0.1, 20);
        }
        ByTemperature r0 = resistance.figure("r0Ohms");
        ByTemperature r1 = resistance.figure("r1Ohms");
        ByTemperature r2 = resistance.has("r2Ohms") ? resistance.figure("r2Ohms") : ByTemperature.of(0);
        // The scaling applies to the resistances given as plain numbers: without any, it may be left out.
        boolean anyNumber = !r0.isTable() || !r1.isTable() || !r2.isTable() && r2.values()[0] != 0;
        ResistanceScaling scaling = anyNumber || resistance.has("temperature") ? scaling(resistance)
                : CellParameters.NO_SCALING;

        Node hysteresis = file.object("hysteresis");
        hysteresis.allow("soc", "volts", "m0Volts", "gamma");
        CurveByTemperature m = hysteresis(hysteresis);

        Node selfDischarge = file.object("selfDischarge");
        selfDischarge.allow("percentPerMonth", "doublingKelvin");

        HysteresisConvention convention = HysteresisConvention.SMALLBMS;
        if (file.has("hysteresisConvention")) {
            String text = file.text("hysteresisConvention");
            convention = HysteresisConvention.ofFileName(text);
            if (convention == null) {
                throw new CellParameterException("hysteresisConvention", "hysteresisConvention = \"" + text
                        + "\" is not a known convention: write \"esc\" for the ESC model's (M0 signed with the "
                        + "discharge current) or \"smallbms\" (the default; docs/cell-model.md has both)");
            }
        }

        return new CellParameters(
                file.has("name") ? file.text("name") : "unnamed",
                file.figure("capacityAh"),
                ocv,
                r0,
                r0SocFactor,
                r1,
                resistance.figure("tau1Seconds"),
                r2,
                resistance.has("tau2Seconds") ? resistance.figure("tau2Seconds") : ByTemperature.of(0),
                scaling,
                m,
                hysteresis.figure("m0Volts"),
                hysteresis.figure("gamma"),
                file.figure("coulombicEfficiency"),
                selfDischarge.number("percentPerMonth") / 100,
                selfDischarge.has("doublingKelvin") ? selfDischarge.number("doublingKelvin") : 10,
                convention);
    }

    private static ResistanceScaling scaling(Node resistance) {
        Node temperature = resistance.object("temperature");
        temperature.allow("activationEnergy", "ratio");
        if (temperature.has("activationEnergy") == temperature.has("ratio")) {
            throw new CellParameterException("resistance.temperature", "resistance.temperature has "
                    + temperature.fieldNames() + ": give exactly one of activationEnergy or ratio");
        } else if (temperature.has("ratio")) {
            Node ratio = temperature.object("ratio");
            ratio.allow("celsius", "factor");
            return new ResistanceScaling.RatioTable(Curve.checked("resistance.temperature.ratio", "celsius",
                    ratio.numbers("celsius"), "factor", ratio.numbers("factor"), -60, 100, 0.01, 1000));
        }
        Node energy = temperature.object("activationEnergy");
        energy.allow("aboveJoulesPerMol", "belowJoulesPerMol", "breakCelsius");
        double above = energy.number("aboveJoulesPerMol");
        return new ResistanceScaling.Arrhenius(above,
                energy.has("belowJoulesPerMol") ? energy.number("belowJoulesPerMol") : above,
                energy.has("breakCelsius") ? energy.number("breakCelsius") : 5);
    }

    /** M against SoC: {@code "volts": [...]}, or one list per temperature in {@code {"celsius", "values"}}. */
    private static CurveByTemperature hysteresis(Node hysteresis) {
        double[] soc = hysteresis.numbers("soc");
        if (!hysteresis.isObject("volts")) {
            return CurveByTemperature.of(Curve.checked("hysteresis", "soc", soc, "volts",
                    hysteresis.numbers("volts"), 0, 1, 0, 0.2));
        }
        Node table = hysteresis.object("volts");
        table.allow("celsius", "values");
        double[] celsius = table.numbers("celsius");
        Node values = table.array("values");
        ByTemperature.checkCelsius("hysteresis.volts", celsius, values.size());
        List<Curve> curves = new ArrayList<>();
        for (int t = 0; t < values.size(); t++) {
            curves.add(Curve.checked("hysteresis.volts.values[" + t + "]", "soc", soc, "volts",
                    values.numbersAt(t), 0, 1, 0, 0.2));
        }
        return new CurveByTemperature(celsius, curves);
    }

    /** A JSON node with its path in the file, for messages. */
    private record Node(String path, JsonNode json) {

        private String child(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        boolean has(String field) {
            return json.has(field) && !json.get(field).isNull();
        }

        int size() {
            return json.size();
        }

        Set<String> fieldNames() {
            Set<String> names = new TreeSet<>();
            json.fieldNames().forEachRemaining(names::add);
            return names;
        }

        void allow(String... known) {
            List<String> allowed = List.of(known);
            for (Iterator<String> it = json.fieldNames(); it.hasNext();) {
                String field = it.next();
                if (!allowed.contains(field)) {
                    throw new CellParameterException(child(field), child(field) + " is not a known field: "
                            + "remove it or correct its spelling; the fields here are " + allowed);
                }
            }
        }

        /** The field's value, present and of the expected kind, or a message saying what to write instead. */
        private JsonNode typed(String field, String expected, Predicate<JsonNode> isKind, String howTo) {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                throw new CellParameterException(child(field), child(field) + " is missing: add " + expected
                        + " (docs/cell-model.md lists every field)");
            }
            if (!isKind.test(value)) {
                throw new CellParameterException(child(field), child(field) + " = " + value + " is not "
                        + expected + ": " + howTo);
            }
            return value;
        }

        Node object(String field) {
            return new Node(child(field), typed(field, "an object", JsonNode::isObject, "write it as { ... }"));
        }

        Node array(String field) {
            return new Node(child(field), typed(field, "a list", JsonNode::isArray, "write it as [ ... ]"));
        }

        Node element(int index) {
            JsonNode value = json.get(index);
            String at = path + "[" + index + "]";
            if (!value.isObject()) {
                throw new CellParameterException(at, at + " = " + value + " is not an object: write it as { ... }");
            }
            return new Node(at, value);
        }

        double number(String field) {
            return typed(field, "a number", JsonNode::isNumber, "write it without quotes, for example 0.0004")
                    .doubleValue();
        }

        boolean isObject(String field) {
            return json.has(field) && json.get(field).isObject();
        }

        /**
         * A figure that may follow temperature: a number, or {@code {"celsius": [...], "values": [...]}} with one
         * value per temperature.
         */
        ByTemperature figure(String field) {
            JsonNode value = json.get(field);
            if (value != null && value.isObject()) {
                Node table = object(field);
                table.allow("celsius", "values");
                double[] celsius = table.numbers("celsius");
                double[] values = table.numbers("values");
                ByTemperature.checkCelsius(child(field), celsius, values.length);
                return ByTemperature.table(celsius, values);
            }
            return ByTemperature.of(typed(field, "a number", JsonNode::isNumber, "write it without quotes, for "
                    + "example 0.0004, or as a temperature table {\"celsius\": [25, 45], \"values\": [...]}")
                    .doubleValue());
        }

        /** Element {@code index} of this list, itself a list of numbers. */
        double[] numbersAt(int index) {
            JsonNode value = json.get(index);
            String at = path + "[" + index + "]";
            if (!value.isArray()) {
                throw new CellParameterException(at, at + " = " + value + " is not a list: write one list of volts "
                        + "per temperature, [ ... ]");
            }
            return new Node(path, json).withIndex(index).numbersOf(at);
        }

        private Node withIndex(int index) {
            return new Node(path + "[" + index + "]", json.get(index));
        }

        private double[] numbersOf(String at) {
            double[] values = new double[json.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode value = json.get(i);
                if (!value.isNumber()) {
                    throw new CellParameterException(at + "[" + i + "]", at + "[" + i + "] = " + value
                            + " is not a number: write numbers without quotes");
                }
                values[i] = value.doubleValue();
            }
            return values;
        }

        String text(String field) {
            return typed(field, "a text", JsonNode::isTextual, "write it in double quotes").textValue();
        }

        double[] numbers(String field) {
            Node list = array(field);
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode value = list.json.get(i);
                if (!value.isNumber()) {
                    throw new CellParameterException(list.path + "[" + i + "]", list.path + "[" + i + "] = " + value
                            + " is not a number: write numbers without quotes");
                }
                values.add(value.doubleValue());
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
