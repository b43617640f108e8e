package org.smallbms.sim.cell;

import java.util.Arrays;
import java.util.List;

/**
 * A curve over SoC that may follow temperature (the hysteresis M): one curve, or one curve per temperature on the
 * same SoC points, linear between the temperatures and held at the coldest and warmest beyond them.
 *
 * @param celsius the temperature of each curve, strictly increasing; empty for a single curve (copied)
 * @param curves the curves, all on the same x; one for a single curve
 */
public record CurveByTemperature(double[] celsius, List<Curve> curves) {

    public CurveByTemperature {
        celsius = celsius.clone();
        curves = List.copyOf(curves);
        if (curves.isEmpty() || (celsius.length != 0 && celsius.length != curves.size())) {
            throw new IllegalArgumentException(celsius.length + " temperatures and " + curves.size()
                    + " curves: give one curve, or one curve per temperature");
        }
        for (Curve c : curves) {
            if (!Arrays.equals(c.x(), curves.get(0).x())) {
                throw new IllegalArgumentException("curves on different points: " + curves);
            }
        }
    }

    /** A single curve, the same at every temperature. */
    public static CurveByTemperature of(Curve curve) {
        return new CurveByTemperature(new double[0], List.of(curve));
    }

    @Override
    public double[] celsius() {
        return celsius.clone();
    }

    public boolean isTable() {
        return celsius.length > 0;
    }

    /** Whether the curve changes with temperature. */
    public boolean varies() {
        return curves.size() > 1;
    }

    int rows() {
        return curves.size();
    }

    /** The temperature of curve {@code index}; 25 °C for a single curve, which holds at every temperature. */
    double rowCelsius(int index) {
        return celsius.length == 0 ? 25 : celsius[index];
    }

    /** The curve at {@code celsius}: linear between the curves, held beyond the ends. */
    public Curve at(double celsius) {
        if (curves.size() == 1) {
            return curves.get(0);
        }
        double[] x = curves.get(0).x();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] column = new double[curves.size()];
            for (int t = 0; t < column.length; t++) {
                column[t] = curves.get(t).valueAt(x[i]);
            }
            y[i] = new Curve(this.celsius, column).valueAt(celsius);
        }
        return new Curve(x, y);
    }

    /** Every value times {@code factor}. */
    public CurveByTemperature timesY(double factor) {
        return new CurveByTemperature(celsius, curves.stream().map(c -> c.timesY(factor)).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurveByTemperature t && Arrays.equals(celsius, t.celsius) && curves.equals(t.curves);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(celsius) + curves.hashCode();
    }

    @Override
    public String toString() {
        return isTable() ? "CurveByTemperature[celsius=" + Arrays.toString(celsius) + ", curves=" + curves + "]"
                : curves.get(0).toString();
    }
}
