package org.smallbms.core.protection;

import java.time.Duration;

/**
 * The timed limits of the protection: each a condition that must hold for its set delay before it counts, and its
 * clearing condition for its clear delay before it stops (the values they compare are the rules', in {@link Rules}).
 * A state keeps one {@link Debounced} per timer ({@link Timers}).
 */
enum Timer {
    /** W-B01: the lowest cell, the low cell flag or Vbat per cell against the pre-alarm level (CODE-01, CODE-07). */
    PRE_ALARM_CELL(Duration.ZERO, Duration.ZERO),
    /** W-B05: a battery on the chain without valid data for 2 s (CODE-02). */
    COMM_WARNING(Limits.COMM_WARNING_DELAY, Duration.ZERO),
    /** A-B05: without valid data for 10 s; clears 5 s after data returns (CODE-05). */
    COMM_ALARM(Limits.COMM_ALARM_DELAY, Limits.COMM_ALARM_CLEAR_DELAY),
    /** A-B07: SoC at or below the discharge floor; clears 3 points above it (PROT-06). */
    LOW_SOC(Duration.ZERO, Duration.ZERO),
    /** A-B08's signal: Vbat per cell below 2.75 V for 5 s, clear at 3.20 V (CODE-07 revised). */
    LOW_BANK_VOLTAGE(Limits.LOW_BANK_VOLTAGE.setDelay(), Limits.LOW_BANK_VOLTAGE.clearDelay()),
    /** E-B05: the daisy chain open for 5 s; clears 5 s after it closes (TOP-06 revised). */
    CHAIN_OPEN(Limits.CHAIN_OPEN_DELAY, Limits.CHAIN_OPEN_DELAY);

    private final Duration setDelay;
    private final Duration clearDelay;

    Timer(Duration setDelay, Duration clearDelay) {
        this.setDelay = setDelay;
        this.clearDelay = clearDelay;
    }

    Duration setDelay() {
        return setDelay;
    }

    Duration clearDelay() {
        return clearDelay;
    }
}
