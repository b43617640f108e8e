package org.smallbms.sim.cell;

import java.util.Arrays;

/**
 * The curves a step reads (the OCV base and delta of one temperature bracket, the hysteresis M's base and delta
 * likewise, the R0 SoC factor)
 * cut where any of them bends, so that within a segment each is one straight line, {@code value = a + b z}. A cell
 * keeps its segment's lines until its SoC leaves it, which at 0.5C is a few times an hour, not every step: the step
 * then reads each curve with one multiply-add and no table lookup.
 *
 * <p>The lines are the {@link SocCurve}s' own: a segment is a run of grid intervals with the same slope, and its line
 * runs through the curves' values at its two ends, so reading it gives the grid's value to the last bits or two.
 * Below SoC 0 and from SoC 1 on there is one segment each, with the curves' values beyond the ends (the OCV's end
 * slope, the others' end values). Immutable.
 */
final class SocSegments {

    /** Where each curve's intercept a and slope b sit in a segment's {@link #LINES} doubles. */
    static final int OCV_BASE = 0;
    static final int OCV_DELTA = 2;
    static final int HYSTERESIS = 4;
    static final int HYSTERESIS_DELTA = 6;
    static final int R0_FACTOR = 8;
    static final int LINES = 10;

    /**
     * Two adjacent grid intervals whose slopes (per unit of SoC) differ by no more than this are one line: the
     * rounding of a straight run moves the slope by a few 1e-12; a bend of the shipped tables, by 1e-3 or more.
     */
    private static final double SAME_SLOPE = 1e-9;

    /** Segment s is [bounds[s], bounds[s + 1]): from −∞ to +∞. */
    private final double[] bounds;
    /** {@link #LINES} doubles per segment: a and b of each curve. */
    private final double[] lines;

    SocSegments(SocCurve ocvBase, SocCurve ocvDelta, SocCurve hysteresisVolts, SocCurve hysteresisDelta,
            SocCurve r0SocFactor) {
        SocCurve[] curves = {ocvBase, ocvDelta, hysteresisVolts, hysteresisDelta, r0SocFactor};
        // The grid points where a segment starts: 0, every bend of any curve, and 1.
        int[] starts = new int[SocCurve.INTERVALS + 1];
        int count = 0;
        starts[count++] = 0;
        for (int point = 1; point < SocCurve.INTERVALS; point++) {
            for (SocCurve curve : curves) {
                if (Math.abs(curve.slope(point) - curve.slope(point - 1)) > SAME_SLOPE) {
                    starts[count++] = point;
                    break;
                }
            }
        }
        starts[count++] = SocCurve.INTERVALS;
        // Segments: below 0, the runs between the starts, and from 1 on.
        int segments = count + 1;
        bounds = new double[segments + 1];
        lines = new double[segments * LINES];
        bounds[0] = Double.NEGATIVE_INFINITY;
        bounds[segments] = Double.POSITIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            bounds[k + 1] = (double) starts[k] / SocCurve.INTERVALS;
        }
        for (int c = 0; c < curves.length; c++) {
            SocCurve curve = curves[c];
            int offset = 2 * c;
            // Below 0: through the value at 0 with the slope beyond it.
            setLine(0, offset, curve.value(0), 0, curve.slope(-1));
            for (int k = 0; k + 1 < count; k++) {
                int from = starts[k];
                int to = starts[k + 1];
                double slope = (curve.value(to) - curve.value(from)) / ((double) (to - from) / SocCurve.INTERVALS);
                setLine(k + 1, offset, curve.value(from), (double) from / SocCurve.INTERVALS, slope);
            }
            setLine(segments - 1, offset, curve.value(SocCurve.INTERVALS), 1, curve.slope(SocCurve.INTERVALS));
        }
    }

    private void setLine(int segment, int offset, double valueAt, double soc, double slope) {
        lines[segment * LINES + offset] = valueAt - slope * soc;
        lines[segment * LINES + offset + 1] = slope;
    }

    /** The segment that holds SoC {@code z}; the last one for NaN. */
    int segmentOf(double z) {
        int found = Arrays.binarySearch(bounds, z);
        int segment = found >= 0 ? found : -found - 2;
        return Math.max(0, Math.min(bounds.length - 2, segment));
    }

    double lower(int segment) {
        return bounds[segment];
    }

    double upper(int segment) {
        return bounds[segment + 1];
    }

    /** The intercept a of curve {@code curve} ({@link #OCV_BASE} …) in segment {@code segment}. */
    double intercept(int segment, int curve) {
        return lines[segment * LINES + curve];
    }

    /** The slope b of curve {@code curve} in segment {@code segment}, per unit of SoC. */
    double slope(int segment, int curve) {
        return lines[segment * LINES + curve + 1];
    }

    int count() {
        return bounds.length - 1;
    }
}
