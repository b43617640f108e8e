package org.smallbms.core.led;

import org.smallbms.core.codes.Conditions;
import org.smallbms.core.codes.Severity;

/**
 * LED-01 and LED-02.
 *
 * <p>Blue, the Bluetooth status LED: off with no power or Bluetooth disabled; on while a client is connected (any
 * monitoring session: app, web page, protocol connection); blinking when Bluetooth is on and no client is connected.
 * Red, the error LED: off when nothing is active; blinking for a warning; on for an alarm or error.
 */
public final class Leds {

    private Leds() {
    }

    public static LedPattern blue(boolean powered, boolean bluetoothEnabled, boolean clientConnected) {
        if (!powered || !bluetoothEnabled) {
            return LedPattern.OFF;
        }
        return clientConnected ? LedPattern.ON : LedPattern.BLINKING;
    }

    public static LedPattern red(boolean powered, Conditions active) {
        if (!powered) {
            return LedPattern.OFF;
        }
        if (active.hasCodeOf(Severity.ALARM) || active.hasCodeOf(Severity.ERROR)) {
            return LedPattern.ON;
        }
        return active.hasCodeOf(Severity.WARNING) ? LedPattern.BLINKING : LedPattern.OFF;
    }
}
