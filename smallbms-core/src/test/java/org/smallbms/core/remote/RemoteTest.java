package org.smallbms.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteTest {

    private static final int VBAT = 13_200;

    @Test
    @DisplayName("REM-01 ON when L and H are interconnected (wire loop or closed switch)")
    void isOn_linked() {
        assertThat(Remote.isOn(RemoteTerminal.WIRE_LOOP, VBAT)).isTrue();
        assertThat(Remote.isOn(RemoteTerminal.switchBetweenLH(true), VBAT)).isTrue();
    }

    @Test
    @DisplayName("REM-01 OFF with the loop pulled off or the switch open")
    void isOn_open() {
        assertThat(Remote.isOn(RemoteTerminal.OPEN, VBAT)).isFalse();
        assertThat(Remote.isOn(RemoteTerminal.switchBetweenLH(false), VBAT)).isFalse();
    }

    @ParameterizedTest(name = "V_L = {0} mV -> {1}")
    @CsvSource({"0, true", "3499, true", "3500, false", "5000, false", "13200, false"})
    @DisplayName("REM-01 ON when L is pulled to battery minus (V_L < 3.5 V)")
    void isOn_lDriven(int millivolts, boolean on) {
        assertThat(Remote.isOn(RemoteTerminal.lAt(millivolts), VBAT)).isEqualTo(on);
    }

    @ParameterizedTest(name = "V_H = {0} mV with Vbat 13.2 V -> {1}")
    @CsvSource({"0, false", "2900, false", "2901, true", "12000, true", "13200, true", "13400, true",
        "13401, false", "24000, false"})
    @DisplayName("REM-01 ON when H is high (2.9 V < V_H < Vbat, with 0.2 V tolerance for H at battery plus)")
    void isOn_hDriven(int millivolts, boolean on) {
        assertThat(Remote.isOn(RemoteTerminal.hAt(millivolts), VBAT)).isEqualTo(on);
    }

    @Test
    @DisplayName("a floating pin given a voltage is refused")
    void terminal_floatingPinWithVoltage_refused() {
        assertThatThrownBy(() -> new RemoteTerminal(false, false, 1000, false, 0))
                .hasMessageContaining("a floating pin has no voltage");
    }
}
