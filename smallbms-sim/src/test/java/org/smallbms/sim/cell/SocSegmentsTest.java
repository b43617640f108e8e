package org.smallbms.sim.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The segments are the resampled curves cut where any of them bends: each segment's lines are the curves there. */
class SocSegmentsTest {

    private static final CellModel DEFAULT = CellModel.of(CellParameterFile.defaults());

    private static void assertLinesAreTheCurves(SocSegments segments, SocCurve[] curves) {
        int[] slots = {SocSegments.OCV_BASE, SocSegments.OCV_DELTA, SocSegments.HYSTERESIS,
                SocSegments.HYSTERESIS_DELTA,
                SocSegments.R0_FACTOR};
        for (int point = -200; point <= 2 * SocCurve.INTERVALS + 200; point++) {
            // Every grid point, every middle of an interval, and beyond both ends.
            double z = point / (2.0 * SocCurve.INTERVALS);
            int segment = segments.segmentOf(z);
            assertThat(z).isGreaterThanOrEqualTo(segments.lower(segment)).isLessThan(segments.upper(segment));
            for (int c = 0; c < curves.length; c++) {
                double line = segments.intercept(segment, slots[c]) + segments.slope(segment, slots[c]) * z;
                assertThat(line).as("curve %d at SoC %s", c, z).isCloseTo(curves[c].at(z), within(1e-12));
            }
        }
    }

    @Test
    void shippedCurves_everySegmentsLines_areTheCurves() {
        SocCurve[] curves = {DEFAULT.ocvBase(0), DEFAULT.ocvDelta(0), DEFAULT.hysteresisVolts(0),
                DEFAULT.hysteresisDelta(0),
                DEFAULT.r0SocFactor()};
        SocSegments segments = DEFAULT.segments(0);
        assertLinesAreTheCurves(segments, curves);
        // Cut at the knots only: a few dozen segments, not one per grid interval.
        assertThat(segments.count()).isBetween(10, 60);
    }

    @Test
    void knotBetweenGridPoints_theGridsCurveStill() {
        // A user's knot at SoC 0.12345 lies inside a grid interval: the grid cuts its corner, and so do the segments.
        Curve bent = new Curve(new double[] {0, 0.12345, 1}, new double[] {2.5, 3.2, 3.4});
        SocCurve curve = new SocCurve(bent, true);
        SocCurve flat = new SocCurve(new Curve(new double[] {0, 1}, new double[] {0, 0}), false);
        SocCurve[] curves = {curve, flat, flat, flat, flat};
        assertLinesAreTheCurves(new SocSegments(curve, flat, flat, flat, flat), curves);
    }

    @Test
    void segmentOf_theEndsAndNaN_haveASegment() {
        SocSegments segments = DEFAULT.segments(0);
        assertThat(segments.segmentOf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(segments.segmentOf(0)).isEqualTo(1);
        assertThat(segments.segmentOf(Double.POSITIVE_INFINITY)).isEqualTo(segments.count() - 1);
        assertThat(segments.segmentOf(1)).isEqualTo(segments.count() - 1);
        assertThat(segments.segmentOf(Double.NaN)).isEqualTo(segments.count() - 1);
    }
}
