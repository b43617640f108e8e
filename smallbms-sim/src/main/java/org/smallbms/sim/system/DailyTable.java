package org.smallbms.sim.system;

import java.util.function.IntToDoubleFunction;
import org.smallbms.sim.component.Sun;

/**
 * A function of the second of the day, worked out once for each second and then read. A simulation at 1 s steps
 * asks for every second of every day, and the cosines of the temperature swing and of the sun's hour angle are about
 * 30 ns each: read from a table they cost an array load, with the same bits.
 *
 * <p>Immutable: both tables are filled when the class is first used (about 5 ms) and shared by every simulated
 * system, 1.4 MB in all, whatever the number of systems.
 */
final class DailyTable {

    /** {@link Ambient#dailyCos(int)} for each second of the day. */
    static final DailyTable AMBIENT_COS = new DailyTable(Ambient::dailyCos);
    /** {@link Sun.Day#cosHourAngle(int)} for each second of the day. */
    static final DailyTable SUN_COS = new DailyTable(Sun.Day::cosHourAngle);

    private static final int SECONDS_PER_DAY = 86_400;

    private final double[] values = new double[SECONDS_PER_DAY];

    private DailyTable(IntToDoubleFunction function) {
        for (int s = 0; s < SECONDS_PER_DAY; s++) {
            values[s] = function.applyAsDouble(s);
        }
    }

    /** The function's value at {@code secondOfDay}, 0..86 399. */
    double at(int secondOfDay) {
        return values[secondOfDay];
    }
}
