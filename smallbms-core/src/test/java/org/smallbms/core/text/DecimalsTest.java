package org.smallbms.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static String text(double value, int decimals) {
        return Decimals.append(new StringBuilder(), value, decimals).toString();
    }

    @Property
    void append_awayFromTies_printsWhatFormatPrints(@ForAll @DoubleRange(min = -1e6, max = 1e6) double value,
            @ForAll @IntRange(min = 0, max = 4) int decimals) {
        double scaled = Math.abs(value) * Math.pow(10, decimals);
        if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) {
            return;
        }
        String expected = String.format(Locale.ROOT, "%." + decimals + "f", value);
        // The one difference on purpose: no "-0.00" for a small negative value.
        assertThat(text(value, decimals)).isEqualTo(expected.matches("-0(\\.0+)?") ? expected.substring(1) : expected);
    }

    @Test
    void append_carriesAndSigns() {
        assertThat(text(9.9996, 3)).isEqualTo("10.000");
        assertThat(text(-2.5, 0)).isEqualTo("-3");
        assertThat(text(-0.0004, 3)).isEqualTo("0.000");
        assertThat(text(13.05, 2)).isEqualTo("13.05");
        assertThat(text(3.3051, 4)).isEqualTo("3.3051");
        assertThat(text(0.000049, 4)).isEqualTo("0.0000");
        assertThat(text(Double.NaN, 2)).isEqualTo("NaN");
        assertThat(text(1e13, 2)).isEqualTo("1.0E13");
    }
}
