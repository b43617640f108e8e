package org.smallbms.sim.cell;

import java.util.Arrays;

/**
 * A piecewise-linear table y(x), held constant beyond its first and last points.
 *
 * @param x the breakpoints, strictly increasing (copied)
 * @param y the value at each breakpoint (copied)
 */
public record Curve(double[] x, double[] y) {

    public Curve {
        x = x.clone();
        y = y.clone();
    }

    /** A copy of the breakpoints. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** A copy of the values. */
    @Override
    public double[] y() {
        return y.clone();
    }

    /**
     * A curve checked as a user's table: equal lengths, at least one point, finite, x strictly increasing and within
     * {@code minX..maxX}, y within {@code minY..maxY}. {@code field} names the table in the file.
     */
    static Curve checked(String field, String xName, double[] x, String yName, double[] y, double minX, double maxX,
            double minY, double maxY) {
        CellParameterException.check(x.length >= 1, field + "." + xName, Arrays.toString(x), "is empty",
                "give at least one point");
        CellParameterException.check(x.length == y.length, field + "." + yName, y.length + " values",
                "does not match the " + x.length + " entries of " + field + "." + xName,
                "give one value per " + xName + " entry");
        for (int i = 0; i < x.length; i++) {
            CellParameterException.checkRange(field + "." + xName + "[" + i + "]", x[i], minX, maxX,
                    "keep " + xName + " within the table's range");
            if (i > 0) {
                CellParameterException.check(x[i] > x[i - 1], field + "." + xName + "[" + i + "]", x[i],
                        "is not above the previous entry " + x[i - 1], "list " + xName + " in increasing order");
            }
            CellParameterException.checkRange(field + "." + yName + "[" + i + "]", y[i], minY, maxY,
                    "check the unit of " + yName);
        }
        return new Curve(x, y);
    }

    /** A curve of one constant value. */
    public static Curve constant(double value) {
        return new Curve(new double[] {0}, new double[] {value});
    }

    /** The value at {@code at}: linear between breakpoints, constant beyond the ends. */
    public double valueAt(double at) {
        if (at <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (at >= x[last]) {
            return y[last];
        }
        int i = Arrays.binarySearch(x, at);
        if (i >= 0) {
            return y[i];
        }
        int upper = -i - 1;
        int lower = upper - 1;
        double f = (at - x[lower]) / (x[upper] - x[lower]);
        return y[lower] + f * (y[upper] - y[lower]);
    }

    /** The same curve with every y multiplied by {@code factor}. */
    public Curve timesY(double factor) {
        double[] scaled = y.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= factor;
        }
        return new Curve(x, scaled);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Curve[x=" + Arrays.toString(x) + ", y=" + Arrays.toString(y) + "]";
    }
}
