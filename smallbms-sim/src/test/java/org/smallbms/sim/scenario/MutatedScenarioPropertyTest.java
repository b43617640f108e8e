package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.smallbms.core.bms.BmsState;
import org.smallbms.sim.check.SystemCheck;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/**
 * The shipped scenarios, mutated at random the ways a hand, an editor or a hostile file mutates YAML: lines deleted,
 * duplicated, swapped, re-indented or spliced in from another example; characters flipped or inserted; a value
 * replaced by a huge number, NaN, a negative, a control character, deep nesting, a long text or a value of another
 * type; the text cut short. Each mutant either loads (and then the check and one tick of the simulation take it), or
 * is refused with a {@link ScenarioException} that names a line or a field, in the file's words. Never another
 * exception. Each try parses a few kilobytes: the limits keep even the worst mutant cheap.
 */
class MutatedScenarioPropertyTest {

    private static final List<String> EXAMPLES = shipped();
    /** Every line of every example: the lines a mutation splices in. */
    private static final List<String> CORPUS = EXAMPLES.stream().flatMap(e -> e.lines()).toList();

    /** What a mutation does; {@code at} and {@code other} choose where, modulo the text's size. */
    enum Kind {
        DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, SPLICE_LINE, INDENT_LINE, DEDENT_LINE, FLIP_CHARACTER,
        INSERT_TEXT, REPLACE_VALUE, TRUNCATE
    }

    /** One change to a scenario's text. */
    record Mutation(Kind kind, int at, int other, String text) {

        String applyTo(String yaml) {
            List<String> lines = new ArrayList<>(yaml.lines().toList());
            int line = lines.isEmpty() ? 0 : at % lines.size();
            switch (kind) {
                case DELETE_LINE -> {
                    if (!lines.isEmpty()) {
                        lines.remove(line);
                    }
                }
                case DUPLICATE_LINE -> {
                    if (!lines.isEmpty()) {
                        lines.add(line, lines.get(line));
                    }
                }
                case SWAP_LINES -> {
                    if (!lines.isEmpty()) {
                        int second = other % lines.size();
                        String first = lines.get(line);
                        lines.set(line, lines.get(second));
                        lines.set(second, first);
                    }
                }
                case SPLICE_LINE -> lines.add(line, CORPUS.get(other % CORPUS.size()));
                case INDENT_LINE -> {
                    if (!lines.isEmpty()) {
                        lines.set(line, "  " + lines.get(line));
                    }
                }
                case DEDENT_LINE -> {
                    if (!lines.isEmpty()) {
                        lines.set(line, lines.get(line).replaceFirst("^ {1,2}", ""));
                    }
                }
                case FLIP_CHARACTER -> {
                    return yaml.isEmpty() ? text : yaml.substring(0, at % yaml.length())
                            + (text.isEmpty() ? "" : text.substring(0, 1)) + yaml.substring(at % yaml.length() + 1);
                }
                case INSERT_TEXT -> {
                    int position = yaml.isEmpty() ? 0 : at % yaml.length();
                    return yaml.substring(0, position) + text + yaml.substring(position);
                }
                case REPLACE_VALUE -> {
                    return replaceValue(yaml);
                }
                case TRUNCATE -> {
                    return yaml.isEmpty() ? yaml : yaml.substring(0, at % yaml.length());
                }
            }
            return String.join("\n", lines) + "\n";
        }

        /** The value after one of the text's {@code ": "}, up to the end of its line, map or item, becomes text. */
        private String replaceValue(String yaml) {
            List<Integer> colons = new ArrayList<>();
            for (int i = yaml.indexOf(": "); i >= 0; i = yaml.indexOf(": ", i + 1)) {
                colons.add(i + 2);
            }
            if (colons.isEmpty()) {
                return yaml + text;
            }
            int start = colons.get(at % colons.size());
            int end = start;
            while (end < yaml.length() && ",}]\n".indexOf(yaml.charAt(end)) < 0) {
                end++;
            }
            return yaml.substring(0, start) + text + yaml.substring(end);
        }
    }

