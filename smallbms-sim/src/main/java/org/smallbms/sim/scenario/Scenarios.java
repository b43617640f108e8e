package org.smallbms.sim.scenario;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads scenario files (docs/scenarios.md) and the shipped examples. A malformed file is refused with a
 * {@link ScenarioException} that names the line, the field and what is allowed: unknown fields, unknown types and
 * values, missing fields, out-of-range numbers, names that refer to nothing. What is read is bounded: a file of at
 * most {@link #MAX_FILE_BYTES}, texts of at most {@link #MAX_TEXT_CHARS}, maps and lists nested at most
 * {@link #MAX_NESTING} deep; beyond them a file is refused before it costs time or memory.
 */
public final class Scenarios {

    /** The shipped examples, by name: {@code examples/NAME.yaml}, also inside the jar. */
    public static final List<String> BUILT_IN = List.of("ng-3.3.1-solar-batteryprotect", "ng-3.3.1-daily-cycle",
            "ng-3.3.2-cyrix-li-ct", "ng-3.3.3-inverter", "off-grid-cloudy-week", "cold-morning", "pulled-bms-cable",
            "residual-drain", "overloaded-output", "classic-3.3.1-solar-batteryprotect", "classic-3.3.2-cyrix-li-ct",
            "classic-3.3.3-inverter", "classic-3.1-bmv-soc-shutdown");

    /** The largest scenario file read: 1 MiB, over 800 times the largest example, read in about a second. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** The longest text (a name, a description) in a file. */
    public static final int MAX_TEXT_CHARS = 10_000;
    /** The longest number in a file, in characters: a double needs 24. */
    public static final int MAX_NUMBER_CHARS = 40;
    /** Maps and lists in maps and lists: a scenario needs 6 levels (schedule, entry, demand, draws, draw, hours). */
    public static final int MAX_NESTING = 16;

    private static final String RESOURCES = "/org/smallbms/sim/scenario/";
    private static final YAMLMapper MAPPER = mapper();

    private Scenarios() {
    }

    /**
     * Reads and checks the scenario in {@code file}: a regular file of at most {@link #MAX_FILE_BYTES} in UTF-8.
     * Anything else (a directory, a device, a pipe, a larger file) is refused before it is read whole.
     */
    public static Scenario load(Path file) throws ScenarioException {
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new ScenarioException(source, 0, "", "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(source, 0, "", "is not a regular file (a directory, a device or a pipe): "
                    + "give the path of a scenario file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read at most one byte more than allowed: a file that grows, or claims no size, is still bounded.
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw new ScenarioException(source, 0, "", "cannot be read: permission denied");
        } catch (IOException e) {
            throw new ScenarioException(source, 0, "", "cannot be read: " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(source);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(source, 0, "", "is not UTF-8 text: save it as UTF-8 (a scenario is a YAML "
                    + "text file)");
        }
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, source);
    }

    private static ScenarioException tooLarge(String source) {
        return new ScenarioException(source, 0, "", "is larger than " + MAX_FILE_BYTES + " bytes (1 MiB), the "
                + "most a scenario file may be; the largest shipped example has under 2,000 bytes");
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
            throw new ScenarioException(source, 1, "", "is empty: a scenario has at least name and batteries");
        }
        if (text.length() > MAX_FILE_BYTES) {
            throw tooLarge(source);
        }
        Outline outline = Outline.of(MAPPER.getFactory(), text, source);
        ScenarioFile file;
        try {
            file = MAPPER.readValue(text, ScenarioFile.class);
        } catch (JsonProcessingException e) {
            throw Refusals.of(e, source, outline);
        }
        if (file == null) {
            throw Outline.noScenario(source);
        }
        return Scenario.of(file, source, outline.lines());
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

    private static YAMLMapper mapper() {
        SimpleModule enums = new SimpleModule("kebab-enums");
        enums.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new KebabEnum(type.getRawClass());
            }
        });
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(MAX_FILE_BYTES);
        loader.setNestingDepthLimit(MAX_NESTING);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .maxStringLength(MAX_TEXT_CHARS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // 1.5 for a whole number is refused, not cut to 1: a file means what it says.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // An empty item (components: [~]) is refused at its place, not found later as a null.
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
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
