package org.smallbms.sim.cell.fit;

import java.util.SplittableRandom;
import org.smallbms.sim.cell.FastCell;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellVariation;

/**
 * A dynamic test of a known cell, as a cycler would record it: a seeded, varied profile of discharge and charge
 * pulses and rests at 1 s, which takes the cell from near full down to about 15 % and back, and the recorded
 * columns with sensor noise and offsets on top. For checking {@link CellFit} against figures it must find, and for
 * its benchmark.
 *
 * @param seconds how long the test runs, at one row a second
 * @param voltsNoise the standard deviation of the voltage noise
 * @param voltsOffset the voltage sensor's offset
 * @param ampsNoise the standard deviation of the current noise
 * @param ampsOffset the current sensor's offset
 * @param celsiusNoise the standard deviation of the temperature noise
 */
public record SyntheticTest(int seconds, double voltsNoise, double voltsOffset, double ampsNoise, double ampsOffset,
        double celsiusNoise) {

    /** A good lab's sensors: 1 mV and 50 mA of noise, 0.5 mV and 30 mA of offset, 0.1 K. */
    public static SyntheticTest lab(int seconds) {
        return new SyntheticTest(seconds, 0.001, 0.0005, 0.05, 0.03, 0.1);
    }

    /**
     * Steps a cell of {@code model} at {@code celsius} from {@code initialSoc} through the profile of
     * {@code seed} and records it with noise. The cell is the {@link FastCell} the fit replays, so the recorded
     * figures (and the fits of them in the tests and in docs/cell-model.md) stay as they were.
     */
    public LabData record(CellModel model, double celsius, double initialSoc, long seed) {
        double capacity = model.parameters().capacityAmpHours().at(celsius);
        double[] amps = profile(capacity, seed);
        SplittableRandom noise = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int n = amps.length;
        double[] time = new double[n];
        double[] measuredAmps = new double[n];
        double[] volts = new double[n];
        double[] temperature = new double[n];
        FastCell cell = new FastCell(model, CellVariation.NONE, initialSoc, celsius);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                cell.step(amps[k - 1], 1);
            }
            time[k] = k;
            volts[k] = cell.terminalVolts(amps[k]) + voltsOffset + voltsNoise * noise.nextGaussian();
            measuredAmps[k] = amps[k] + ampsOffset + ampsNoise * noise.nextGaussian();
            temperature[k] = celsius + celsiusNoise * noise.nextGaussian();
        }
        return new LabData(time, measuredAmps, volts, temperature);
    }

    /**
     * The true current of each second: pulses of 30 s to 15 min at −1C to +0.8C and rests, drawn so the cell
     * discharges over the first half and charges over the second.
     */
    double[] profile(double capacity, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] amps = new double[seconds];
        double[] rates = {-1.0, -0.5, -0.2, -0.05, 0, 0, 0.1, 0.3, 0.5, 0.8};
        int k = 0;
        double net = 0;
        while (k < seconds) {
            int length = 30 + random.nextInt(870);
            double rate = rates[random.nextInt(rates.length)];
            // Lean to discharge in the first half and to charge in the second: about 0.75 of the capacity each way,
            // and cut a pulse short that would take the cell more than 0.1 from that path.
            if (net > wanted(k) + 0.05 && rate > 0 || net < wanted(k) - 0.05 && rate < 0) {
                rate = -rate;
            }
            for (int i = 0; i < length && k < seconds; i++, k++) {
                if (rate < 0 && net < wanted(k) - 0.1 || rate > 0 && net > wanted(k) + 0.1) {
                    break;
                }
                amps[k] = rate * capacity;
                net += rate / 3600;
            }
        }
        return amps;
    }

    /** The charge taken out by second {@code k}, in capacities, that the profile leans to. */
    private double wanted(int k) {
        int half = seconds / 2;
        return k < half ? -0.75 * k / half : -0.75 + 0.75 * (k - half) / (double) half;
    }
}
