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

/** {@link Decimals#appendAsFormat} prints what {@code String.format("%.Nf")} prints, to the character. */
class DecimalsAsFormatPropertiesTest {

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-5, 5).ofScale(9),
                Arbitraries.doubles().between(-1e-6, 1e-6).ofScale(12),
                Arbitraries.doubles().between(-1e12, 1e12).ofScale(4),
                // Ties and near-ties at every precision: k / 2 / 10^n, and a hair either side of them.
                Arbitraries.integers().between(-2_000_000, 2_000_000).flatMap(k -> Arbitraries.integers().between(0, 6)
                        .flatMap(n -> Arbitraries.of(0.0, 1e-12, -1e-12).map(h -> k / 2.0 / Math.pow(10, n) + h))),
                Arbitraries.of(0.0, -0.0, 0.15, 0.25, 3.334605, -2.5e-7, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE));
    }

    @Property(tries = 20_000)
    @Label("appendAsFormat gives String.format's %.Nf text for any double and N 0..6")
    void sameTextAsFormat(@ForAll("values") double value, @ForAll @IntRange(min = 0, max = 6) int decimals) {
        String expected = String.format(Locale.ROOT, "%." + decimals + "f", value);

        assertThat(Decimals.appendAsFormat(new StringBuilder(), value, decimals).toString()).as("%s at %d", value,
                decimals).isEqualTo(expected);
    }
}
