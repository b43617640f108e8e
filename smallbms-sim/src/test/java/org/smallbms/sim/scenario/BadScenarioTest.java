package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smallbms.sim.scenario.Refused.refusal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user can write that once crashed a run, ran without end, ate the memory or was read as something else: each
 * is refused at load with the line or field, the rule and how to fix it, and the limits themselves are allowed.
 */
class BadScenarioTest {

    private static final String MINIMAL = "name: t\nduration: 1h\nbatteries: {model: ng-12v8-100ah}\n";

    @TempDir
    Path dir;

    @Test
    @DisplayName("Bad input: a bank of 65 batteries, more than the BMS cable chain addresses, is refused at load with "
            + "the limit; 64 are allowed, so the BMS's own TOP-03 refusal can still be simulated")
    void parse_bankAboveChainNodes_refusedWithLimit() throws ScenarioException {
        ScenarioException e = refusal(MINIMAL.replace("ng-12v8-100ah}", "ng-12v8-100ah, series: 13, parallel: 5}"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("batteries");
        assertThat(e.problem()).contains("65 batteries", "at most 64", "TOP-03");
        assertThat(Scenarios.parse(MINIMAL.replace("ng-12v8-100ah}", "ng-12v8-100ah, series: 2, parallel: 32}"),
                "t.yaml").parallel()).isEqualTo(32);
    }

    @Test
    @DisplayName("Bad input: add-battery that would take the bank past the chain's 64 batteries is refused at its "
            + "schedule entry")
    void parse_addBatteryPastChainNodes_refused() {
        ScenarioException e = refusal(MINIMAL.replace("ng-12v8-100ah}", "ng-12v8-100ah, series: 4, parallel: 16}")
                + "schedule:\n  - {at: 1m, fault: add-battery}\n");

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("schedule[0].fault");
        assertThat(e.problem()).contains("17 strings of 4", "64");
    }

    @Test
    @DisplayName("Bad input: a duration of 365000d is refused with the 100-year limit; 36500d is allowed")
    void parse_durationAboveHundredYears_refused() throws ScenarioException {
        ScenarioException e = refusal(MINIMAL.replace("duration: 1h", "duration: 365000d"));

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("duration");
        assertThat(e.problem()).contains("365000d", "36500d (100 years)");
        assertThat(Scenarios.parse(MINIMAL.replace("duration: 1h", "duration: 36500d"), "t.yaml").duration())
                .isEqualTo(Durations.MAX);
    }

    @Test
    @DisplayName("Bad input: Durations.parse never overflows: Long.MAX_VALUE seconds and a 23-digit part are refused "
            + "with the limit, the limit itself is read")
    void durationsParse_overflowingText_refusedWithLimit() {
        assertThatThrownBy(() -> Durations.parse("9223372036854775807s")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("longest duration allowed, 36500d (100 years)");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999999d")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("100 years");
        assertThatThrownBy(() -> Durations.parse("36500d1s")).hasMessageContaining("100 years");
        assertThat(Durations.parse("36500d")).isEqualTo(Durations.MAX);
        assertThat(Durations.parse("0s")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse("1d6h30m10s")).isEqualTo(Duration.ofSeconds(109_810));
    }

    @Test
    @DisplayName("Bad input: a start outside the years 1970..9999 is refused with the range, not a DateTimeException "
            + "later; the ends of the range are allowed")
    void parse_startOutOfRange_refusedWithRange() throws ScenarioException {
        for (String start : new String[] {"+999999999-12-31T23:59:59Z", "+1000000000-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            ScenarioException e = refusal("start: \"" + start + "\"\n" + MINIMAL);
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.field()).isEqualTo("start");
            assertThat(e.problem()).contains("1970-01-01T00:00:00Z .. 9999-12-31T23:59:59Z");
        }
        assertThat(Scenarios.parse("start: 9999-12-31T23:59:59Z\n" + MINIMAL, "t.yaml").start())
                .isEqualTo(Scenario.LATEST_START);
        assertThat(Scenarios.parse("start: 1970-01-01T00:00:00Z\n" + MINIMAL, "t.yaml").start())
                .isEqualTo(Instant.EPOCH);
    }

    @Test
    @DisplayName("Bad input: a device, a directory and a file above 1 MiB are refused before they are read whole")
    void load_nonRegularOrTooLarge_refusedBeforeReading() throws IOException {
        Path large = dir.resolve("large.yaml");
        Files.writeString(large, MINIMAL + ("# " + "x".repeat(1021) + "\n").repeat(1024));

        assertThatThrownBy(() -> Scenarios.load(large)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("larger than 1048576 bytes (1 MiB)");
        assertThatThrownBy(() -> Scenarios.load(dir)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("is not a regular file");
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "a system with /dev/zero");
        assertThatThrownBy(() -> Scenarios.load(zero)).isInstanceOf(ScenarioException.class)
                .hasMessage("/dev/zero: is not a regular file (a directory, a device or a pipe): give the path of a "
                        + "scenario file");
    }

    @Test
    @DisplayName("Bad input: a file that is not UTF-8 is refused as such, not with a decoder's message")
    void load_notUtf8_refused() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> Scenarios.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageEndingWith("latin1.yaml: is not UTF-8 text: save it as UTF-8 (a scenario is a YAML text "
                        + "file)");
    }

    @Test
    @DisplayName("Bad input: a text longer than 10,000 characters and maps nested 40 deep are refused at their line")
    void parse_longTextAndDeepNesting_refusedAtLine() {
        ScenarioException text = refusal(MINIMAL + "description: \"" + "x".repeat(Scenarios.MAX_TEXT_CHARS + 1)
                + "\"\n");
        assertThat(text.line()).isEqualTo(4);
        assertThat(text.field()).isEqualTo("description");
        assertThat(text.problem()).contains("10001 characters", "at most 10000");

        ScenarioException deep = refusal(MINIMAL + "description: " + "[".repeat(40) + "]".repeat(40) + "\n");
        assertThat(deep.line()).isEqualTo(4);
        assertThat(deep.problem()).contains("nested more than 16 levels");
    }

    @Test
    @DisplayName("Bad input: a field written twice is refused with its two lines, not read as the last one")
    void parse_duplicateKey_refusedWithBothLines() {
        ScenarioException top = refusal(MINIMAL + "name: other\n");
        assertThat(top.line()).isEqualTo(4);
        assertThat(top.field()).isEqualTo("name");
        assertThat(top.problem()).isEqualTo("\"name\" is written twice here, on line 1 and on line 4: keep one");

        ScenarioException nested = refusal(MINIMAL.replace("ng-12v8-100ah}", "ng-12v8-100ah, soc: 20, soc: 80}"));
        assertThat(nested.field()).isEqualTo("batteries.soc");
        assertThat(nested.line()).isEqualTo(3);
    }

    @Test
    @DisplayName("Bad input: a value of the wrong type names the field, the type it takes with an example, and what "
            + "the file has, with no Java or Jackson in the message")
    void parse_wrongTypes_fieldTypeExampleFound() {
        ScenarioException text = refusal(MINIMAL + "seed: abc\n");
        assertThat(text.getMessage()).isEqualTo("t.yaml:4: seed: expected a whole number, for example seed: 1; "
                + "found the text \"abc\"");

        ScenarioException list = refusal(MINIMAL.replace("{model: ng-12v8-100ah}", "[ng-12v8-100ah]"));
        assertThat(list.field()).isEqualTo("batteries");
        assertThat(list.problem()).isEqualTo("expected a map of model, series, parallel, soc, celsius, overrides, "
                + "loadDisconnectVolts, preAlarmVolts, for "
                + "example batteries: {model: ng-12v8-100ah, series: 1, parallel: 1}; found a list");

        ScenarioException bool = refusal(MINIMAL + "schedule: [{at: 1m, remote: 1}]\n");
        assertThat(bool.field()).isEqualTo("schedule[0].remote");
        assertThat(bool.problem()).contains("expected true or false", "found the number 1");

        ScenarioException huge = refusal(MINIMAL.replace("ng-12v8-100ah}", "ng-12v8-100ah, series: 99999999999}"));
        assertThat(huge.field()).isEqualTo("batteries.series");
        assertThat(huge.problem()).contains("99999999999 is far too large", "a whole number");

        ScenarioException nan = refusal(MINIMAL.replace("ng-12v8-100ah}", "ng-12v8-100ah, soc: .nan}"));
        assertThat(nan.field()).isEqualTo("batteries.soc");
        assertThat(nan.problem()).contains(".nan is not a number this file can read", "soc: 12.5");

        ScenarioException root = refusal("- name: t\n");
        assertThat(root.line()).isEqualTo(1);
        assertThat(root.problem()).startsWith("expected a map of name, description, manual,");

        for (ScenarioException e : new ScenarioException[] {text, list, bool, huge, nan, root}) {
            assertThat(e.getMessage()).doesNotContain("java.", "com.fasterxml", "org.smallbms", "Coercion", "`",
                    "JsonToken", "Cannot deserialize");
        }
    }

    @Test
    @DisplayName("Bad input: an unknown field lists the allowed ones in the file's order")
    void parse_unknownField_allowedInDeclaredOrder() {
        ScenarioException e = refusal(MINIMAL + "colour: red\n");

        assertThat(e.problem()).isEqualTo("unknown field \"colour\"; allowed here: name, description, manual, start, "
                + "duration, step, seed, site, ambient, bms, batteries, components, schedule");
    }

    @Test
    @DisplayName("Bad input: 1.5 for a whole number is refused, not cut to 1")
    void parse_fractionForWholeNumber_refused() {
        ScenarioException e = refusal(MINIMAL + "bms: {settings: {dischargeFloor: 10.5}}\n");

        assertThat(e.field()).isEqualTo("bms.settings.dischargeFloor");
        assertThat(e.problem()).contains("expected a whole number", "found the number 10.5");
    }

    @Test
    @DisplayName("Bad input: an empty item in a list is refused at its index, not found later as a null")
    void parse_emptyListItem_refusedAtIndex() {
        ScenarioException e = refusal(MINIMAL + "components:\n  - ~\n");

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("components[0]");
        assertThat(e.problem()).startsWith("is empty: remove it, or write a map with a name and a type");
        assertThat(refusal(MINIMAL + "bms: {settings: {dischargeFloor: ~}}\n").field())
                .isEqualTo("bms.settings.dischargeFloor");
    }

    @Test
    @DisplayName("Bad input: a second YAML document and a file of only comments are refused with a line")
    void parse_secondDocumentOrNoDocument_refused() {
        ScenarioException second = refusal(MINIMAL + "---\nname: u\n");
        assertThat(second.line()).isEqualTo(5);
        assertThat(second.problem()).contains("a file holds one scenario");

        ScenarioException none = refusal("# nothing here\n");
        assertThat(none.line()).isEqualTo(1);
        assertThat(none.problem()).contains("holds no scenario");
    }

    @Test
    @DisplayName("Bad input: YAML syntax errors name the line and the problem without the parser's excerpt")
    void parse_syntaxError_oneLineWithProblem() {
        ScenarioException e = refusal("name: a: b\n" + MINIMAL.substring(MINIMAL.indexOf('\n') + 1));

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).contains("not valid YAML (mapping values are not allowed here)").doesNotContain("\n",
                "^");
    }

    @Test
    @DisplayName("Bad input: infinite, huge and negative quantities are refused with the bound, not run into NaN")
    void parse_extremeQuantities_refusedWithBound() {
        String load = MINIMAL + "components:\n  - {name: house, type: dc-load, demand: [{amps: AMPS}]}\n";
        assertThat(refusal(load.replace("AMPS", "1e300")).problem()).contains("amps = 1.0E300",
                "positive and at most 1000");
        assertThat(refusal(load.replace("AMPS", "-2")).problem()).contains("amps = -2.0");
        assertThat(refusal(MINIMAL + "components:\n  - {name: c, type: charger, maxAmps: 1e300}\n").problem())
                .contains("maxAmps = 1.0E300", "at most 1000");
        assertThat(refusal(MINIMAL + "components:\n  - {name: i, type: inverter, peakWatts: 1e9, acDemand: "
                + "[{watts: 10}]}\n").problem()).contains("peakWatts", "at most 100000");
        assertThat(refusal(MINIMAL + "components:\n  - {name: c, type: charger, maxAmps: 10, floatVolts: 15}\n")
                .problem()).contains("floatVolts = 15.0 is above absorptionVolts = 14.2");
        assertThat(refusal(MINIMAL + "bms: {fuseAmps: -1}\n").problem()).contains("fuseAmps = -1.0");
    }

    @Test
    @DisplayName("Bad input: control characters quoted in a refusal are shown escaped, so a message cannot drive the "
            + "terminal")
    void parse_controlCharactersInRefusal_escaped() {
        ScenarioException e = refusal(MINIMAL + "components:\n  - {name: \"\\e[2Jhouse\", type: dc-load, demand: "
                + "[{amps: 1}]}\nschedule:\n  - {at: 1m, switch: {component: \"\\e]0;pwned\\a\", on: true}}\n");

        assertThat(e.getMessage()).contains("\"\\e]0;pwned\\u0007\" names no component; the components are "
                + "\\e[2Jhouse").doesNotContain("\u001b", "\u0007");
    }
}
