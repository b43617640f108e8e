package org.smallbms.core.protection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryReading;

/**
 * What the rules read in one tick, worked out once: the frame summed up in one pass over the batteries (the extreme
 * cells and temperatures, the flags any battery reports), with the bank, the user's inputs and the state before the
 * step. The rules decide from it and the causes are written from it, so a cause names the very figures that decided.
 *
 * @param frame what the BMS read
 * @param inputs the settings and SoC that bear on the protection
 * @param bank the bank the frame comes from
 * @param before the state before the step (after power-up, if the step powered the BMS up)
 * @param now the time of the step
 * @param minCellMillivolts the lowest cell; {@link Integer#MAX_VALUE} without readings
 * @param maxCellMillivolts the highest cell; {@link Integer#MIN_VALUE} without readings
 * @param minDeciCelsius the coldest battery
 * @param maxDeciCelsius the hottest battery
 * @param flags the flags any battery reports, as bits
 * @param series the cells in series of a valid bank, for Vbat per cell (CODE-07); 0 when the bank is not valid
 */
record Reading(BankFrame frame, ProtectionInputs inputs, Optional<Bank> bank, ProtectionState before, Instant now,
        int minCellMillivolts, int maxCellMillivolts, int minDeciCelsius, int maxDeciCelsius, int flags, int series) {

    static Reading of(BankFrame frame, ProtectionInputs inputs, Optional<Bank> bank, ProtectionState before,
            Instant now) {
        int minCell = Integer.MAX_VALUE;
        int maxCell = Integer.MIN_VALUE;
        int minTemp = Integer.MAX_VALUE;
        int maxTemp = Integer.MIN_VALUE;
        int flags = 0;
        List<BatteryReading> batteries = frame.batteries();
        for (int i = 0; i < batteries.size(); i++) {
            BatteryReading reading = batteries.get(i);
            minCell = Math.min(minCell, reading.minCellMillivolts());
            maxCell = Math.max(maxCell, reading.maxCellMillivolts());
            minTemp = Math.min(minTemp, reading.temperatureDeciCelsius());
            maxTemp = Math.max(maxTemp, reading.temperatureDeciCelsius());
            flags |= reading.flags().bits();
        }
        int series = bank.isPresent() && bank.get().isValid() ? bank.get().cellsInSeries() : 0;
        return new Reading(frame, inputs, bank, before, now, minCell, maxCell, minTemp, maxTemp, flags, series);
    }

    int vbat() {
        return frame.terminalMillivolts();
    }

    boolean haveReadings() {
        return !frame.batteries().isEmpty();
    }

    /** Whether any battery reports {@code flag}. */
    boolean flag(BatteryFlag flag) {
        return (flags & (1 << flag.ordinal())) != 0;
    }

    /** A battery on the chain without valid data, or none on it at all (CODE-02, CODE-05). */
    boolean dataMissing() {
        return frame.batteries().size() < frame.chainNodes() || frame.chainNodes() == 0;
    }

    /** Vbat below {@code perCellMillivolts} for each cell in series of a valid bank; false without one. */
    boolean vbatPerCellBelow(int perCellMillivolts) {
        return series > 0 && vbat() < perCellMillivolts * series;
    }

    /** Vbat at or above {@code perCellMillivolts} for each cell in series, or no valid bank to tell. */
    boolean vbatPerCellAtLeast(int perCellMillivolts) {
        return series == 0 || vbat() >= perCellMillivolts * series;
    }

    /** Whether the SoC rules apply: only while the SoC is known (PROT-09). */
    boolean socRules() {
        return inputs.socKnown();
    }

    /** The serials of the batteries that report {@code flag}, or "none". */
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
        for (BatteryReading reading : frame.batteries()) {
            if (reading.minCellMillivolts() == minCellMillivolts) {
                return reading.serial();
            }
        }
        return "?";
    }

    /** Vbat per cell in series, for a cause; "?" without a valid bank. */
    String perCell() {
        return series == 0 ? "?" : volts(vbat() / series);
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
