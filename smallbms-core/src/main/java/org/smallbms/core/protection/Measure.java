package org.smallbms.core.protection;

import java.util.List;
import java.util.Locale;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryReading;

/**
 * The figures of one tick that causes are written from. Built only when something changes, so a steady tick does
 * not pay for it.
 */
record Measure(BankFrame frame, int minCellMillivolts, int maxCellMillivolts, int minDeciCelsius, int maxDeciCelsius) {

    static Measure of(BankFrame frame) {
        int minCell = Integer.MAX_VALUE;
        int maxCell = Integer.MIN_VALUE;
        int minTemp = Integer.MAX_VALUE;
        int maxTemp = Integer.MIN_VALUE;
        for (BatteryReading reading : frame.batteries()) {
            minCell = Math.min(minCell, reading.minCellMillivolts());
            maxCell = Math.max(maxCell, reading.maxCellMillivolts());
            minTemp = Math.min(minTemp, reading.temperatureDeciCelsius());
            maxTemp = Math.max(maxTemp, reading.temperatureDeciCelsius());
        }
        return new Measure(frame, minCell, maxCell, minTemp, maxTemp);
    }

    /** The serials of the batteries that report this flag, or "none". */
    String batteriesWith(BatteryFlag flag) {
        StringBuilder serials = new StringBuilder();
        for (BatteryReading reading : frame.batteries()) {
            if (reading.flags().has(flag)) {
                serials.append(serials.length() == 0 ? "" : ", ").append(reading.serial());
            }
        }
        return serials.length() == 0 ? "none" : serials.toString();
    }

    /** The serial of the battery with the lowest cell. */
    String batteryWithLowestCell() {
        List<BatteryReading> batteries = frame.batteries();
        for (BatteryReading reading : batteries) {
            if (reading.minCellMillivolts() == minCellMillivolts) {
                return reading.serial();
            }
        }
        return "?";
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
