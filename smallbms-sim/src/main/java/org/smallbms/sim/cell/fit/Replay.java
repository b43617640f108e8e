package org.smallbms.sim.cell.fit;

import org.smallbms.sim.cell.FastCell;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellVariation;

/**
 * One cell stepped through lab data as {@code smallbms cell replay} steps it: each row's voltage is the terminal
 * voltage with that row's current applied, after the previous row's current has flowed until this row's time; the
 * temperature follows the data's, set when it moves by more than 0.01 K (as a battery sets its cells'). On the fast
 * path, a {@link FastCell}: a fit replays the data tens of times, and the reference cell it is tested against would
 * take several times as long.
 *
 * @param volts the model's voltage at each row
 * @param soc the model's SoC at each row
 */
public record Replay(double[] volts, double[] soc) {

    /** A move of the temperature smaller than this leaves the cell's figures as they were. */
    static final double CELSIUS_STEP = 0.01;

    /** Replays {@code data} on a cell of {@code model} starting at {@code initialSoc}, at rest. */
    public static Replay of(CellModel model, LabData data, double initialSoc) {
        double[] seconds = data.seconds();
        double[] amps = data.amps();
        double[] celsius = data.celsius();
        int n = data.rows();
        double[] volts = new double[n];
        double[] soc = new double[n];
        FastCell cell = new FastCell(model, CellVariation.NONE, initialSoc, celsius[0]);
        double cellCelsius = celsius[0];
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                cell.step(amps[k - 1], seconds[k] - seconds[k - 1]);
            }
            if (Math.abs(celsius[k] - cellCelsius) > CELSIUS_STEP) {
                cellCelsius = celsius[k];
                cell.setCelsius(cellCelsius);
            }
            volts[k] = cell.terminalVolts(amps[k]);
            soc[k] = cell.soc();
        }
        return new Replay(volts, soc);
    }

    /** The error against the measured voltage over the rows whose model SoC lies within {@code from..to}. */
    public FitError errorAgainst(double[] measured, double from, double to) {
        double sum = 0;
        double max = 0;
        int count = 0;
        for (int k = 0; k < volts.length; k++) {
            if (soc[k] >= from && soc[k] <= to) {
                double e = volts[k] - measured[k];
                sum += e * e;
                max = Math.max(max, Math.abs(e));
                count++;
            }
        }
        return new FitError(count == 0 ? Double.NaN : Math.sqrt(sum / count), count == 0 ? Double.NaN : max, count);
    }
}
