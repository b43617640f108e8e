package org.smallbms.core.bank;

/**
 * What a battery's own monitor reports, with the hysteresis applied inside the battery.
 *
 * <p>Lithium NG thresholds are hard-coded in the battery (REQUIREMENTS.md §2 decision: cell high 3.75 V, clears at
 * 3.60 V; cell low 2.80 V, clears at 3.20 V; charge low temperature below 5 °C, clears at 7 °C; charge high
 * temperature above 50 °C, clears at 45 °C). The BMS acts on the flags, never on its own copy of those thresholds.
 */
public enum BatteryFlag {
    /** A cell reached the high cell voltage threshold: charging must stop. */
    CELL_HIGH_VOLTAGE,
    /** A cell reached the low cell voltage threshold: discharge must stop after the pre-alarm lead. */
    CELL_LOW_VOLTAGE,
    /** Too cold to charge. */
    CHARGE_LOW_TEMPERATURE,
    /** Too hot to charge. */
    CHARGE_HIGH_TEMPERATURE,
    /** A cell below the battery's own pre-alarm level (Lithium Battery Smart, set in the battery: CLS-02). */
    CELL_PRE_ALARM;

    final int bit() {
        return 1 << ordinal();
    }
}
