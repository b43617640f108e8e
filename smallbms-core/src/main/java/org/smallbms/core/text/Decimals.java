package org.smallbms.core.text;

/**
 * Fixed-point text for the time series, which writes a row per sample (half a million for a year at the default
 * minute), and for `cell replay`, a row per profile row: {@code String.format} spent more time on them than the
 * simulation of the ticks between two rows.
 */
public final class Decimals {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Decimals() {
    }

    /**
     * Appends {@code value} with {@code decimals} digits after the point (0..6), rounded half away from zero on the
     * double's value, as {@code %.Nf} prints it except that it never prints "-0.00" and, for a value within an ulp of
     * a tie, may round the other way. Not finite values and values beyond ±9e12 are printed by {@link Double#toString}.
     */
    public static StringBuilder append(StringBuilder out, double value, int decimals) {
        long power = POWERS[decimals];
        double magnitude = Math.abs(value);
        if (!(magnitude < 9e12)) {
            return out.append(value);
        }
        long scaled = Math.round(magnitude * power);
        return appendUnits(out, value < 0 && scaled != 0, scaled, decimals);
    }

    /**
     * Appends {@code value} exactly as {@code String.format(Locale.ROOT, "%.Nf", value)} prints it, for N =
     * {@code decimals} (0..6): that rounds the double's shortest decimal form half up, which rounding the double itself
     * agrees with unless the value lies within a hair of a tie; there, and for values too large to tell, it asks
     * {@code String.format}. A property test holds the two to the same text.
     */
    public static StringBuilder appendAsFormat(StringBuilder out, double value, int decimals) {
        long power = POWERS[decimals];
        double scaled = Math.abs(value) * power;
        // Below 1e9 the product's rounding error and the shortest form's distance from the double are far below the
        // margin kept from a tie.
        if (!(scaled < 1e9)) {
            return out.append(String.format(java.util.Locale.ROOT, "%." + decimals + "f", value));
        }
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) < 1e-6) {
            return out.append(String.format(java.util.Locale.ROOT, "%." + decimals + "f", value));
        }
        long units = (long) floor + (fraction > 0.5 ? 1 : 0);
        // %.Nf keeps the sign of a negative value (and of -0.0) even when it rounds to zero.
        return appendUnits(out, value < 0 || value == 0 && 1 / value < 0, units, decimals);
    }

    /** Appends {@code units} of 10^-decimals, with a minus sign when {@code negative}. */
    private static StringBuilder appendUnits(StringBuilder out, boolean negative, long units, int decimals) {
        long power = POWERS[decimals];
        if (negative) {
            out.append('-');
        }
        out.append(units / power);
        if (decimals > 0) {
            out.append('.');
            String digits = Long.toString(units % power);
            for (int i = digits.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        return out;
    }
}
