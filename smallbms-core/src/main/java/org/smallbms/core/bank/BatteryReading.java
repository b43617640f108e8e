package org.smallbms.core.bank;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one battery reported in one tick, as the BMS received it over the daisy chain.
 *
 * <p>Refused at construction when it cannot be a reading at all (a cell count that does not fit the model, a value
 * outside what the battery can measure); a physical fault inside those ranges is a valid reading the protection
 * acts on.
 *
 * @param serial the battery's serial number
 * @param model the battery model
 * @param firmwareVersion the battery's firmware version, for example {@code "v1.10"}
 * @param cellMillivolts each cell's voltage, in chain order (copied; never shared)
 * @param temperatureDeciCelsius the battery temperature
 * @param milliamps the battery current, positive when charging
 * @param millivolts the battery voltage at its own terminals
 * @param flags what the battery's own monitor reports
 */
public record BatteryReading(
        String serial,
        BatteryModel model,
        String firmwareVersion,
        int[] cellMillivolts,
        int temperatureDeciCelsius,
        int milliamps,
        int millivolts,
        BatteryFlags flags) {

    /** The highest cell voltage a battery reports. */
    public static final int MAX_CELL_MILLIVOLTS = 5_000;
    public static final int MIN_DECI_CELSIUS = -400;
    public static final int MAX_DECI_CELSIUS = 1_200;
    public static final int MAX_MILLIVOLTS = 80_000;
    public static final int MAX_ABS_MILLIAMPS = 5_000_000;

    public BatteryReading {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(cellMillivolts, "cellMillivolts");
        if (serial == null || serial.isEmpty() || serial.length() > 32 || !printableWithoutSpaces(serial)) {
            throw new IllegalArgumentException("serial = '" + serial
                    + "' must be 1..32 printable characters without spaces");
        }
        if (firmwareVersion == null || firmwareVersion.isBlank() || firmwareVersion.length() > 16) {
            throw new IllegalArgumentException("firmwareVersion = '" + firmwareVersion + "' must be 1..16 characters");
        }
        if (cellMillivolts.length != model.cells()) {
            throw new IllegalArgumentException("cellMillivolts has " + cellMillivolts.length + " cells; a "
                    + model.label() + " has " + model.cells());
        }
        cellMillivolts = cellMillivolts.clone();
        for (int i = 0; i < cellMillivolts.length; i++) {
            // The field's name is built only for the message: a reading arrives every second from every battery.
            if (cellMillivolts[i] < 0 || cellMillivolts[i] > MAX_CELL_MILLIVOLTS) {
                requireRange("cellMillivolts[" + i + "]", cellMillivolts[i], 0, MAX_CELL_MILLIVOLTS);
            }
        }
        requireRange("temperatureDeciCelsius", temperatureDeciCelsius, MIN_DECI_CELSIUS, MAX_DECI_CELSIUS);
        requireRange("milliamps", milliamps, -MAX_ABS_MILLIAMPS, MAX_ABS_MILLIAMPS);
        requireRange("millivolts", millivolts, 0, MAX_MILLIVOLTS);
    }

    private static boolean printableWithoutSpaces(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 32 || c >= 127) {
                return false;
            }
        }
        return true;
    }

    static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " = " + value + " is outside the allowed " + min + ".." + max);
        }
    }

    /** A copy of the cell voltages. */
    @Override
    public int[] cellMillivolts() {
        return cellMillivolts.clone();
    }

    public int cellCount() {
        return cellMillivolts.length;
    }

    /** One cell's voltage without copying the array. */
    public int cellMillivolts(int index) {
        return cellMillivolts[index];
    }

    public int minCellMillivolts() {
        int min = Integer.MAX_VALUE;
        for (int mv : cellMillivolts) {
            min = Math.min(min, mv);
        }
        return min;
    }

    public int maxCellMillivolts() {
        int max = Integer.MIN_VALUE;
        for (int mv : cellMillivolts) {
            max = Math.max(max, mv);
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatteryReading r
                && serial.equals(r.serial) && model == r.model && firmwareVersion.equals(r.firmwareVersion)
                && Arrays.equals(cellMillivolts, r.cellMillivolts)
                && temperatureDeciCelsius == r.temperatureDeciCelsius && milliamps == r.milliamps
                && millivolts == r.millivolts && flags.equals(r.flags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serial, model, firmwareVersion, Arrays.hashCode(cellMillivolts), temperatureDeciCelsius,
                milliamps, millivolts, flags);
    }

    @Override
    public String toString() {
        return "BatteryReading[" + serial + " " + model + " " + firmwareVersion + " cells="
                + Arrays.toString(cellMillivolts) + " mV, " + temperatureDeciCelsius + " d°C, " + milliamps + " mA, "
                + millivolts + " mV, flags=" + flags + "]";
    }
}
