package org.smallbms.core.led;

import org.smallbms.core.codes.Conditions;
import org.smallbms.core.protection.Outputs;

/**
 * One LED on a device's front, with what it shows: the smallBMS NG's two (LED-01, LED-02) and the classic
 * smallBMS's two (LED-03).
 */
public enum Led {
    /** NG, blue: the Bluetooth status (LED-01). */
    BLUETOOTH("Bluetooth", "blue"),
    /** NG, red: the error LED (LED-02). */
    ERROR("Error", "red"),
    /** Classic, blue "Load ON": the Load disconnect output is high (LED-03). */
    LOAD_ON("Load ON", "blue"),
    /** Classic, red "Temp or OVP": the Charge disconnect output floats (LED-03). */
    TEMP_OR_OVP("Temp or OVP", "red");

    private final String label;
    private final String colour;

    Led(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    /** The name printed beside it on the device. */
    public String label() {
        return label;
    }

    public String colour() {
        return colour;
    }

    /**
     * How this LED shows the device: every LED is dark without power.
     *
     * @param powered whether the BMS has power (Vbat at or above its operating minimum)
     * @param bluetoothEnabled whether Bluetooth is on (NG)
     * @param clientConnected whether a client is connected (NG)
     * @param active the active conditions
     * @param outputs the three outputs
     */
    public LedPattern pattern(boolean powered, boolean bluetoothEnabled, boolean clientConnected, Conditions active,
            Outputs outputs) {
        if (!powered) {
            return LedPattern.OFF;
        }
        return switch (this) {
            case BLUETOOTH -> Leds.blue(true, bluetoothEnabled, clientConnected);
            case ERROR -> Leds.red(true, active);
            case LOAD_ON -> outputs.load().isHigh() ? LedPattern.ON : LedPattern.OFF;
            case TEMP_OR_OVP -> outputs.charge().isHigh() ? LedPattern.OFF : LedPattern.ON;
        };
    }
}
