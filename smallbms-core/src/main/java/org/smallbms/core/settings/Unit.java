package org.smallbms.core.settings;

import java.util.Locale;

/** The unit a setting's integer value is in, and how the app shows it. */
public enum Unit {
    /** Millivolts, shown in volts. */
    MILLIVOLTS("V"),
    /** Tenths of a percent of the bank capacity, shown in percent. */
    PERMILLE_OF_CAPACITY("%"),
    MINUTES("min"),
    PERCENT("%"),
    /** 1 for on, 0 for off. */
    ON_OFF(""),
    /** Six digits, leading zeros kept. */
    DIGITS("");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * The value as the app shows it, with its unit.
     *
     * @param step the setting's step, which decides the decimals shown for volts
     */
    String format(int value, int step) {
        return symbol.isEmpty() ? number(value, step) : number(value, step) + " " + symbol;
    }

    /** The value as the app shows it, without its unit. */
    String number(int value, int step) {
        return switch (this) {
            case MILLIVOLTS -> String.format(Locale.ROOT, step >= 100 ? "%.1f" : "%.2f", value / 1000.0);
            case PERMILLE_OF_CAPACITY -> String.format(Locale.ROOT, "%.1f", value / 10.0);
            case MINUTES, PERCENT -> Integer.toString(value);
            case ON_OFF -> value == 1 ? "On" : "Off";
            case DIGITS -> String.format(Locale.ROOT, "%06d", value);
        };
    }
}
