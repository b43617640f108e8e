package org.smallbms.sim.cell;

import java.util.Arrays;

/**
 * A figure of a cell parameter set that may follow temperature: a plain number, or a table of values at
 * temperatures, linear between them and held at the coldest and warmest beyond them.
 *
 * <p>A plain number has no temperatures ({@link #isTable()} false): for a resistance it is the value at 25 °C, which
 * the file's {@code resistance.temperature} scales. A table is the figure itself at each temperature, scaled by
 * nothing.
 *
 * @param celsius the temperatures of the table, strictly increasing; empty for a plain number (copied)
 * @param values one value per temperature; one value for a plain number (copied)
 */
public record ByTemperature(double[] celsius, double[] values) {

    public ByTemperature {
        celsius = celsius.clone();
        values = values.clone();
        if (values.length == 0 || (celsius.length != 0 && celsius.length != values.length)) {
            throw new IllegalArgumentException(celsius.length + " temperatures and " + values.length
                    + " values: give one value, or one value per temperature");
        }
    }

    /** A plain number. */
    public static ByTemperature of(double value) {
        return new ByTemperature(new double[0], new double[] {value});
    }

    /** A table of {@code values} at {@code celsius}. */
    public static ByTemperature table(double[] celsius, double[] values) {
        return new ByTemperature(celsius, values);
    }

    /**
     * A figure checked as a user's: each value within {@code min..max}, the temperatures as {@link #checkCelsius}
     * says. The message names {@code field} for a number and {@code field.values[i]} in a table.
     */
    static ByTemperature checked(String field, ByTemperature figure, double min, double max, String fix) {
        if (!figure.isTable()) {
            CellParameterException.checkRange(field, figure.values[0], min, max, fix);
            return figure;
        }
        checkCelsius(field, figure.celsius, figure.values.length);
        for (int i = 0; i < figure.values.length; i++) {
            CellParameterException.checkRange(field + ".values[" + i + "]", figure.values[i], min, max, fix);
        }
        return figure;
    }

    /** A table's temperatures: at least one, −60..100 °C, strictly increasing, one per value. */
    static void checkCelsius(String field, double[] celsius, int values) {
        CellParameterException.check(celsius.length >= 1, field + ".celsius", Arrays.toString(celsius), "is empty",
                "give at least one temperature, or write the figure as a plain number");
        CellParameterException.check(celsius.length == values, field + ".values", values + " values",
                "does not match the " + celsius.length + " entries of " + field + ".celsius",
                "give one value per temperature");
        for (int i = 0; i < celsius.length; i++) {
            CellParameterException.checkRange(field + ".celsius[" + i + "]", celsius[i], -60, 100,
                    "give the temperature in °C");
            if (i > 0) {
                CellParameterException.check(celsius[i] > celsius[i - 1], field + ".celsius[" + i + "]", celsius[i],
                        "is not above the previous entry " + celsius[i - 1], "list the temperatures from cold to warm");
            }
        }
    }

    @Override
    public double[] celsius() {
        return celsius.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Whether the figure is a table of temperatures (even of one), rather than a plain number. */
    public boolean isTable() {
        return celsius.length > 0;
    }

    /** Whether the figure changes with temperature: a table of two values or more. */
    public boolean varies() {
        return values.length > 1;
    }

    /** The value at {@code celsius}: a plain number's value itself; in a table, linear, held beyond the ends. */
    public double at(double celsius) {
        if (values.length == 1) {
            return values[0];
        }
        return new Curve(this.celsius, values).valueAt(celsius);
    }

    /** The same figure with every value multiplied by {@code factor}. */
    public ByTemperature times(double factor) {
        double[] scaled = values.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= factor;
        }
        return new ByTemperature(celsius, scaled);
    }

    /** The same figure with every value divided by {@code divisor}. */
    public ByTemperature dividedBy(double divisor) {
        double[] scaled = values.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] /= divisor;
        }
        return new ByTemperature(celsius, scaled);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByTemperature t && Arrays.equals(celsius, t.celsius) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(celsius) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return isTable() ? "ByTemperature[celsius=" + Arrays.toString(celsius) + ", values=" + Arrays.toString(values)
                + "]" : Double.toString(values[0]);
    }
}
