package org.smallbms.core.protection;

import org.smallbms.core.text.Figures;

/**
 * One thing a step reads off the frame, the inputs and the state before it, true or false: the rule table's
 * vocabulary. {@link Reading#facts} works every fact out once a tick, in one place, with the limits that define it;
 * the rows of {@link Rules} only name facts, timers and conditions, so the table is data.
 */
enum Fact {
    POWER_LOW("Vbat below " + Figures.millivoltsAsVolts(Limits.OPERATING_MIN_MILLIVOLTS, 3)),
    REMOTE_OFF("the remote terminal reads off (REM-01)"),
    MODE_OFF("Mode set to Off (REM-03)"),
    NO_BANK("no bank detected yet"),
    NO_READINGS("no battery answered"),
    FLAG_CELL_HIGH("a battery's high cell voltage flag"),
    FLAG_CELL_LOW("a battery's low cell voltage flag"),
    FLAG_CHARGE_LOW_TEMPERATURE("a battery's charge low temperature flag"),
    FLAG_CHARGE_HIGH_TEMPERATURE("a battery's charge high temperature flag"),
    FIRMWARE_UPDATING("a firmware update runs (FW-01)"),
    FIRMWARE_FAILED(Limits.FIRMWARE_FAILED_GRACE.toSeconds() + " s after a failed firmware update without a "
            + "successful retry (FW-02)"),
    PRE_ALARM_LOW("the lowest cell below the pre-alarm level, a battery's low cell flag, or Vbat per cell in series "
            + "below the level"),
    PRE_ALARM_CLEAR("every cell and Vbat per cell at or above the level + " + Limits.PRE_ALARM_HYSTERESIS_MILLIVOLTS
            + " mV, no low cell flag"),
    NO_READINGS_NO_BANK("neither readings nor a valid bank"),
    DATA_MISSING("a battery on the chain without valid data, or none on it"),
    DATA_PRESENT("every battery on the chain answers"),
    CHAIN_OPEN("the daisy chain loop open"),
    CHAIN_CLOSED("the daisy chain loop closed"),
    SOC_AT_FLOOR("SoC known and at or below the discharge floor (floor 0: never)"),
    SOC_OFF_FLOOR("SoC unknown, the floor 0, or SoC at or above the floor + "
            + Limits.LOW_SOC_ALARM_CLEAR_PERMILLE / 10 + " %"),
    SOC_AT_WARNING("SoC known and at or below the low SoC warning level (level 0: never)"),
    NO_VALID_BANK("no valid bank to divide Vbat by"),
    BANK_LOW("Vbat per cell in series below " + Figures.millivoltsAsVolts(Limits.LOW_BANK_VOLTAGE.set(), 3)),
    BANK_RECOVERED("Vbat per cell in series at or above "
            + Figures.millivoltsAsVolts(Limits.LOW_BANK_VOLTAGE.clear(), 3)),
    BANK_EMERGENCY("Vbat per cell in series below "
            + Figures.millivoltsAsVolts(Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL, 3)),
    CELL_EMERGENCY("a cell below " + Figures.millivoltsAsVolts(Limits.EMERGENCY_CELL.set(), 3)),
    BANK_INVALID("the detected bank breaks a rule of TOP-02..05"),
    VBAT_NOT_ALLOWED("Vbat outside " + Limits.VBAT_MIN_MILLIVOLTS / 1000 + ".." + Limits.VBAT_MAX_MILLIVOLTS / 1000
            + " V, or more than " + Limits.VBAT_MISMATCH_PERCENT + " % from the series voltage the batteries report"),
    HARDWARE_FAULT("the self-test fails, or an output driven high reads back low"),
    FLAG_CELL_PRE_ALARM("a battery's pre-alarm flag (a cell below the level set in a Lithium Battery Smart)"),
    SIGNAL_LOST("the daisy chain loop open, or a battery on it that does not signal");

    private final String description;
    private final long bit;

    Fact(String description) {
        this.description = description;
        this.bit = 1L << ordinal();
    }

    String description() {
        return description;
    }

    long bit() {
        return bit;
    }
}
