/**
 * The battery monitor (MON-01..06) and the balancer status (BAL-01).
 *
 * <p>{@link org.smallbms.core.monitor.Monitor#step} counts the bank current the batteries report into the state of
 * charge, synchronises to 100 % when the bank is charged, and keeps the current average behind the time remaining.
 * {@link org.smallbms.core.monitor.Balancer} judges the cell balance at each full charge.
 *
 * <p>Units: charge is counted in integers so nothing drifts: the charge below full in nanocoulombs (1 mA for 1 ms is
 * 1 µC = 1000 nC, so the 99 % charge efficiency stays exact), the raw integral in microcoulombs (mA × ms), energy in
 * microjoules (mV × mA × ms / 1000). Voltages in millivolts, currents in milliamps, SoC in permille. <b>Battery
 * current is positive when charging.</b> Time is {@link java.time.Instant} and {@link java.time.Duration}; timers are
 * instants kept in the immutable state.
 *
 * <p>Depends on the JDK and the core packages {@code bank}, {@code event} and {@code settings} only.
 */
package org.smallbms.core.monitor;
