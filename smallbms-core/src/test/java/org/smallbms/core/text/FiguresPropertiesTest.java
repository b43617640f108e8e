package org.smallbms.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every form of {@link Figures} writes what the helpers it replaced wrote: {@code String.format(Locale.ROOT, ...)} of
 * the same double with the same unit, so an event's cause (PROT-10) reads the same to the character.
 */
class FiguresPropertiesTest {

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-100, 100).ofScale(7),
                Arbitraries.doubles().between(-1e7, 1e7).ofScale(3),
                // Ties at every precision, where a rounding of its own would part from String.format.
                Arbitraries.integers().between(-200_000, 200_000).flatMap(k -> Arbitraries.integers().between(0, 6)
                        .map(n -> k / 2.0 / Math.pow(10, n))),
                Arbitraries.of(0.0, -0.0, -0.04, 0.05, 0.15, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY));
    }

    @Property(tries = 5_000)
    @Label("PROT-10 a figure in volts, amps, °C or % is String.format's %.Nf text with its unit")
    void doubleForms_writeWhatFormatWrites(@ForAll("values") double value,
            @ForAll @IntRange(min = 0, max = 6) int decimals) {
        String number = String.format(Locale.ROOT, "%." + decimals + "f", value);

        assertThat(Figures.number(value, decimals)).isEqualTo(number);
        assertThat(Figures.volts(value, decimals)).isEqualTo(number + " V");
        assertThat(Figures.amps(value, decimals)).isEqualTo(number + " A");
        assertThat(Figures.celsius(value, decimals)).isEqualTo(number + " °C");
        assertThat(Figures.percent(value, decimals)).isEqualTo(number + " %");
        assertThat(Figures.signedAmps(value, decimals))
                .isEqualTo(String.format(Locale.ROOT, "%+." + decimals + "f A", value));
    }

    @Property(tries = 5_000)
    @Label("PROT-10 the core's millivolts, milliamps, tenths of a degree and permille read as the replaced helpers "
            + "wrote them")
    void scaledForms_writeWhatTheReplacedHelpersWrote(@ForAll @IntRange(min = -1_000_000, max = 1_000_000) int count,
            @ForAll @IntRange(min = 0, max = 3) int decimals) {
        String format = "%." + decimals + "f";

        // Protection's causes (3 decimals), the monitor's and the remote's (2), bank detection's (1).
        assertThat(Figures.millivoltsAsVolts(count, decimals))
                .isEqualTo(String.format(Locale.ROOT, format + " V", count / 1000.0));
        assertThat(Figures.milliampsAsAmps((long) count * 1000, decimals))
                .isEqualTo(String.format(Locale.ROOT, format + " A", (long) count * 1000 / 1000.0));
        assertThat(Figures.deciCelsiusAsCelsius(count, decimals))
                .isEqualTo(String.format(Locale.ROOT, format + " °C", count / 10.0));
        assertThat(Figures.permilleAsPercent(count, decimals))
                .isEqualTo(String.format(Locale.ROOT, format + " %%", count / 10.0));
    }

    @Property(tries = 2_000)
    @Label("PROT-10 a temperature threshold is whole degrees when whole, else to the tenth")
    void levels_areWholeWhenWhole(@ForAll @IntRange(min = -400, max = 1000) int deciCelsius) {
        String level = Figures.deciCelsiusAsLevel(deciCelsius);

        assertThat(level).isEqualTo(deciCelsius % 10 == 0 ? deciCelsius / 10 + " °C"
                : String.format(Locale.ROOT, "%.1f °C", deciCelsius / 10.0));
    }
}
