package org.smallbms.core.bank;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one battery reported in one tick, as the BMS received it over the daisy chain. Immutable: the cell voltages
 * are copied in and out, never shared with a caller.
 *
 * <p>Refused at construction when it cannot be a reading at all (a cell count that does not fit the model, a value
 * outside what the battery can measure); a physical fault inside those ranges is a valid reading the protection
 * acts on.
 *
 * <p>A battery reports every second, so the next reading of the same battery ({@link #next(int, int, int,
 * BatteryFlags)}, {@link #next(int[], int, int, int, BatteryFlags)}) checks only what is new: the serial, model and
 * firmware, and the cells when they have not changed, are this reading's.
 */
public final class BatteryReading {

    /** The highest cell voltage a battery reports. */
    public static final int MAX_CELL_MILLIVOLTS = 5_000;
    public static final int MIN_DECI_CELSIUS = -400;
    public static final int MAX_DECI_CELSIUS = 1_200;
    public static final int MAX_MILLIVOLTS = 80_000;
    public static final int MAX_ABS_MILLIAMPS = 5_000_000;

    private final String serial;
    private final BatteryModel model;
    private final String firmwareVersion;
    private final int[] cellMillivolts;
    // The extreme cells, found once for each array of cells: the BMS asks for them every tick, for every battery.
    private final int minCellMillivolts;
    private final int maxCellMillivolts;
    private final int temperatureDeciCelsius;
    private final int milliamps;
    private final int millivolts;
    private final BatteryFlags flags;

    /**
     * @param serial the battery's serial number
     * @param model the battery model
     * @param firmwareVersion the battery's firmware version, for example {@code "v1.10"}
     * @param cellMillivolts each cell's voltage, in chain order (copied; never shared)
     * @param temperatureDeciCelsius the battery temperature
     * @param milliamps the battery current, positive when charging
     * @param millivolts the battery voltage at its own terminals
     * @param flags what the battery's own monitor reports
     * @throws IllegalArgumentException naming the value that cannot be a reading and the range it must be in
     */
    public BatteryReading(String serial, BatteryModel model, String firmwareVersion, int[] cellMillivolts,
            int temperatureDeciCelsius, int milliamps, int millivolts, BatteryFlags flags) {
        requireValues(temperatureDeciCelsius, milliamps, millivolts);
        this.serial = requireSerial(serial);
        this.model = Objects.requireNonNull(model, "model");
        this.firmwareVersion = requireFirmware(firmwareVersion);
        this.cellMillivolts = checkedCopy(cellMillivolts, model);
        this.minCellMillivolts = min(this.cellMillivolts);
        this.maxCellMillivolts = max(this.cellMillivolts);
        this.temperatureDeciCelsius = temperatureDeciCelsius;
        this.milliamps = milliamps;
        this.millivolts = millivolts;
        this.flags = Objects.requireNonNull(flags, "flags");
    }

    /**
     * The next reading of {@code battery}'s battery: its serial, model and firmware, cells already checked, with
     * their extremes.
     */
    private BatteryReading(BatteryReading battery, int[] cellMillivolts, int minCellMillivolts, int maxCellMillivolts,
            int temperatureDeciCelsius, int milliamps, int millivolts, BatteryFlags flags) {
        requireValues(temperatureDeciCelsius, milliamps, millivolts);
        this.serial = battery.serial;
        this.model = battery.model;
        this.firmwareVersion = battery.firmwareVersion;
        this.cellMillivolts = cellMillivolts;
        this.minCellMillivolts = minCellMillivolts;
        this.maxCellMillivolts = maxCellMillivolts;
        this.temperatureDeciCelsius = temperatureDeciCelsius;
        this.milliamps = milliamps;
        this.millivolts = millivolts;
        this.flags = Objects.requireNonNull(flags, "flags");
    }

    /**
     * The same battery's next reading with the same cell voltages.
     *
     * @throws IllegalArgumentException as the constructor, for a value out of range
     */
    public BatteryReading next(int temperatureDeciCelsius, int milliamps, int millivolts, BatteryFlags flags) {
        return new BatteryReading(this, cellMillivolts, minCellMillivolts, maxCellMillivolts, temperatureDeciCelsius,
                milliamps, millivolts, flags);
    }

    /**
     * The same battery's next reading with new cell voltages (copied; never shared).
     *
     * @throws IllegalArgumentException as the constructor, for a value out of range or a cell count that is not
     *     the model's
     */
    public BatteryReading next(int[] cellMillivolts, int temperatureDeciCelsius, int milliamps, int millivolts,
            BatteryFlags flags) {
        int[] cells = checkedCopy(cellMillivolts, model);
        return new BatteryReading(this, cells, min(cells), max(cells), temperatureDeciCelsius, milliamps, millivolts,
                flags);
    }

    private static void requireValues(int temperatureDeciCelsius, int milliamps, int millivolts) {
        requireRange("temperatureDeciCelsius", temperatureDeciCelsius, MIN_DECI_CELSIUS, MAX_DECI_CELSIUS);
        requireRange("milliamps", milliamps, -MAX_ABS_MILLIAMPS, MAX_ABS_MILLIAMPS);
        requireRange("millivolts", millivolts, 0, MAX_MILLIVOLTS);
    }

    private static String requireSerial(String serial) {
        if (serial == null || serial.isEmpty() || serial.length() > 32 || !printableWithoutSpaces(serial)) {
            throw new IllegalArgumentException("serial = '" + serial
                    + "' must be 1..32 printable characters without spaces");
        }
        return serial;
    }

    private static String requireFirmware(String firmwareVersion) {
        if (firmwareVersion == null || firmwareVersion.isBlank() || firmwareVersion.length() > 16) {
            throw new IllegalArgumentException("firmwareVersion = '" + firmwareVersion + "' must be 1..16 characters");
        }
        return firmwareVersion;
    }

    private static int[] checkedCopy(int[] cellMillivolts, BatteryModel model) {
        Objects.requireNonNull(cellMillivolts, "cellMillivolts");
        if (cellMillivolts.length != model.cells()) {
            throw new IllegalArgumentException("cellMillivolts has " + cellMillivolts.length + " cells; a "
                    + model.label() + " has " + model.cells());
        }
        int[] copy = cellMillivolts.clone();
        for (int i = 0; i < copy.length; i++) {
            // The field's name is built only for the message: a reading arrives every second from every battery.
            if (copy[i] < 0 || copy[i] > MAX_CELL_MILLIVOLTS) {
                requireRange("cellMillivolts[" + i + "]", copy[i], 0, MAX_CELL_MILLIVOLTS);
            }
        }
        return copy;
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

    /** The battery's serial number. */
    public String serial() {
        return serial;
    }

    public BatteryModel model() {
        return model;
    }

    /** The battery's firmware version, for example {@code "v1.10"}. */
    public String firmwareVersion() {
        return firmwareVersion;
    }

    /** The battery temperature. */
    public int temperatureDeciCelsius() {
        return temperatureDeciCelsius;
    }

    /** The battery current, positive when charging. */
    public int milliamps() {
        return milliamps;
    }

    /** The battery voltage at its own terminals. */
    public int millivolts() {
        return millivolts;
    }

    /** What the battery's own monitor reports. */
    public BatteryFlags flags() {
        return flags;
    }

    /** A copy of the cell voltages, in chain order. */
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
        return minCellMillivolts;
    }

    public int maxCellMillivolts() {
        return maxCellMillivolts;
    }

    private static int min(int[] cells) {
        int min = Integer.MAX_VALUE;
        for (int mv : cells) {
            min = Math.min(min, mv);
        }
        return min;
    }

    private static int max(int[] cells) {
        int max = Integer.MIN_VALUE;
        for (int mv : cells) {
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
