package org.smallbms.core.protection;

import java.util.Locale;

/**
 * How causes and the rule table write a figure. Depends on nothing of the protection's, so any class may use it while
 * it is being set up (the facts' descriptions are made when {@link Fact} is).
 */
final class Figures {

    private Figures() {
    }

    static String volts(int millivolts) {
        return String.format(Locale.ROOT, "%.3f V", millivolts / 1000.0);
    }

    static String celsius(int deciCelsius) {
        return String.format(Locale.ROOT, "%.1f °C", deciCelsius / 10.0);
    }

    static String percent(int permille) {
        return String.format(Locale.ROOT, "%.1f %%", permille / 10.0);
    }
}
