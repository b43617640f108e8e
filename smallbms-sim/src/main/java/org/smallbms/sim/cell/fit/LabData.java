package org.smallbms.sim.cell.fit;

/**
 * A dynamic test as a cycler records it, one row per sample: the current of a row holds until the next row's time.
 *
 * @param seconds the time of each row, strictly increasing
 * @param amps the current, positive charging
 * @param volts the measured terminal voltage
 * @param celsius the cell temperature
 */
public record LabData(double[] seconds, double[] amps, double[] volts, double[] celsius) {

    public LabData {
        int n = seconds.length;
        if (n < 2 || amps.length != n || volts.length != n || celsius.length != n) {
            throw new IllegalArgumentException("lab data of " + n + " times, " + amps.length + " currents, "
                    + volts.length + " voltages and " + celsius.length + " temperatures: give at least two rows of "
                    + "each, as many of each");
        }
    }

    public int rows() {
        return seconds.length;
    }

    /**
     * The same test with every current smaller than {@code amps} either way taken as rest: a cycler's zero reads a
     * few tens of milliamperes of noise and offset, and each of their changes of sign would turn M0 round.
     */
    public LabData withRestBelow(double amps) {
        double[] rest = this.amps.clone();
        for (int k = 0; k < rest.length; k++) {
            if (Math.abs(rest[k]) < amps) {
                rest[k] = 0;
            }
        }
        return new LabData(seconds, rest, volts, celsius);
    }

    /** The mean temperature of the test. */
    public double meanCelsius() {
        double sum = 0;
        for (double c : celsius) {
            sum += c;
        }
        return sum / celsius.length;
    }
}
