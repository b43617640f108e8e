package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Text from a file is printed as what it says, never as terminal controls. */
class PrintableTest {

    @Test
    @DisplayName("Bad input: ANSI escapes, carriage returns, bells and bidirectional overrides are shown as escapes")
    void escape_controlCharacters_shownAsEscapes() {
        assertThat(Printable.escape("\u001b[31mred\u001b[0m\r\u0007x\u202Ey\u2066z\u0085"))
                .isEqualTo("\\e[31mred\\e[0m\\r\\u0007x\\u202Ey\\u2066z\\u0085");
        assertThat(Printable.escape("a\nb\tc")).isEqualTo("a\\nb\\tc");
    }

    @Test
    @DisplayName("Printable text passes unchanged, letters and symbols of any script included")
    void escape_printableText_unchanged() {
        String text = "ng-3.3.1 §3.3.1: 20 °C, 2 × 200 Ah – Ωμ 日本 C:\\dir";

        assertThat(Printable.escape(text)).isSameAs(text);
    }

    @Test
    @DisplayName("Bad input: a quoted value is escaped and cut to 60 characters")
    void quote_longValue_escapedAndCut() {
        assertThat(Printable.quote("\u001b" + "x".repeat(100))).isEqualTo("\"\\e" + "x".repeat(59) + "…\"");
        assertThat(Printable.quote(null)).isEqualTo("nothing");
    }
}
