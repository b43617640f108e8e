package org.smallbms.app.report;

/**
 * Fixed-point text for the time series, which writes a row per sample (half a million for a year at the default
 * minute): {@code String.format} spent more time on them than the simulation of the ticks between two rows.
 */
final class Decimals {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Decimals() {
    }

    /**
     * Appends {@code value} with {@code decimals} digits after the point (0..6), rounded half away from zero on the
     * double's value, as {@code %.Nf} prints it except that it never prints "-0.00" and, for a value within an ulp of
     * a tie, may round the other way. Not finite values and values beyond ±9e12 are printed by {@link Double#toString}.
     */
    static StringBuilder append(StringBuilder out, double value, int decimals) {
        long power = POWERS[decimals];
        double magnitude = Math.abs(value);
        if (!(magnitude < 9e12)) {
            return out.append(value);
        }
        long scaled = Math.round(magnitude * power);
        if (value < 0 && scaled != 0) {
            out.append('-');
        }
        out.append(scaled / power);
        if (decimals > 0) {
            out.append('.');
            String fraction = Long.toString(scaled % power);
            for (int i = fraction.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }
}
