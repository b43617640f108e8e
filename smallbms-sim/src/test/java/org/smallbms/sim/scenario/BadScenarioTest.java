package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a user can write that once crashed a run, ran without end, ate the memory or was read as something else: each
 * is refused at load with the line or field, the rule and how to fix it, and the limits themselves are allowed.
 */
class BadScenarioTest {

    private static final String MINIMAL = "name: t\nduration: 1h\nbatteries: {model: ng-12v8-100ah}\n";

    private static ScenarioException refusal(String text) {
        try {
            Scenarios.parse(text, "t.yaml");
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("the scenario was accepted:\n" + text);
    }

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
}