    @Property(tries = 2000)
    @Label("Bad input: a shipped scenario mutated at random (lines deleted, duplicated, swapped; characters flipped; "
            + "huge numbers, NaN, negatives, control characters, deep nesting, long texts, wrong types) loads, or is "
            + "refused with a ScenarioException naming its line or field; never any other exception")
    void mutatedExample_loadsOrIsRefusedWithLineOrField(@ForAll("examples") String example,
            @ForAll("mutations") List<Mutation> mutations) {
        String mutant = example;
        for (Mutation mutation : mutations) {
            mutant = mutation.applyTo(mutant);
        }
        Scenario scenario;
        try {
            scenario = Scenarios.parse(mutant, "mutant.yaml");
        } catch (ScenarioException e) {
            Statistics.label("outcome").collect("refused");
            assertThat(e.line() > 0 || !e.field().isEmpty()).as("line or field in: %s", e.getMessage()).isTrue();
            // The library's words and names; the mutants' own texts contain none of them.
            assertThat(e.getMessage()).startsWith("mutant.yaml").doesNotContain("com.fasterxml", "org.yaml",
                    "java.lang", "java.util", "org.smallbms", "Exception", "Coercion", "`", "JsonToken", "\tat ");
            assertThat(e.getMessage().chars().noneMatch(Character::isISOControl)).as("escaped: %s", e.getMessage())
                    .isTrue();
            return;
        }
        Statistics.label("outcome").collect("loads");
        SystemCheck.check(scenario);
        SimulatedSystem world = scenario.newWorld(scenario.seed());
        BmsState after = Simulation.run(world, scenario.newBms(), scenario.start(), scenario.step(),
                scenario.step(), new Simulation.Observer() {
                });
        assertThat(after).isNotNull();
    }

    @Provide
    Arbitrary<String> examples() {
        return Arbitraries.of(EXAMPLES);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 100_000), nasty())
                .as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(4);
    }

    /** What a mutation writes: values of the wrong kind or size, and the characters YAML and terminals mind. */
    private static Arbitrary<String> nasty() {
        Arbitrary<String> fixed = Arbitraries.of("1e309", "-1e309", "1e300", "-1", "-0.0", "0", "99999999999999999999",
                "9223372036854775807", "-2147483649", "2147483648", ".nan", ".NaN", ".inf", "-.inf", "NaN",
                "Infinity", "0x1F", "0o17", "1_000", "1:30", "~", "null", "", "\"\"", "''", "[]", "{}", "[1, 2]",
                "{a: 1}", "[~]", "{~: ~}", "true", "yes", "off", "&a [*a, *a]", "*missing", "!!binary AAAA",
                "!!java.io.File /etc/passwd", "!custom x", "|", ">", "- x", "? x", "%YAML 1.2", "---", "...", "#",
                "\"\\e[31mred\\e[0m\"", "\"\\u202Eevil\"", "\"\\0\"", "'\t'", "\u0000", "\u0007", "\u001b[2J",
                "\r", "\t", "\u202E", "\uFEFF", "\uD800", "2026-06-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "1969-01-01T00:00:00Z", "1d", "0s", "999999999d", "36501d", "9223372036854775807s", "25:00-26:00",
                "18:00-23:00", "ng-51v2-100ah", "smart-12v8-100ah", "65", "51", "50", "64", "add-battery",
                "remove-battery", "charge-disconnect", "none", "relay", "battery-protect", "x/../../pwned");
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30), BigInteger.TEN.pow(60))
                        .map(b -> b.toString()));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 60).flatMap(depth -> Arbitraries.of(
                "[".repeat(depth) + "]".repeat(depth), "{a: ".repeat(depth) + "1" + "}".repeat(depth),
                "\n" + "  ".repeat(depth) + "- x"));
        Arbitrary<String> longText = Arbitraries.integers().between(1, 12_000).flatMap(n -> Arbitraries.of(
                "x".repeat(n), "\"" + "y".repeat(n) + "\"", "9".repeat(Math.min(n, 100))));
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(12);
        return Arbitraries.frequencyOf(
                Tuple.of(6, fixed),
                Tuple.of(2, numbers),
                Tuple.of(1, nested),
                Tuple.of(1, longText),
                Tuple.of(2, random));
    }

    private static List<String> shipped() {
        List<String> texts = new ArrayList<>();
        for (String name : Scenarios.BUILT_IN) {
            try (InputStream in = Scenarios.class.getResourceAsStream("/org/smallbms/sim/scenario/" + name
                    + ".yaml")) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(texts);
    }
}
