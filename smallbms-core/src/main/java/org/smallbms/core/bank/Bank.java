package org.smallbms.core.bank;

import java.util.List;
import java.util.Objects;

/**
 * The bank the BMS detected on its daisy chain (TOP-01, TOP-04): read-only, "automatically configured and cannot be
 * changed". A bank that breaks a rule of TOP-05 is still described, so the battery page can show what was found;
 * {@link #violations()} then says which rules it breaks (E-B01).
 *
 * @param batteries the batteries in chain order
 * @param series batteries in series (string length)
 * @param parallel strings in parallel
 * @param violations the broken rules of TOP-05, each as a sentence; empty for a valid bank
 */
public record Bank(List<BankBattery> batteries, int series, int parallel, List<String> violations) {

    public Bank {
        batteries = List.copyOf(batteries);
        violations = List.copyOf(violations);
        if (series < 0 || parallel < 0) {
            throw new IllegalArgumentException("series = " + series + ", parallel = " + parallel
                    + ": counts are never negative");
        }
        Objects.requireNonNull(violations, "violations");
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    public int batteryCount() {
        return batteries.size();
    }

    /** The model of the first battery: the one the others must match. */
    public BatteryModel model() {
        return batteries.get(0).model();
    }

    /** Total number of cells in the bank. */
    public int cellCount() {
        int cells = 0;
        for (BankBattery battery : batteries) {
            cells += battery.model().cells();
        }
        return cells;
    }

    /** Cells in series from Bat- to Bat+: the divisor from bank voltage to cell voltage. */
    public int cellsInSeries() {
        return batteries.isEmpty() ? 0 : series * model().cells();
    }

    /** TOP-04: sum over the parallel strings of the string capacity. */
    public int capacityAmpHours() {
        return batteries.isEmpty() ? 0 : parallel * model().capacityAmpHours();
    }

    /** TOP-04: number in series × battery nominal voltage. */
    public int nominalMillivolts() {
        return batteries.isEmpty() ? 0 : series * model().nominalMillivolts();
    }

    /** The system voltage of a valid bank; null when the bank is not one of 12, 24, 48 V. */
    public SystemVoltage systemVoltage() {
        return SystemVoltage.ofNominal(nominalMillivolts());
    }

    /** Whether these readings are the same batteries, in the same order, as this bank. */
    public boolean hasSameMembers(List<BatteryReading> readings) {
        if (readings.size() != batteries.size()) {
            return false;
        }
        for (int i = 0; i < readings.size(); i++) {
            BatteryReading reading = readings.get(i);
            BankBattery battery = batteries.get(i);
            if (!reading.serial().equals(battery.serial()) || reading.model() != battery.model()
                    || !reading.firmwareVersion().equals(battery.firmwareVersion())) {
                return false;
            }
        }
        return true;
    }
}
