package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.smallbms.sim.scenario.Durations;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

/** {@code run --duration} reads the scenarios' grammar: the same text is the same duration in both. */
class RunDurationPropertiesTest {

    private static final String MINIMAL = "name: t\nduration: 1h\nbatteries: {model: ng-12v8-100ah}\n";

    @Property(tries = 300)
    @Label("the same text gives the same duration from a scenario file and from run --duration, in any case and "
            + "spacing")
    void runDuration_sameAsScenario(@ForAll @LongRange(min = 1, max = 36_500L * 86_400) long seconds,
            @ForAll boolean loose) throws ScenarioException {
        String text = Durations.format(Duration.ofSeconds(seconds));
        if (loose) {
            text = text.toUpperCase(Locale.ROOT).replaceAll("([DHMS])", "$1 ").strip();
        }

        Duration fromRun = RunCommand.parseDuration(text);
        Duration fromScenario = Scenarios.parse(MINIMAL.replace("duration: 1h", "duration: \"" + text + "\""),
                "t.yaml").duration();

        assertThat(fromRun).as(text).isEqualTo(fromScenario).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Example
    @Label("Bad input: run --duration refuses a malformed text with the grammar, and zero with its own rule")
    void runDuration_refusals() {
        assertThatThrownBy(() -> RunCommand.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--duration: \"soon\" is not a duration: " + Durations.GRAMMAR);
        assertThatThrownBy(() -> RunCommand.parseDuration("365000d")).hasMessageStartingWith("--duration: ")
                .hasMessageContaining("36500d (100 years)");
        assertThatThrownBy(() -> RunCommand.parseDuration(" 0S ")).hasMessageContaining("--duration = \" 0S \"")
                .hasMessageContaining("longer than 0s");
    }
}
