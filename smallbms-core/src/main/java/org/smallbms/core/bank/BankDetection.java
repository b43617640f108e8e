package org.smallbms.core.bank;

import java.util.ArrayList;
import java.util.List;
import org.smallbms.core.text.Figures;

/**
 * Detects the bank from the batteries on the chain (TOP-01) and checks it against TOP-03 and TOP-05.
 *
 * <p>The chain tells the BMS which batteries there are, not how they are wired. <em>Decision:</em> the number in
 * series is the BMS terminal voltage divided by the mean battery voltage, rounded; the number in parallel is the
 * battery count divided by that. A count that does not divide evenly is a bank of unequal strings. Detection runs
 * when the members change, not every tick, so a load transient cannot re-wire the bank.
 */
public final class BankDetection {

    /** TOP-03: at most 50 batteries of 12.8 V or 25.6 V. */
    public static final int MAX_BATTERIES = 50;
    /** TOP-03: at most 25 batteries of 51.2 V. */
    public static final int MAX_BATTERIES_51V2 = 25;
    /** TOP-05: a series voltage above 48 V nominal is not allowed. */
    public static final int MAX_SERIES_NOMINAL_MILLIVOLTS = 51_200;

    private BankDetection() {
    }

    /** Detects the bank of the smallBMS NG (Lithium NG batteries only) from one complete frame's readings. */
    public static Bank detect(List<BatteryReading> readings, int terminalMillivolts) {
        List<BankBattery> batteries = new ArrayList<>(readings.size());
        for (BatteryReading reading : readings) {
            batteries.add(BankBattery.of(reading));
        }
        if (readings.isEmpty()) {
            return new Bank(batteries, 0, 0, List.of("No batteries found on the BMS cable: connect the battery "
                    + "BMS cables to both BMS ports."));
        }
        List<String> violations = new ArrayList<>();
        BatteryModel first = readings.get(0).model();
        long sumMillivolts = 0;
        for (BatteryReading reading : readings) {
            sumMillivolts += reading.millivolts();
        }
        for (BatteryReading reading : readings) {
            if (reading.model().family() != BatteryFamily.LITHIUM_NG) {
                violations.add("Battery " + reading.serial() + " is a " + reading.model().label()
                        + ": the smallBMS NG works with Lithium NG batteries only.");
                break;
            }
        }
        for (BatteryReading reading : readings) {
            if (reading.model().nominalMillivolts() != first.nominalMillivolts()) {
                violations.add("Mixed nominal voltages: " + reading.serial() + " is "
                        + Figures.millivoltsAsVolts(reading.model().nominalMillivolts(), 1) + ", "
                        + readings.get(0).serial() + " is " + Figures.millivoltsAsVolts(first.nominalMillivolts(), 1)
                        + ". All batteries must be the same model.");
                break;
            }
        }
        for (BatteryReading reading : readings) {
            if (reading.model().capacityAmpHours() != first.capacityAmpHours()) {
                violations.add("Mixed capacities: " + reading.serial() + " is " + reading.model().capacityAmpHours()
                        + " Ah, " + readings.get(0).serial() + " is " + first.capacityAmpHours()
                        + " Ah. All batteries must be the same model.");
                break;
            }
        }
        int limit = first.cells() == 16 ? MAX_BATTERIES_51V2 : MAX_BATTERIES;
        if (readings.size() > limit) {
            violations.add("Too many batteries: " + readings.size() + " found, at most " + limit + " of "
                    + Figures.millivoltsAsVolts(first.nominalMillivolts(), 1) + " are allowed.");
        }
        long meanMillivolts = sumMillivolts / readings.size();
        int series = meanMillivolts == 0 ? 0 : (int) Math.round((double) terminalMillivolts / meanMillivolts);
        int parallel = series == 0 ? 0 : readings.size() / series;
        if (series == 0) {
            violations.add("Bank voltage " + Figures.millivoltsAsVolts(terminalMillivolts, 1)
                    + " does not fit any series connection of the batteries at "
                    + Figures.millivoltsAsVolts((int) meanMillivolts, 1) + ": check the battery wiring.");
        } else if (readings.size() % series != 0) {
            violations.add("Unequal string lengths: " + readings.size() + " batteries cannot form strings of "
                    + series + " in series. Every parallel string must have the same number of batteries.");
        } else {
            int seriesNominal = series * first.nominalMillivolts();
            if (seriesNominal > MAX_SERIES_NOMINAL_MILLIVOLTS) {
                violations.add("Series voltage " + Figures.millivoltsAsVolts(seriesNominal, 1)
                        + " nominal is above the 48 V system the BMS allows (" + series + " in series).");
            } else if (SystemVoltage.ofNominal(seriesNominal) == null) {
                violations.add("Series voltage " + Figures.millivoltsAsVolts(seriesNominal, 1)
                        + " nominal is not a 12, 24 or 48 V system (" + series + " in series).");
            }
        }
        return new Bank(batteries, series, parallel, violations);
    }
}
