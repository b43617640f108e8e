package org.smallbms.sim.cell.fit;

import java.util.Locale;

/**
 * How far a model's voltage is from the measured one over a SoC window.
 *
 * @param rmsVolts the root mean square of the error
 * @param maxVolts the largest error either way
 * @param rows how many rows lay in the window
 */
public record FitError(double rmsVolts, double maxVolts, int rows) {

    /** "RMS 1.23 mV, max 4.56 mV over 3600 rows at SoC 0.10..0.90". */
    public String describe(double from, double to) {
        return String.format(Locale.ROOT, "RMS %.2f mV, max %.2f mV over %d rows at SoC %.2f..%.2f", rmsVolts * 1000,
                maxVolts * 1000, rows, from, to);
    }
}
