package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The one duration grammar: what {@link Durations#format} writes it reads back, however a user spaces or cases it. */
class DurationsPropertiesTest {

    private static final String MINIMAL = "name: t\nduration: 1h\nbatteries: {model: ng-12v8-100ah}\n";

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, Durations.MAX.getSeconds()),
                Arbitraries.longs().between(0, 3 * 86_400),
                Arbitraries.of(0L, 1L, 59L, 60L, 3599L, 3600L, 86_399L, 86_400L, Durations.MAX.getSeconds()))
                .map(Duration::ofSeconds);
    }

    /** The same duration as a user may write it: upper case, blanks around it, between parts and before units. */
    private static String loosely(String text) {
        return " \t" + text.toUpperCase(Locale.ROOT).replaceAll("([DHMS])", "$1 ").replaceAll("(\\d)([DHMS])", "$1 $2")
                + "\n";
    }

    @Property(tries = 2_000)
    @Label("a formatted duration parses back to itself, also upper-cased and spaced out")
    void format_thenParse_roundTrips(@ForAll("durations") Duration duration) {
        String text = Durations.format(duration);

        assertThat(text).matches("(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?").isNotEmpty();
        assertThat(Durations.parse(text)).isEqualTo(duration);
        assertThat(Durations.parse(loosely(text))).as(loosely(text)).isEqualTo(duration);
    }

    @Property(tries = 200)
    @Label("a scenario's duration reads the text as Durations.parse does, spaced and upper-cased too")
    void scenarioDuration_sameAsParse(@ForAll("durations") Duration duration) throws ScenarioException {
        Duration atLeastAStep = duration.isZero() ? Duration.ofSeconds(1) : duration;
        String text = loosely(Durations.format(atLeastAStep)).strip();

        Scenario scenario = Scenarios.parse(MINIMAL.replace("duration: 1h", "duration: \"" + text + "\""), "t.yaml");

        assertThat(scenario.duration()).isEqualTo(Durations.parse(text)).isEqualTo(atLeastAStep);
    }

    @Property(tries = 500)
    @Label("Bad input: a number with no unit, units out of order or twice, or a unit with no number is refused "
            + "with the grammar and its examples")
    void malformed_refusedWithGrammar(@ForAll @LongRange(min = 1, max = 99_999) long n) {
        for (String bad : new String[] {n + "", n + "h" + n + "d", n + "m" + n + "m", "d" + n, n + "x", "1 0s",
            n + "-s", "-" + n + "s", n + ".5h"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(Printable.quote(bad) + " is not a duration: " + Durations.GRAMMAR);
        }
    }

    @Example
    @Label("Bad input: blank, missing and control characters are refused, the text quoted safely")
    void blankOrMissing_refused() {
        assertThatThrownBy(() -> Durations.parse("  ")).hasMessage("\"  \" is not a duration: " + Durations.GRAMMAR);
        assertThatThrownBy(() -> Durations.parse(null)).hasMessage("nothing is not a duration: " + Durations.GRAMMAR);
        assertThatThrownBy(() -> Durations.parse("\u001b[2J")).hasMessageStartingWith("\"\\e[2J\" is not a duration")
                .hasMessageContaining("1d6h30m10s").hasMessageContaining("90s, 30m, 12h, 3d, 1d12h");
        assertThat(Durations.parse(" 1D 6H ")).isEqualTo(Duration.ofHours(30));
    }
}
