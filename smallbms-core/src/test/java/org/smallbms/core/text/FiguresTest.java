package org.smallbms.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    @DisplayName("PROT-10 causes name a cell to the millivolt, a battery level to the centivolt, a nominal voltage "
            + "to the decivolt, all with one space and the unit")
    void millivoltsAsVolts_atEachPrecisionTheCoreUses() {
        assertThat(Figures.millivoltsAsVolts(3_275, 3)).isEqualTo("3.275 V");
        assertThat(Figures.millivoltsAsVolts(3_750, 2)).isEqualTo("3.75 V");
        assertThat(Figures.millivoltsAsVolts(12_800, 1)).isEqualTo("12.8 V");
        assertThat(Figures.millivoltsAsVolts(-5, 2)).isEqualTo("-0.01 V");
    }

    @Test
    @DisplayName("MON-02 the monitor's synchronisation names the current to the tenth of an amp and SoC in percent")
    void ampsAndPercent_roundHalfUpLikeFormat() {
        assertThat(Figures.milliampsAsAmps(-12_550, 1)).isEqualTo("-12.6 A");
        assertThat(Figures.milliampsAsAmps(0, 1)).isEqualTo("0.0 A");
        assertThat(Figures.permilleAsPercent(1000, 1)).isEqualTo("100.0 %");
        assertThat(Figures.permilleAsPercent(873, 0)).isEqualTo("87 %");
    }

    @Test
    @DisplayName("UI-01 a status line signs the current either way, and a tiny discharge keeps its minus")
    void signedAmps_signsBothWays() {
        assertThat(Figures.signedAmps(1.46, 1)).isEqualTo("+1.5 A");
        assertThat(Figures.signedAmps(0.0, 1)).isEqualTo("+0.0 A");
        assertThat(Figures.signedAmps(-0.04, 1)).isEqualTo("-0.0 A");
        assertThat(Figures.signedAmps(Double.NaN, 1)).isEqualTo("NaN A");
    }

    @Test
    @DisplayName("PROT-10 a battery's temperature threshold reads as the manual gives it, a reading to the tenth")
    void celsius_levelsAndReadings() {
        assertThat(Figures.deciCelsiusAsLevel(500)).isEqualTo("50 °C");
        assertThat(Figures.deciCelsiusAsLevel(-50)).isEqualTo("-5 °C");
        assertThat(Figures.deciCelsiusAsLevel(25)).isEqualTo("2.5 °C");
        assertThat(Figures.deciCelsiusAsCelsius(500, 1)).isEqualTo("50.0 °C");
        assertThat(Figures.celsius(21.54, 1)).isEqualTo("21.5 °C");
    }

    @Test
    @DisplayName("PROT-10 decimals beyond what the digits can write are a programmer's error, named with the range")
    void decimals_outsideRange_refused() {
        assertThatThrownBy(() -> Figures.volts(1, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decimals = 7 is outside the allowed 0..6");
        assertThatThrownBy(() -> Figures.amps(1, -1)).hasMessage("decimals = -1 is outside the allowed 0..6");
    }
}
