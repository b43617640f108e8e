package org.smallbms.core.protection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.remote.Remote;
import org.smallbms.core.text.Figures;

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

    // The facts' bits as constants the compiler folds into the code that works them out every tick.
    private static final long POWER_LOW = Fact.POWER_LOW.bit();
    private static final long REMOTE_OFF = Fact.REMOTE_OFF.bit();
    private static final long MODE_OFF = Fact.MODE_OFF.bit();
    private static final long NO_BANK = Fact.NO_BANK.bit();
    private static final long NO_READINGS = Fact.NO_READINGS.bit();
    private static final long FLAG_CELL_HIGH = Fact.FLAG_CELL_HIGH.bit();
    private static final long FLAG_CELL_LOW = Fact.FLAG_CELL_LOW.bit();
    private static final long FLAG_CHARGE_LOW_TEMPERATURE = Fact.FLAG_CHARGE_LOW_TEMPERATURE.bit();
    private static final long FLAG_CHARGE_HIGH_TEMPERATURE = Fact.FLAG_CHARGE_HIGH_TEMPERATURE.bit();
    private static final long FIRMWARE_UPDATING = Fact.FIRMWARE_UPDATING.bit();
    private static final long FIRMWARE_FAILED = Fact.FIRMWARE_FAILED.bit();
    private static final long PRE_ALARM_LOW = Fact.PRE_ALARM_LOW.bit();
    private static final long PRE_ALARM_CLEAR = Fact.PRE_ALARM_CLEAR.bit();
    private static final long NO_READINGS_NO_BANK = Fact.NO_READINGS_NO_BANK.bit();
    private static final long DATA_MISSING = Fact.DATA_MISSING.bit();
    private static final long DATA_PRESENT = Fact.DATA_PRESENT.bit();
    private static final long CHAIN_CLOSED = Fact.CHAIN_CLOSED.bit();
    private static final long CHAIN_OPEN = Fact.CHAIN_OPEN.bit();
    private static final long SOC_AT_FLOOR = Fact.SOC_AT_FLOOR.bit();
    private static final long SOC_OFF_FLOOR = Fact.SOC_OFF_FLOOR.bit();
    private static final long SOC_AT_WARNING = Fact.SOC_AT_WARNING.bit();
    private static final long NO_VALID_BANK = Fact.NO_VALID_BANK.bit();
    private static final long BANK_LOW = Fact.BANK_LOW.bit();
    private static final long BANK_RECOVERED = Fact.BANK_RECOVERED.bit();
    private static final long BANK_EMERGENCY = Fact.BANK_EMERGENCY.bit();
    private static final long CELL_EMERGENCY = Fact.CELL_EMERGENCY.bit();
    private static final long BANK_INVALID = Fact.BANK_INVALID.bit();
    private static final long VBAT_NOT_ALLOWED = Fact.VBAT_NOT_ALLOWED.bit();
    private static final long HARDWARE_FAULT = Fact.HARDWARE_FAULT.bit();
    private static final long FLAG_CELL_PRE_ALARM = Fact.FLAG_CELL_PRE_ALARM.bit();
    private static final long SIGNAL_LOST = Fact.SIGNAL_LOST.bit();

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

    /**
     * Every {@link Fact} of one tick, as bits: worked out here once, in one pass, with the limits that define them,
     * and read by the rule table's rows. Allocates nothing: most ticks change nothing and build no {@link Reading}.
     */
    static long facts(BankFrame frame, ProtectionInputs inputs, Optional<Bank> bank, ProtectionState before,
            Instant now) {
        int minCell = Integer.MAX_VALUE;
        int flags = 0;
        List<BatteryReading> batteries = frame.batteries();
        for (int i = 0; i < batteries.size(); i++) {
            BatteryReading reading = batteries.get(i);
            minCell = Math.min(minCell, reading.minCellMillivolts());
            flags |= reading.flags().bits();
        }
        int vbat = frame.terminalMillivolts();
        boolean haveReadings = !batteries.isEmpty();
        int series = bank.isPresent() && bank.get().isValid() ? bank.get().cellsInSeries() : 0;
        boolean cellLow = has(flags, BatteryFlag.CELL_LOW_VOLTAGE);
        long f = 0;
        f |= bit(POWER_LOW, vbat < Limits.OPERATING_MIN_MILLIVOLTS);
        f |= bit(REMOTE_OFF, !Remote.isOn(frame.remote(), vbat));
        f |= bit(MODE_OFF, !inputs.modeOn());
        f |= bit(NO_BANK, bank.isEmpty());
        f |= bit(NO_READINGS, !haveReadings);
        f |= bit(FLAG_CELL_HIGH, has(flags, BatteryFlag.CELL_HIGH_VOLTAGE));
        f |= bit(FLAG_CELL_LOW, cellLow);
        f |= bit(FLAG_CHARGE_LOW_TEMPERATURE, has(flags, BatteryFlag.CHARGE_LOW_TEMPERATURE));
        f |= bit(FLAG_CHARGE_HIGH_TEMPERATURE, has(flags, BatteryFlag.CHARGE_HIGH_TEMPERATURE));
        f |= bit(FIRMWARE_UPDATING, before.firmware() == FirmwarePhase.UPDATING);
        f |= bit(FIRMWARE_FAILED, before.firmwareFailedAt() != null
                && !now.isBefore(before.firmwareFailedAt().plus(Limits.FIRMWARE_FAILED_GRACE)));
        int level = inputs.preAlarmCellMillivolts();
        int clear = level + Limits.PRE_ALARM_HYSTERESIS_MILLIVOLTS;
        f |= bit(PRE_ALARM_LOW, haveReadings && (minCell < level || cellLow)
                || series > 0 && vbat < level * series);
        f |= bit(PRE_ALARM_CLEAR, (!haveReadings || minCell >= clear && !cellLow)
                && (series == 0 || vbat >= clear * series));
        f |= bit(NO_READINGS_NO_BANK, !haveReadings && series == 0);
        boolean missing = batteries.size() < frame.chainNodes() || frame.chainNodes() == 0;
        f |= missing ? DATA_MISSING : DATA_PRESENT;
        f |= frame.chainClosed() ? CHAIN_CLOSED : CHAIN_OPEN;
        f |= bit(SIGNAL_LOST, missing || !frame.chainClosed());
        f |= bit(FLAG_CELL_PRE_ALARM, has(flags, BatteryFlag.CELL_PRE_ALARM));
        boolean socKnown = inputs.socKnown();
        int soc = inputs.socPermille();
        int floor = inputs.dischargeFloorPercent() * 10;
        f |= bit(SOC_AT_FLOOR, socKnown && floor > 0 && soc <= floor);
        f |= bit(SOC_OFF_FLOOR, !socKnown || floor == 0 || soc >= floor + Limits.LOW_SOC_ALARM_CLEAR_PERMILLE);
        int warning = inputs.lowSocWarningPercent() * 10;
        f |= bit(SOC_AT_WARNING, socKnown && warning > 0 && soc <= warning);
        f |= bit(NO_VALID_BANK, series == 0);
        f |= bit(BANK_LOW, series > 0 && vbat < Limits.LOW_BANK_VOLTAGE.set() * series);
        f |= bit(BANK_RECOVERED, series > 0 && vbat >= Limits.LOW_BANK_VOLTAGE.clear() * series);
        f |= bit(BANK_EMERGENCY, series > 0 && vbat < Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL * series);
        f |= bit(CELL_EMERGENCY, haveReadings && minCell < Limits.EMERGENCY_CELL.set());
        f |= bit(BANK_INVALID, bank.isPresent() && !bank.get().isValid());
        f |= bit(VBAT_NOT_ALLOWED, vbatNotAllowed(vbat, bank, batteries));
        f |= bit(HARDWARE_FAULT, !frame.selfTestPassed() || readbackFault(before.outputs(), frame.readback()));
        return f;
    }

    private static long bit(long fact, boolean holds) {
        return holds ? fact : 0;
    }

    private static boolean has(int flagBits, BatteryFlag flag) {
        return (flagBits & (1 << flag.ordinal())) != 0;
    }

    /**
     * TOP-07 (revised): Vbat outside 9..60 V, or Vbat more than 10 % away from the series voltage the batteries of a
     * valid bank report (the BMS is wired to another battery). Within 9..60 V there are no gaps between systems: a
     * deeply discharged 24 V bank at 17.5 V is low bank voltage (A-B08), not E-B09.
     */
    static boolean vbatNotAllowed(int vbat, Optional<Bank> bank, List<BatteryReading> batteries) {
        if (vbat < Limits.VBAT_MIN_MILLIVOLTS || vbat > Limits.VBAT_MAX_MILLIVOLTS) {
            return true;
        }
        long series = reportedSeriesMillivolts(bank, batteries);
        return series > 0 && Math.abs(vbat - series) * 100 > series * Limits.VBAT_MISMATCH_PERCENT;
    }

    /**
     * The series voltage the batteries of a valid bank report: the sum of their voltages over the strings in
     * parallel; 0 when the bank is not valid or not every member answers.
     */
    static long reportedSeriesMillivolts(Optional<Bank> bank, List<BatteryReading> batteries) {
        if (bank.isEmpty() || !bank.get().isValid() || bank.get().parallel() == 0
                || batteries.size() != bank.get().batteryCount()) {
            return 0;
        }
        long total = 0;
        for (int i = 0; i < batteries.size(); i++) {
            total += batteries.get(i).millivolts();
        }
        return total / bank.get().parallel();
    }

    /** An output driven high that reads back low: a short or an overload (E-B11). */
    static boolean readbackFault(Outputs commanded, OutputReadback readback) {
        return readback.measured()
                && (commanded.charge().isHigh() && !readback.chargeHigh()
                || commanded.load().isHigh() && !readback.loadHigh()
                || commanded.preAlarm().isHigh() && !readback.preAlarmHigh());
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
        return series == 0 ? "?" : Figures.millivoltsAsVolts(vbat() / series, 3);
    }
}
