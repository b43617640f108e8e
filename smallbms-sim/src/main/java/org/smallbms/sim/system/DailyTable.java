package org.smallbms.sim.system;

import java.util.function.IntToDoubleFunction;

/**
 * A function of the second of the day, worked out once for each second and then read. A simulation at 1 s steps
 * asks for every second of every day, and the cosines of the temperature swing and of the sun's hour angle are about
 * 30 ns each: after the first day of a year they are array reads, with the same bits. Filled an hour at a time, when
 * that hour is first asked for.
 *
 * <p>A mutable cache with a single owner, the simulated system. Not thread-safe.
 */
final class DailyTable {

    private static final int SECONDS_PER_HOUR = 3_600;
    private static final int HOURS_PER_DAY = 24;

    private final IntToDoubleFunction function;
    private final double[] values = new double[SECONDS_PER_HOUR * HOURS_PER_DAY];
    private final boolean[] filled = new boolean[HOURS_PER_DAY];

    DailyTable(IntToDoubleFunction function) {
        this.function = function;
    }

    /** The function's value at {@code secondOfDay}, 0..86 399. */
    double at(int secondOfDay) {
        int hour = secondOfDay / SECONDS_PER_HOUR;
        if (!filled[hour]) {
            for (int s = hour * SECONDS_PER_HOUR; s < (hour + 1) * SECONDS_PER_HOUR; s++) {
                values[s] = function.applyAsDouble(s);
            }
            filled[hour] = true;
        }
        return values[secondOfDay];
    }
}
