package org.smallbms.sim.cell;

/**
 * A {@link Curve} over state of charge resampled once onto a uniform grid of {@link #INTERVALS} intervals: a lookup
 * is an index and one interpolation, no search, and the step reads the same lines cut where they bend
 * ({@link SocSegments}). The grid step (0.0005) divides every breakpoint of
 * the shipped tables, so they are reproduced exactly; a user's breakpoint between grid points is rounded to the grid.
 * Beyond 0 and 1 the curve either stays at its end value or continues with its end slope (the OCV, so a cell driven
 * past empty keeps falling).
 */
final class SocCurve {

    static final int INTERVALS = 2000;
    private static final double STEP = 1.0 / INTERVALS;

    private final double[] values;
    private final double[] deltas;
    /** The integral from 0 to each grid point: the stored-energy state function of the OCV. */
    private final double[] integrals;
    private final boolean extrapolate;

    SocCurve(Curve curve, boolean extrapolate) {
        this.extrapolate = extrapolate;
        values = new double[INTERVALS + 1];
        for (int i = 0; i <= INTERVALS; i++) {
            values[i] = curve.valueAt(i * STEP);
        }
        deltas = new double[INTERVALS + 1];
        integrals = new double[INTERVALS + 1];
        for (int i = 0; i < INTERVALS; i++) {
            deltas[i] = values[i + 1] - values[i];
            integrals[i + 1] = integrals[i] + 0.5 * (values[i] + values[i + 1]) * STEP;
        }
        deltas[INTERVALS] = deltas[INTERVALS - 1];
    }

    double at(double soc) {
        double position = soc * INTERVALS;
        if (position >= 0 && position < INTERVALS) {
            int i = (int) position;
            return values[i] + (position - i) * deltas[i];
        }
        if (position < 0) {
            return extrapolate ? values[0] + position * deltas[0] : values[0];
        }
        return extrapolate ? values[INTERVALS] + (position - INTERVALS) * deltas[INTERVALS] : values[INTERVALS];
    }

    /**
     * The slope per unit of SoC over grid interval {@code interval}; −1 is the line below SoC 0 and
     * {@link #INTERVALS} the line from SoC 1 on.
     */
    double slope(int interval) {
        if (interval < 0) {
            return extrapolate ? deltas[0] * INTERVALS : 0;
        }
        if (interval >= INTERVALS) {
            return extrapolate ? deltas[INTERVALS] * INTERVALS : 0;
        }
        return deltas[interval] * INTERVALS;
    }

    /** The value at grid point {@code point}, 0..{@link #INTERVALS}. */
    double value(int point) {
        return values[point];
    }

    /** The integral of this curve from 0 to {@code soc}. */
    double integral(double soc) {
        double position = soc * INTERVALS;
        if (position < 0) {
            double slope = extrapolate ? deltas[0] * INTERVALS : 0;
            return values[0] * soc + 0.5 * slope * soc * soc;
        }
        if (position >= INTERVALS) {
            double beyond = soc - 1;
            double slope = extrapolate ? deltas[INTERVALS] * INTERVALS : 0;
            return integrals[INTERVALS] + values[INTERVALS] * beyond + 0.5 * slope * beyond * beyond;
        }
        int i = (int) position;
        double f = position - i;
        return integrals[i] + (values[i] * f + 0.5 * deltas[i] * f * f) * STEP;
    }
}
