package org.smallbms.core.protection;

import java.time.Duration;

/**
 * The thresholds and delays the BMS itself owns, each with its source. Thresholds hard-coded in the battery are not
 * here: they arrive as battery flags.
 */
public final class Limits {

    /** PROT-05: the pre-alarm is high for at least this long before an undervoltage load disconnect. */
    public static final Duration PRE_ALARM_LEAD = Duration.ofSeconds(30);

    /** PROT-05 decision: below this, the load disconnect opens at once, pre-alarm or not. */
    public static final Limit EMERGENCY_CELL = new Limit("lowest cell voltage", 2_500, 2_500, Duration.ZERO,
            Duration.ZERO);

    /**
     * CODE-01 decision: W-B01 clears this far above the pre-alarm level, so a cell hovering at the level under a
     * pulsing load does not make the buzzer chatter (the battery's own low cell flag has 400 mV).
     */
    public static final int PRE_ALARM_HYSTERESIS_MILLIVOLTS = 50;

    /**
     * CODE-07 (revised): Vbat per cell in series below 2.75 V for 5 s, a backup to the cells' own data; A-B08 opens
     * the load output only after the pre-alarm's lead (PROT-05). PROT-11: it clears at 3.20 V per cell, the level of
     * the battery's own low cell flag, which a battery resting after a shutdown does not reach without a charge.
     */
    public static final Limit LOW_BANK_VOLTAGE = new Limit("bank voltage per cell in series", 2_750, 3_200,
            Duration.ofSeconds(5), Duration.ZERO);

    /** CODE-07 (revised), as PROT-05's emergency for a cell: below this per cell A-B08 opens the loads at once. */
    public static final int EMERGENCY_BANK_MILLIVOLTS_PER_CELL = 2_500;

    /**
     * PROT-11: once the loads are cut for an empty battery (A-B01, A-B07, A-B08) they stay off at least this long,
     * and once back on they are not cut again by those alarms within it, unless a cell reaches the emergency level.
     */
    public static final Duration SHUTDOWN_HOLD = Duration.ofSeconds(60);

    /**
     * TOP-06 (revised): an open daisy chain shows W-B05 at once and raises E-B05 after this long open; E-B05 clears
     * this long after the loop is closed again, so a reseated cable or a bouncing contact cuts nothing.
     */
    public static final Duration CHAIN_OPEN_DELAY = Duration.ofSeconds(5);

    /**
     * TOP-07 (revised): E-B09 below 9 V or above 60 V at the BMS terminals (the manual's "9V > Vbat > 60V")...
     */
    public static final int VBAT_MIN_MILLIVOLTS = 9_000;
    public static final int VBAT_MAX_MILLIVOLTS = 60_000;
    /** ...or when Vbat differs from the series voltage the batteries report by more than this, in percent. */
    public static final int VBAT_MISMATCH_PERCENT = 10;

    /** CODE-02: W-B05 after 2 s without valid data from a battery. */
    public static final Duration COMM_WARNING_DELAY = Duration.ofSeconds(2);
    /** CODE-05: A-B05 after 10 s without valid data from a battery. */
    public static final Duration COMM_ALARM_DELAY = Duration.ofSeconds(10);
    /** CODE-05: A-B05 clears 5 s after data returns. */
    public static final Duration COMM_ALARM_CLEAR_DELAY = Duration.ofSeconds(5);

    /** PROT-06 decision: the low SoC alarm clears when SoC is 3 points above the discharge floor. */
    public static final int LOW_SOC_ALARM_CLEAR_PERMILLE = 30;

    /** FW-02: after a failed update the load disconnect opens after this long unless a retry succeeds. */
    public static final Duration FIRMWARE_FAILED_GRACE = Duration.ofSeconds(120);

    /** OUT-03: below 8 V at Bat+ the BMS is off. */
    public static final int OPERATING_MIN_MILLIVOLTS = 8_000;

    private Limits() {
    }
}
