package org.smallbms.core.led;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;
import org.smallbms.core.protection.Outputs;

/** The two LEDs of the classic smallBMS, and the device profiles that name each device's LEDs. */
class ClassicLedsTest {

    private static LedPattern show(Led led, boolean powered, Outputs outputs) {
        return led.pattern(powered, false, false, Conditions.NONE, outputs);
    }

    @Test
    @DisplayName("LED-03 blue Load ON is lit exactly while the Load disconnect output is high")
    void loadOn_followsTheLoadOutput() {
        assertThat(show(Led.LOAD_ON, true, Outputs.of(true, true, false))).isEqualTo(LedPattern.ON);
        assertThat(show(Led.LOAD_ON, true, Outputs.of(false, true, true))).isEqualTo(LedPattern.ON);
        assertThat(show(Led.LOAD_ON, true, Outputs.of(true, false, false))).isEqualTo(LedPattern.OFF);
        assertThat(show(Led.LOAD_ON, false, Outputs.of(true, true, false))).isEqualTo(LedPattern.OFF);
    }

    @Test
    @DisplayName("LED-03 red Temp or OVP is lit exactly while the Charge disconnect output floats, and dark without "
            + "power")
    void tempOrOvp_followsTheChargeOutput() {
        assertThat(show(Led.TEMP_OR_OVP, true, Outputs.of(false, true, false))).isEqualTo(LedPattern.ON);
        assertThat(show(Led.TEMP_OR_OVP, true, Outputs.ALL_FLOATING)).isEqualTo(LedPattern.ON);
        assertThat(show(Led.TEMP_OR_OVP, true, Outputs.of(true, true, false))).isEqualTo(LedPattern.OFF);
        assertThat(show(Led.TEMP_OR_OVP, false, Outputs.ALL_FLOATING)).isEqualTo(LedPattern.OFF);
    }

    @Test
    @DisplayName("LED-01 LED-02 LED-03 CLS-04 the NG shows Bluetooth and error LEDs; the classic Load ON and Temp or "
            + "OVP, and no Bluetooth")
    void profilesNameTheirLeds() {
        assertThat(DeviceProfile.NG.leds()).containsExactly(Led.BLUETOOTH, Led.ERROR);
        assertThat(DeviceProfile.CLASSIC.leds()).containsExactly(Led.LOAD_ON, Led.TEMP_OR_OVP);
        assertThat(Led.LOAD_ON.colour()).isEqualTo("blue");
        assertThat(Led.TEMP_OR_OVP.colour()).isEqualTo("red");
        assertThat(Led.ERROR.pattern(true, true, false, Conditions.of(Condition.A_B01), Outputs.ALL_FLOATING))
                .isEqualTo(LedPattern.ON);
        assertThat(Led.BLUETOOTH.pattern(true, true, false, Conditions.NONE, Outputs.ALL_FLOATING))
                .isEqualTo(LedPattern.BLINKING);
    }
}
