package org.smallbms.core.led;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;

class LedsTest {

    @Test
    @DisplayName("LED-01 blue: off without power or with Bluetooth disabled, on with a client, blinking without")
    void blue() {
        assertThat(Leds.blue(false, true, true)).isEqualTo(LedPattern.OFF);
        assertThat(Leds.blue(true, false, true)).isEqualTo(LedPattern.OFF);
        assertThat(Leds.blue(true, true, true)).isEqualTo(LedPattern.ON);
        assertThat(Leds.blue(true, true, false)).isEqualTo(LedPattern.BLINKING);
    }

    @Test
    @DisplayName("LED-02 red: off with nothing active, blinking for a warning, on for an alarm or an error")
    void red() {
        assertThat(Leds.red(true, Conditions.NONE)).isEqualTo(LedPattern.OFF);
        assertThat(Leds.red(true, Conditions.of(Condition.REMOTE_OFF))).as("a state is not a code")
                .isEqualTo(LedPattern.OFF);
        assertThat(Leds.red(true, Conditions.of(Condition.W_B01))).isEqualTo(LedPattern.BLINKING);
        assertThat(Leds.red(true, Conditions.of(Condition.W_B01, Condition.A_B01))).isEqualTo(LedPattern.ON);
        assertThat(Leds.red(true, Conditions.of(Condition.E_B05))).isEqualTo(LedPattern.ON);
        assertThat(Leds.red(false, Conditions.of(Condition.E_B05))).isEqualTo(LedPattern.OFF);
    }

    @Test
    @DisplayName("LED-01, LED-02 patterns are data: blinking is lit half of each second, on always, off never")
    void patterns() {
        assertThat(LedPattern.BLINKING.isLit(Duration.ofMillis(100))).isTrue();
        assertThat(LedPattern.BLINKING.isLit(Duration.ofMillis(600))).isFalse();
        assertThat(LedPattern.BLINKING.isLit(Duration.ofMillis(1100))).isTrue();
        assertThat(LedPattern.ON.isLit(Duration.ofMillis(999))).isTrue();
        assertThat(LedPattern.OFF.isLit(Duration.ZERO)).isFalse();
    }
}
