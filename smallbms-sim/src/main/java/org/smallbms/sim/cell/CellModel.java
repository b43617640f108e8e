package org.smallbms.sim.cell;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A {@link CellParameters} set prepared for stepping: its SoC tables resampled once (see {@link SocCurve}), shared by
 * every cell of that type. Immutable.
 *
 * <p>The OCV at temperature T is {@code base(z) + weight(T) * delta(z)}: for a single table with dOCV/dT, base is the
 * table, delta is dOCV/dT and the weight is T − T_ref; for several tables, base and delta are the two tables around T
 * and their difference, and the weight the position of T between them. The hysteresis M is the same: one curve, or
 * the two curves around T and their difference. The temperature brackets are those of the OCV tables and of the M
 * curves together, so that within a bracket both are one base and one delta.
 */
public final class CellModel {

    private final CellParameters parameters;
    private final SocCurve[] ocvBases;
    private final SocCurve[] ocvDeltas;
    private final SocCurve[] hysteresisBases;
    private final SocCurve[] hysteresisDeltas;
    private final SocCurve r0SocFactor;
    /** The temperatures where a bracket ends: those of the OCV tables and the M curves, from cold to warm. */
    private final double[] knots;
    /** Per bracket, the OCV bracket and the M bracket it lies in. */
    private final int[] ocvOf;
    private final int[] hysteresisOf;
    /** Per bracket, the curves a step reads, as straight segments. */
    private final SocSegments[] segments;
    private final boolean followsTemperature;

    private CellModel(CellParameters parameters) {
        this.parameters = parameters;
        OcvTable ocv = parameters.ocv();
        if (ocv.rows() == 1) {
            ocvBases = new SocCurve[] {new SocCurve(ocv.row(0), true)};
            ocvDeltas = new SocCurve[] {new SocCurve(ocv.voltsPerKelvin(), false)};
        } else {
            int brackets = ocv.rows() - 1;
            ocvBases = new SocCurve[brackets];
            ocvDeltas = new SocCurve[brackets];
            for (int j = 0; j < brackets; j++) {
                Curve low = ocv.row(j);
                ocvBases[j] = new SocCurve(low, true);
                ocvDeltas[j] = new SocCurve(difference(low, ocv.row(j + 1)), true);
            }
        }
        CurveByTemperature m = parameters.hysteresisVolts();
        if (m.rows() == 1) {
            hysteresisBases = new SocCurve[] {new SocCurve(m.curves().get(0), false)};
            hysteresisDeltas = new SocCurve[] {new SocCurve(Curve.constant(0), false)};
        } else {
            hysteresisBases = new SocCurve[m.rows() - 1];
            hysteresisDeltas = new SocCurve[m.rows() - 1];
            for (int j = 0; j < hysteresisBases.length; j++) {
                hysteresisBases[j] = new SocCurve(m.curves().get(j), false);
                hysteresisDeltas[j] = new SocCurve(difference(m.curves().get(j), m.curves().get(j + 1)), false);
            }
        }
        r0SocFactor = new SocCurve(parameters.r0SocFactor(), false);
        TreeSet<Double> temperatures = new TreeSet<>();
        if (ocv.rows() > 1) {
            Arrays.stream(ocv.celsius()).forEach(temperatures::add);
        }
        if (m.rows() > 1) {
            Arrays.stream(m.celsius()).forEach(temperatures::add);
        }
        knots = temperatures.stream().mapToDouble(Double::doubleValue).toArray();
        int brackets = Math.max(1, knots.length - 1);
        ocvOf = new int[brackets];
        hysteresisOf = new int[brackets];
        segments = new SocSegments[brackets];
        for (int j = 0; j < brackets; j++) {
            double middle = knots.length < 2 ? 25 : (knots[j] + knots[j + 1]) / 2;
            ocvOf[j] = ocv.rows() == 1 ? 0 : bracketOf(ocv.celsius(), middle);
            hysteresisOf[j] = m.rows() == 1 ? 0 : bracketOf(m.celsius(), middle);
            segments[j] = new SocSegments(ocvBases[ocvOf[j]], ocvDeltas[ocvOf[j]], hysteresisBases[hysteresisOf[j]],
                    hysteresisDeltas[hysteresisOf[j]], r0SocFactor);
        }
        followsTemperature = parameters.followsTemperature();
    }

