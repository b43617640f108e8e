package org.smallbms.core.settings;

import org.smallbms.core.text.Figures;

/** The unit a setting's integer value is in, and how the app shows it. */
public enum Unit {
    /** Millivolts, shown in volts. */
    MILLIVOLTS("V", "mV"),
    /** Tenths of a percent of the bank capacity, shown in percent. */
    PERMILLE_OF_CAPACITY("%", "‰ of the bank capacity"),
    MINUTES("min", "minutes"),
    PERCENT("%", "%"),
    /** 1 for on, 0 for off. */
    ON_OFF("", "0 (off) or 1 (on)");

    private final String symbol;
    private final String valueUnit;

    Unit(String symbol, String valueUnit) {
        this.symbol = symbol;
        this.valueUnit = valueUnit;
    }

    /** The unit a value is given in, as a user types it: {@code "mV"}, {@code "minutes"}, … */
    public String valueUnit() {
        return valueUnit;
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
            case MILLIVOLTS -> Figures.number(value / 1000.0, step >= 100 ? 1 : 2);
            case PERMILLE_OF_CAPACITY -> Figures.number(value / 10.0, 1);
            case MINUTES, PERCENT -> Integer.toString(value);
            case ON_OFF -> value == 1 ? "On" : "Off";
        };
    }
}
