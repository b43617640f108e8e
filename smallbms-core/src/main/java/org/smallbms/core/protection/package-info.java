/**
 * The protection step: Allowed to charge (ATC), Allowed to discharge (ATD) and the pre-alarm, one deterministic step
 * per tick (PROT-01..05, PROT-08, PROT-10, REM-02..04, CODE-01..13, FW-01..03).
 *
 * <p>{@link org.smallbms.core.protection.Protection#step} takes the previous state, the time and the tick's frame and
 * returns the next state: active conditions, outputs, and an event with its cause for every change. Thresholds the
 * BMS owns come as set/clear pairs with delays ({@link org.smallbms.core.protection.Limits}); timers are deadlines
 * kept in the state, so nothing here reads a clock. In steady state a step allocates nothing and returns the state it
 * was given.
 *
 * <p>Depends on the JDK and the other core packages only.
 */
package org.smallbms.core.protection;
