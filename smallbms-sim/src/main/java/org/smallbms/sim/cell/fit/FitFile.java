package org.smallbms.sim.cell.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;

/**
 * Writes fitted figures into a parameter file, one temperature at a time: each fitted figure becomes (or stays) a
 * temperature table, and the fitted temperature's entry is added or replaced; everything else in the file stays as
 * it was. The result is read back through {@link CellParameterFile} before it is returned, so a file it gives is one
 * the loader takes.
 */
public final class FitFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FitFile() {
    }

    /**
     * The file {@code json} with {@code figures} at {@code celsius}, and what changed in its shape.
     *
     * @param ocv when not null, the OCV the fit used in place of the file's: {soc, volts} at {@code celsius}
     */
    public static Update update(byte[] json, double celsius, CellFit.Figures figures, double[][] ocv) {
        ObjectNode root;
        try {
            JsonNode tree = JSON.readTree(json);
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalArgumentException("the parameter file is not a JSON object");
            }
            root = object;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Parsed first, so a file the loader refuses is refused before anything is written.
        CellParameters before = CellParameterFile.parse(json);
        List<String> notes = new ArrayList<>();
        List<String> converted = new ArrayList<>();
        ObjectNode resistance = (ObjectNode) root.get("resistance");
        ObjectNode hysteresis = (ObjectNode) root.get("hysteresis");
        put(resistance, "r0Ohms", "resistance.r0Ohms", celsius, figures.r0Ohms(), converted);
        put(resistance, "r1Ohms", "resistance.r1Ohms", celsius, figures.r1Ohms(), converted);
        put(resistance, "tau1Seconds", "resistance.tau1Seconds", celsius, figures.tau1Seconds(), converted);
        if (figures.r2Ohms() > 0) {
            put(resistance, "r2Ohms", "resistance.r2Ohms", celsius, figures.r2Ohms(), converted);
            put(resistance, "tau2Seconds", "resistance.tau2Seconds", celsius, figures.tau2Seconds(), converted);
        } else if (before.hasSecondRcPair()) {
            throw new IllegalArgumentException("the file has a second RC pair and the fit has one: fit with two "
                    + "pairs, or start from a file without resistance.r2Ohms");
        }
        putCurve(hysteresis, celsius, figures.hysteresisVolts().y(), notes);
        put(hysteresis, "m0Volts", "hysteresis.m0Volts", celsius, figures.m0Volts(), converted);
        put(hysteresis, "gamma", "hysteresis.gamma", celsius, figures.gamma(), converted);
        if (figures.capacityFitted()) {
            put(root, "capacityAh", "capacityAh", celsius, figures.capacityAmpHours(), converted);
        }
        if (figures.efficiencyFitted()) {
            put(root, "coulombicEfficiency", "coulombicEfficiency", celsius, figures.coulombicEfficiency(), converted);
        }
        if (!converted.isEmpty()) {
            notes.add("now tables of the fitted temperatures, from plain numbers: " + String.join(", ", converted)
                    + " (fit the other temperatures too: beyond its ends a table keeps its end value, and "
                    + "resistance.temperature does not scale it)");
        }
        if (ocv != null) {
            ObjectNode table = NODES.objectNode();
            table.set("soc", numbers(ocv[0]));
            ArrayNode tables = NODES.arrayNode();
            ObjectNode row = NODES.objectNode();
            row.put("celsius", celsius);
            row.set("volts", numbers(ocv[1]));
            tables.add(row);
            table.set("tables", tables);
            root.set("ocv", table);
            notes.add("ocv: replaced by the OCV the fit used, as the one table at " + plain(celsius) + " °C");
        }
        byte[] out;
        try {
            out = JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Update(out, CellParameterFile.parse(out), notes);
    }

    /**
     * A file with its fit.
     *
     * @param json the file's text
     * @param parameters the file as the loader reads it
     * @param notes what changed in its shape, for the user
     */
    public record Update(byte[] json, CellParameters parameters, List<String> notes) {

        public String text() {
            return new String(json, StandardCharsets.UTF_8);
        }
    }

    private static void put(ObjectNode parent, String field, String path, double celsius, double value,
            List<String> converted) {
        JsonNode existing = parent.get(field);
        ObjectNode table;
        if (existing instanceof ObjectNode object && object.has("celsius") && object.has("values")) {
            table = object;
        } else {
            if (existing != null && existing.isNumber()) {
                converted.add(path);
            }
            table = NODES.objectNode();
            table.set("celsius", NODES.arrayNode());
            table.set("values", NODES.arrayNode());
            parent.set(field, table);
        }
        insert(table, celsius, NODES.numberNode(value));
    }

    private static void putCurve(ObjectNode hysteresis, double celsius, double[] volts, List<String> notes) {
        JsonNode existing = hysteresis.get("volts");
        ObjectNode table;
        if (existing instanceof ObjectNode object) {
            table = object;
        } else {
            notes.add("hysteresis.volts was one curve; it is now a curve per fitted temperature");
            table = NODES.objectNode();
            table.set("celsius", NODES.arrayNode());
            table.set("values", NODES.arrayNode());
            hysteresis.set("volts", table);
        }
        insert(table, celsius, numbers(volts));
    }

    /** Puts {@code value} at {@code celsius} in the table, replacing an entry of that temperature, in order. */
    private static void insert(ObjectNode table, double celsius, JsonNode value) {
        ArrayNode temperatures = (ArrayNode) table.get("celsius");
        ArrayNode values = (ArrayNode) table.get("values");
        int i = 0;
        while (i < temperatures.size() && temperatures.get(i).doubleValue() < celsius) {
            i++;
        }
        if (i < temperatures.size() && temperatures.get(i).doubleValue() == celsius) {
            values.set(i, value);
        } else {
            temperatures.insert(i, celsius);
            values.insert(i, value);
        }
    }

    private static ArrayNode numbers(double[] values) {
        ArrayNode array = NODES.arrayNode();
        for (double v : values) {
            array.add(v);
        }
        return array;
    }

    private static String plain(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
