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

    /** CODE-07: A-B08 when Vbat per cell in series stays below 2.75 V for 5 s; clears at 3.10 V. */
    public static final Limit LOW_BANK_VOLTAGE = new Limit("bank voltage per cell in series", 2_750, 3_100,
            Duration.ofSeconds(5), Duration.ZERO);

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