    /** {@code high − low}, on low's points. */
    private static Curve difference(Curve low, Curve high) {
        double[] difference = high.y();
        double[] lowValues = low.y();
        for (int i = 0; i < difference.length; i++) {
            difference[i] -= lowValues[i];
        }
        return new Curve(low.x(), difference);
    }

    /** The bracket of {@code celsius} between rows {@code rows}: the last whose lower end is below it. */
    private static int bracketOf(double[] rows, double celsius) {
        int bracket = 0;
        while (bracket < rows.length - 2 && celsius > rows[bracket + 1]) {
            bracket++;
        }
        return bracket;
    }

    public static CellModel of(CellParameters parameters) {
        return new CellModel(parameters);
    }

    public CellParameters parameters() {
        return parameters;
    }

    /** Whether figures other than the OCV and the scaled resistances follow temperature. */
    boolean followsTemperature() {
        return followsTemperature;
    }

    /** Which bracket of the curves applies at {@code kelvin}. */
    int ocvBracket(double kelvin) {
        int bracket = 0;
        while (bracket < segments.length - 1 && kelvin - 273.15 > knots[bracket + 1]) {
            bracket++;
        }
        return bracket;
    }

    double ocvWeight(int bracket, double kelvin) {
        OcvTable ocv = parameters.ocv();
        double celsius = kelvin - 273.15;
        if (ocv.rows() == 1) {
            return celsius - ocv.rowCelsius(0);
        }
        int row = ocvOf[bracket];
        double low = ocv.rowCelsius(row);
        double high = ocv.rowCelsius(row + 1);
        return Math.max(0, Math.min(1, (celsius - low) / (high - low)));
    }

    /** The position of {@code kelvin} between the M curves of bracket {@code bracket}: 0 for a single curve. */
    double hysteresisWeight(int bracket, double kelvin) {
        CurveByTemperature m = parameters.hysteresisVolts();
        if (m.rows() == 1) {
            return 0;
        }
        int row = hysteresisOf[bracket];
        double low = m.rowCelsius(row);
        double high = m.rowCelsius(row + 1);
        return Math.max(0, Math.min(1, (kelvin - 273.15 - low) / (high - low)));
    }

    SocCurve ocvBase(int bracket) {
        return ocvBases[ocvOf[bracket]];
    }

    SocCurve ocvDelta(int bracket) {
        return ocvDeltas[ocvOf[bracket]];
    }

    /** The curves a step reads, for bracket {@code bracket}, as straight segments. Shared and immutable. */
    SocSegments segments(int bracket) {
        return segments[bracket];
    }

    SocCurve hysteresisVolts(int bracket) {
        return hysteresisBases[hysteresisOf[bracket]];
    }

    SocCurve hysteresisDelta(int bracket) {
        return hysteresisDeltas[hysteresisOf[bracket]];
    }

    SocCurve r0SocFactor() {
        return r0SocFactor;
    }

    /** The open-circuit voltage at this SoC and temperature (for tests and tools; the step uses its own cache). */
    public double ocvVolts(double soc, double celsius) {
        double kelvin = celsius + 273.15;
        int bracket = ocvBracket(kelvin);
        return ocvBase(bracket).at(soc) + ocvWeight(bracket, kelvin) * ocvDelta(bracket).at(soc);
    }

    /** M at this SoC and temperature (for tests and tools). */
    public double hysteresisVolts(double soc, double celsius) {
        double kelvin = celsius + 273.15;
        int bracket = ocvBracket(kelvin);
        return hysteresisVolts(bracket).at(soc) + hysteresisWeight(bracket, kelvin) * hysteresisDelta(bracket).at(soc);
    }
}
