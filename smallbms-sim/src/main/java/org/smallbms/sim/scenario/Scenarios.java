package org.smallbms.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads scenario files (docs/scenarios.md) and the shipped examples. A malformed file is refused with a
 * {@link ScenarioException} that names the line, the field and what is allowed: unknown fields, unknown types and
 * values, missing fields, out-of-range numbers, names that refer to nothing.
 */
public final class Scenarios {

    /** The shipped examples, by name: {@code examples/NAME.yaml}, also inside the jar. */
    public static final List<String> BUILT_IN = List.of("ng-3.3.1-solar-batteryprotect", "ng-3.3.2-cyrix-li-ct",
            "ng-3.3.3-inverter", "off-grid-cloudy-week", "cold-morning", "pulled-bms-cable", "residual-drain",
            "overloaded-output");

    private static final String RESOURCES = "/org/smallbms/sim/scenario/";
    private static final YAMLMapper MAPPER = mapper();

    private Scenarios() {
    }

    /** Reads and checks the scenario in {@code file}. */
    public static Scenario load(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** A shipped example by name (one of {@link #BUILT_IN}). */
    public static Scenario builtIn(String name) throws ScenarioException {
        if (!BUILT_IN.contains(name)) {
            throw new ScenarioException(name, 0, "", "is not a shipped scenario; the shipped ones are "
                    + String.join(", ", BUILT_IN));
        }
        try (InputStream in = Scenarios.class.getResourceAsStream(RESOURCES + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("the shipped scenario " + name + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".yaml");
        } catch (IOException e) {
            throw new IllegalStateException("the shipped scenario " + name + " cannot be read", e);
        }
    }

    /** Reads and checks a scenario's text; {@code source} names it in messages. */
    public static Scenario parse(String text, String source) throws ScenarioException {
        if (text.isBlank()) {
            throw new ScenarioException(source, 0, "", "is empty: a scenario has at least name and batteries");
        }
        Map<String, Integer> lines;
        ScenarioFile file;
        try {
            lines = lines(text);
        } catch (JsonProcessingException e) {
            throw refusal(e, source, Map.of());
        }
        try {
            file = MAPPER.readValue(text, ScenarioFile.class);
        } catch (JsonProcessingException e) {
            throw refusal(e, source, lines);
        }
        return Scenario.of(file, source, lines);
    }

    /**
     * The refusal of what Jackson could not read. Its location is where the parser stood, which for a record is the
     * end of the object; the line of the field itself comes from {@code lines} where the path is known.
     */
    private static ScenarioException refusal(JsonProcessingException e, String source, Map<String, Integer> lines) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof JsonMappingException m) {
            Integer exact = lineOf(lines, pointer(m) + (e instanceof InvalidTypeIdException ? "/type" : ""));
            line = exact != null ? exact : line;
        }
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            StringJoiner known = new StringJoiner(", ");
            for (Object id : u.getKnownPropertyIds()) {
                known.add(String.valueOf(id));
            }
            problem = "unknown field \"" + u.getPropertyName() + "\"; allowed here: " + known;
        } else if (e instanceof InvalidTypeIdException t) {
            field = field + ".type";
            problem = "unknown type \"" + t.getTypeId() + "\"; allowed: dc-load, residual-load, charger, "
                    + "solar-charger, battery-protect, cyrix-li-ct, inverter, dc-dc-converter, pre-alarm-signal";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            problem = "\"" + f.getValue() + "\" is not allowed; allowed: " + allowed(f.getTargetType());
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            problem = v.getCause().getMessage();
        } else {
            problem = e.getOriginalMessage();
        }
        return new ScenarioException(source, line, field, problem);
    }

    private static String path(JsonMappingException e) {
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

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getIndex() >= 0 ? String.valueOf(ref.getIndex()) : ref.getFieldName());
        }
        return pointer.toString();
    }

    /** The line of the field at {@code pointer}, or of the nearest enclosing one; null if none. */
    static Integer lineOf(Map<String, Integer> lines, String pointer) {
        String p = pointer;
        Integer line = lines.get(p);
        while (line == null && p.lastIndexOf('/') > 0) {
            p = p.substring(0, p.lastIndexOf('/'));
            line = lines.get(p);
        }
        return line;
    }

    /** The values of an enum as files write them: lower case with hyphens. */
    static String allowed(Class<?> type) {
        StringJoiner values = new StringJoiner(", ");
        for (Object constant : type.getEnumConstants()) {
            values.add(kebab(((Enum<?>) constant).name()));
        }
        return values.toString();
    }

    static String kebab(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The line of each field and item in the file, by its JSON pointer, for checks across fields. */
    private static Map<String, Integer> lines(String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String pointer = parser.getParsingContext().pathAsPointer(false).toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("a scenario held in memory could not be read", e);
        }
        return lines;
    }

    private static YAMLMapper mapper() {
        SimpleModule enums = new SimpleModule("kebab-enums");
        enums.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new KebabEnum(type.getRawClass());
            }
        });
        return YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(enums)
                .build();
    }

    /** Enums as files write them: {@code load-disconnect} for {@code LOAD_DISCONNECT}. */
    private static final class KebabEnum extends JsonDeserializer<Object> {
        private final Class<?> type;

        KebabEnum(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text != null) {
                String constant = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
                for (Object value : type.getEnumConstants()) {
                    if (((Enum<?>) value).name().equals(constant)) {
                        return value;
                    }
                }
            }
            throw InvalidFormatException.from(parser, "not allowed", text, type);
        }
    }

    /** Every shipped example, read: a programmer's error if one does not load. */
    public static List<Scenario> allBuiltIn() {
        List<Scenario> all = new ArrayList<>();
        for (String name : BUILT_IN) {
            try {
                all.add(builtIn(name));
            } catch (ScenarioException e) {
                throw new IllegalStateException("the shipped scenario " + name + " is invalid: " + e.getMessage(), e);
            }
        }
        return all;
    }
}
