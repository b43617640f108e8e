package org.smallbms.core.text;

/**
 * A figure with its unit, as every text of the device writes it: the number to a caller's decimals (0..6), a space,
 * the symbol: {@code 3.275 V}, {@code -12.5 A}, {@code 21.5 °C}, {@code 87.3 %}. The number is
 * {@code String.format(Locale.ROOT, "%.Nf")}'s text of the same double, to the character (see
 * {@link Decimals#appendAsFormat}).
 *
 * <p>The core counts in integers of a smaller unit ({@code cellMillivolts}, {@code milliamps}, {@code deciCelsius},
 * {@code socPermille}); the {@code ...As...} forms divide by the same constant the helpers they replace divided by,
 * so the double, and with it the text, is the one those helpers wrote.
 */
public final class Figures {

    private static final String VOLTS = " V";
    private static final String AMPS = " A";
    private static final String CELSIUS = " °C";
    private static final String PERCENT = " %";
    private static final double MILLI = 1000.0;
    private static final double DECI = 10.0;
    private static final int MAX_DECIMALS = 6;

    private Figures() {
    }

    /** {@code volts} to {@code decimals}: {@code volts(13.254, 2)} is {@code "13.25 V"}. */
    public static String volts(double volts, int decimals) {
        return figure(volts, decimals, VOLTS);
    }

    /** {@code amps} to {@code decimals}: {@code amps(-2.25, 1)} is {@code "-2.3 A"}. */
    public static String amps(double amps, int decimals) {
        return figure(amps, decimals, AMPS);
    }

    /**
     * {@code amps} to {@code decimals} with a sign either way, as {@code %+.Nf} writes it: {@code "+1.5 A"},
     * {@code "-0.2 A"}, and {@code "+0.0 A"} for no current; for a status line, where charge and discharge read
     * apart at a glance.
     */
    public static String signedAmps(double amps, int decimals) {
        String number = number(amps, decimals);
        return (number.startsWith("-") || Double.isNaN(amps) ? "" : "+") + number + AMPS;
    }

    /** {@code celsius} to {@code decimals}: {@code celsius(21.54, 1)} is {@code "21.5 °C"}. */
    public static String celsius(double celsius, int decimals) {
        return figure(celsius, decimals, CELSIUS);
    }

    /** {@code percent} to {@code decimals}: {@code percent(87.25, 1)} is {@code "87.3 %"}. */
    public static String percent(double percent, int decimals) {
        return figure(percent, decimals, PERCENT);
    }

    /** A millivolt count in volts: {@code millivoltsAsVolts(3275, 3)} is {@code "3.275 V"}. */
    public static String millivoltsAsVolts(long millivolts, int decimals) {
        return volts(millivolts / MILLI, decimals);
    }

    /** A milliamp count in amps: {@code milliampsAsAmps(-12_500, 1)} is {@code "-12.5 A"}. */
    public static String milliampsAsAmps(long milliamps, int decimals) {
        return amps(milliamps / MILLI, decimals);
    }

    /** A count of tenths of a degree in degrees: {@code deciCelsiusAsCelsius(215, 1)} is {@code "21.5 °C"}. */
    public static String deciCelsiusAsCelsius(int deciCelsius, int decimals) {
        return celsius(deciCelsius / DECI, decimals);
    }

    /**
     * A temperature threshold as a rule names it: whole degrees when it is whole ({@code 50 °C}, {@code -5 °C}), else
     * to the tenth ({@code 2.5 °C}). A threshold is a round figure from a manual; a reading is not, and is written
     * with {@link #deciCelsiusAsCelsius} to a fixed tenth.
     */
    public static String deciCelsiusAsLevel(int deciCelsius) {
        return deciCelsius % 10 == 0 ? deciCelsius / 10 + CELSIUS : deciCelsiusAsCelsius(deciCelsius, 1);
    }

    /** Tenths of a percent in percent: {@code permilleAsPercent(873, 1)} is {@code "87.3 %"}. */
    public static String permilleAsPercent(int permille, int decimals) {
        return percent(permille / DECI, decimals);
    }

    private static String figure(double value, int decimals, String unit) {
        return number(value, decimals) + unit;
    }

    /**
     * The number alone, as the figures write it: for a range whose unit is written once at its end
     * ({@code "13.2..14.6 V"}, {@code "0.3–1.4 A"}).
     */
    public static String number(double value, int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals = " + decimals + " is outside the allowed 0.." + MAX_DECIMALS);
        }
        return Decimals.appendAsFormat(new StringBuilder(), value, decimals).toString();
    }
}
