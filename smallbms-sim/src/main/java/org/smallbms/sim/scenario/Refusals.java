package org.smallbms.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the binding of a file to {@link ScenarioFile} could not do, said in the file's terms: the field and its line,
 * what the field takes with an example, and what the file has there. Never the library's words or class names: a
 * user sees YAML, not Java.
 */
final class Refusals {

    private static final String TYPES = "dc-load, residual-load, charger, solar-charger, battery-protect, "
            + "cyrix-li-ct, inverter, dc-dc-converter, pre-alarm-signal, smart-shunt, bmv-712";

    /** A value for a field of this name, as a file writes it (docs/scenarios.md). */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("name", "my-system"),
            Map.entry("description", "A small DC system with solar"),
            Map.entry("manual", "\"§3.3.1\""),
            Map.entry("start", "2026-06-01T00:00:00Z"),
            Map.entry("duration", "4d"),
            Map.entry("step", "1s"),
            Map.entry("at", "1d6h"),
            Map.entry("takes", "2m"),
            Map.entry("seed", "1"),
            Map.entry("site", "{latitude: 52, cloudiness: 0.3}"),
            Map.entry("ambient", "{celsius: 20, dailySwing: 6}"),
            Map.entry("bms", "{remote: wire-loop, fuseAmps: 1}"),
            Map.entry("settings", "{dischargeFloor: 10}"),
            Map.entry("batteries", "{model: ng-12v8-100ah, series: 1, parallel: 1}"),
            Map.entry("components", "[{name: house, type: dc-load, demand: [{amps: 2}]}]"),
            Map.entry("schedule", "[{at: 1h, remote: false}]"),
            Map.entry("control", "{output: load-disconnect}"),
            Map.entry("demand", "[{amps: 2}]"),
            Map.entry("acDemand", "[{watts: 100}]"),
            Map.entry("draws", "[{amps: 2}]"),
            Map.entry("hours", "[\"18:00-23:00\"]"),
            Map.entry("switch", "{component: house, on: false}"),
            Map.entry("firmware", "{succeeds: false, takes: 2m}"),
            Map.entry("setting", "{name: dischargeFloor, value: 20}"),
            Map.entry("component", "house"),
            Map.entry("product", "Smart IP43 Charger"));

    /** An item of the list of this name. */
    private static final Map<String, String> ITEMS = Map.of(
            "components", "{name: house, type: dc-load, demand: [{amps: 2}]}",
            "schedule", "{at: 1h, remote: false}",
            "demand", "{amps: 2}",
            "acDemand", "{watts: 100}",
            "draws", "{amps: 2}",
            "hours", "\"18:00-23:00\"");

    private Refusals() {
    }

    /** The refusal of {@code e}, which binding {@code source} threw; its lines and values from {@code outline}. */
    static ScenarioException of(JsonProcessingException e, String source, Outline outline) {
        JsonLocation location = e.getLocation();
        int parserLine = location == null ? 0 : location.getLineNr();
        if (!(e instanceof JsonMappingException m)) {
            // The outline has read the same tokens without complaint, so this is rare: say where, not the library's
            // words.
            return new ScenarioException(source, Math.max(parserLine, 1), "", "cannot be read here: check the "
                    + "value on this line against docs/scenarios.md");
        }
        String field = path(m);
        String pointer = pointer(m) + (e instanceof InvalidTypeIdException ? "/type" : "");
        Integer exact = Scenarios.lineOf(outline.lines(), pointer);
        int line = exact != null ? exact : parserLine;
        String found = outline.found(pointer);
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            problem = "unknown field " + Printable.quote(u.getPropertyName()) + "; allowed here: "
                    + inOrder(u.getReferringClass(), u.getKnownPropertyIds());
        } else if (e instanceof InvalidTypeIdException t) {
            field = field.isEmpty() ? "type" : field + ".type";
            problem = t.getTypeId() == null ? "a component needs a type; allowed: " + TYPES
                    : "unknown type \"" + t.getTypeId() + "\"; allowed: " + TYPES;
        } else if (e instanceof InvalidNullException n) {
            problem = "is empty: remove it, or write " + expected(n.getTargetType(), m.getPath());
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            String value = f.getValue() != null ? Printable.quote(String.valueOf(f.getValue()))
                    : found.isEmpty() ? "this" : found;
            problem = value + " is not allowed; allowed: " + Scenarios.allowed(f.getTargetType());
        } else if (e instanceof ValueInstantiationException v) {
            if (!(v.getCause() instanceof IllegalArgumentException refused)) {
                throw new IllegalStateException("reading " + source + " failed in a record's constructor", e);
            }
            problem = refused.getMessage();
        } else if (m.getCause() instanceof InputCoercionException c) {
            problem = (found.startsWith("the number") ? found : "a number") + " is far too large here: write "
                    + expected(c.getTargetType(), m.getPath());
        } else if (m.getCause() instanceof StreamReadException) {
            problem = (found.isEmpty() ? "this" : found) + " is not a number this file can read: write a plain "
                    + "decimal number, for example " + name(m.getPath()) + ": 12.5 (not .nan, .inf, hexadecimal or "
                    + "with underscores)";
        } else if (e instanceof MismatchedInputException mismatch) {
            problem = "expected " + expected(mismatch.getTargetType(), m.getPath())
                    + (found.isEmpty() ? "" : "; found " + found);
        } else {
            problem = "cannot be read here" + (found.isEmpty() ? "" : " (found " + found + ")")
                    + ": see docs/scenarios.md for what this field takes";
        }
        return new ScenarioException(source, line, field, problem);
    }

    /** What a field of {@code type} takes, with an example for the field the path ends at. */
    static String expected(Class<?> type, List<JsonMappingException.Reference> path) {
        boolean item = !path.isEmpty() && path.get(path.size() - 1).getIndex() >= 0;
        String name = name(path);
        String kind = kind(type);
        if (name.isEmpty()) {
            return kind + ", for example name: my-system and batteries: {model: ng-12v8-100ah}";
        }
        if (item) {
            return kind + ", for example the item " + ITEMS.getOrDefault(name, example(type, ""));
        }
        String example = EXAMPLES.get(name);
        // A name can be a map in one place and a number in another (ambient): the example must be of the kind.
        boolean structured = type != null && (type.isRecord() || Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type));
        if (example == null || structured != (example.startsWith("{") || example.startsWith("["))) {
            example = example(type, name);
        }
        return kind + ", for example " + name + ": " + example;
    }

    /** The name of the field the path ends at, or of the list whose item it ends at; "" for the whole file. */
    private static String name(List<JsonMappingException.Reference> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getFieldName() != null) {
                return path.get(i).getFieldName();
            }
        }
        return "";
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type.isEnum()) {
            return "one of " + Scenarios.allowed(type);
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == ScenarioFile.ComponentSpec.class) {
            return "a map with a name and a type (" + TYPES + ")";
        }
        if (type.isRecord()) {
            return "a map of " + String.join(", ", components(type));
        }
        return "a map";
    }

    private static String example(Class<?> type, String name) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "2";
        }
        if (type == Double.class || type == double.class) {
            return "12.5";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true";
        }
        if (type != null && type.isEnum()) {
            return Scenarios.kebab(((Enum<?>) type.getEnumConstants()[0]).name());
        }
        if (type != null && type.isRecord() && !name.isEmpty()) {
            return "{" + components(type).get(0) + ": …}";
        }
        return "…";
    }

    private static List<String> components(Class<?> record) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    /** The fields allowed, in the order the record declares them (the file's order), others after. */
    private static String inOrder(Class<?> owner, Collection<Object> known) {
        List<String> ids = new ArrayList<>();
        for (Object id : known) {
            ids.add(String.valueOf(id));
        }
        List<String> order = owner != null && owner.isRecord() ? components(owner) : List.of();
        ids.sort((a, b) -> {
            int i = order.indexOf(a);
            int j = order.indexOf(b);
            i = i < 0 ? Integer.MAX_VALUE : i;
            j = j < 0 ? Integer.MAX_VALUE : j;
            return i != j ? Integer.compare(i, j) : a.compareTo(b);
        });
        StringJoiner joined = new StringJoiner(", ");
        ids.forEach(joined::add);
        return joined.toString();
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            } else if (ref.getFieldName() != null) {
                pointer.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }
}
