/**
 * The history page (HIST-01..03): figures since installation or the last reset, added up from each monitor step.
 *
 * <p>Units: charge in microcoulombs (mA × ms, exact per step), energy in microjoules, voltages in millivolts,
 * temperatures in tenths of a degree Celsius, Ah and kWh only for display. Battery current is positive when charging.
 * A reset of the history touches nothing else (HIST-03).
 *
 * <p>Depends on the JDK and the core packages {@code codes} and {@code monitor} only.
 */
package org.smallbms.core.history;
