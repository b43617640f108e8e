package org.smallbms.sim.cell;

/**
 * A {@link CellParameters} set prepared for stepping: its SoC tables resampled once (see {@link SocCurve}), shared by
 * every cell of that type. Immutable.
 *
 * <p>The OCV at temperature T is {@code base(z) + weight(T) * delta(z)}: for a single table with dOCV/dT, base is the
 * table, delta is dOCV/dT and the weight is T − T_ref; for several tables, base and delta are the two tables around T
 * and their difference, and the weight the position of T between them.
 */
public final class CellModel {

    private final CellParameters parameters;
    private final SocCurve[] ocvBases;
    private final SocCurve[] ocvDeltas;
    private final SocCurve hysteresisVolts;
    private final SocCurve r0SocFactor;
    /** Per OCV bracket, the four curves a step reads, as straight segments. */
    private final SocSegments[] segments;

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
                Curve high = ocv.row(j + 1);
                double[] difference = high.y();
                double[] lowValues = low.y();
                for (int i = 0; i < difference.length; i++) {
                    difference[i] -= lowValues[i];
                }
                ocvBases[j] = new SocCurve(low, true);
                ocvDeltas[j] = new SocCurve(new Curve(low.x(), difference), true);
            }
        }
        hysteresisVolts = new SocCurve(parameters.hysteresisVolts(), false);
        r0SocFactor = new SocCurve(parameters.r0SocFactor(), false);
        segments = new SocSegments[ocvBases.length];
        for (int j = 0; j < segments.length; j++) {
            segments[j] = new SocSegments(ocvBases[j], ocvDeltas[j], hysteresisVolts, r0SocFactor);
        }
    }

    public static CellModel of(CellParameters parameters) {
        return new CellModel(parameters);
    }

    public CellParameters parameters() {
        return parameters;
    }

    /** Which pair of OCV curves applies at {@code kelvin}. */
    int ocvBracket(double kelvin) {
        OcvTable ocv = parameters.ocv();
        int bracket = 0;
        while (bracket < ocvBases.length - 1 && kelvin - 273.15 > ocv.rowCelsius(bracket + 1)) {
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
        double low = ocv.rowCelsius(bracket);
        double high = ocv.rowCelsius(bracket + 1);
        return Math.max(0, Math.min(1, (celsius - low) / (high - low)));
    }

    SocCurve ocvBase(int bracket) {
        return ocvBases[bracket];
    }

    SocCurve ocvDelta(int bracket) {
        return ocvDeltas[bracket];
    }

    /** The curves a step reads, for OCV bracket {@code bracket}, as straight segments. Shared and immutable. */
    SocSegments segments(int bracket) {
        return segments[bracket];
    }

    SocCurve hysteresisVolts() {
        return hysteresisVolts;
    }

    SocCurve r0SocFactor() {
        return r0SocFactor;
    }

    /** The open-circuit voltage at this SoC and temperature (for tests and tools; the step uses its own cache). */
    public double ocvVolts(double soc, double celsius) {
        double kelvin = celsius + 273.15;
        int bracket = ocvBracket(kelvin);
        return ocvBases[bracket].at(soc) + ocvWeight(bracket, kelvin) * ocvDeltas[bracket].at(soc);
    }
}
