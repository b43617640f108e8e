package org.smallbms.core.monitor;

import java.util.List;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryReading;

/**
 * What the batteries of a valid bank report in one tick, summed up for the bank (MON-06): voltage, current and power
 * are those reported by the batteries, not measured by the BMS.
 *
 * <p>Batteries in series carry the same current and batteries in parallel add theirs, so the bank current is the sum
 * over the parallel strings of the string current. The chain does not tell which battery sits in which string, so the
 * bank current is the sum of all battery currents divided by the number in series: each string's current counted
 * once, each string's members averaged. Likewise the bank voltage is the sum of all battery voltages divided by the
 * number in parallel.
 *
 * @param capacityAmpHours the capacity of the bank these readings come from
 * @param bankMillivolts the bank voltage
 * @param bankMilliamps the bank current, positive when charging
 * @param minCellMillivolts the lowest cell in the bank
 * @param maxCellMillivolts the highest cell in the bank
 * @param minDeciCelsius the coldest battery
 * @param maxDeciCelsius the hottest battery
 */
public record Measurement(int capacityAmpHours, int bankMillivolts, int bankMilliamps, int minCellMillivolts,
        int maxCellMillivolts, int minDeciCelsius, int maxDeciCelsius) {

    public Measurement {
        if (capacityAmpHours <= 0) {
            throw new IllegalArgumentException("capacityAmpHours = " + capacityAmpHours + " must be positive: a "
                    + "measurement comes from a valid bank");
        }
        if (bankMillivolts < 0) {
            throw new IllegalArgumentException("bankMillivolts = " + bankMillivolts + " is never negative");
        }
        if (minCellMillivolts > maxCellMillivolts || minDeciCelsius > maxDeciCelsius) {
            throw new IllegalArgumentException("lowest above highest: cells " + minCellMillivolts + ".."
                    + maxCellMillivolts + " mV, temperatures " + minDeciCelsius + ".." + maxDeciCelsius + " d°C");
        }
    }

    /**
     * The bank's figures from a frame; empty unless every battery of this valid bank answered on a closed chain,
     * because a bank current summed over some of the batteries is not the bank current.
     */
    public static Optional<Measurement> of(BankFrame frame, Bank bank) {
        if (!bank.hasSameMembers(frame.batteries())) {
            return Optional.empty();
        }
        return ofMembers(frame, bank, Optional.empty());
    }

    /**
     * As {@link #of(BankFrame, Bank)} for a bank whose members the caller has already matched to the frame's
     * batteries (the device step's bank is the protection's when the same batteries answer, or one detected from
     * this very frame), so the serials are not compared again; and {@code previous} itself when the figures are
     * the same as in it: most ticks of a steady bank measure what the tick before measured, and the monitor keeps
     * the latest figures.
     *
     * @param members the bank, with the frame's batteries as its members in chain order
     * @param previous the latest figures the monitor holds; empty for none
     */
    public static Optional<Measurement> ofMembers(BankFrame frame, Bank members, Optional<Measurement> previous) {
        List<BatteryReading> readings = frame.batteries();
        if (!frame.isComplete() || !members.isValid() || members.series() == 0
                || readings.size() != members.batteryCount()) {
            return Optional.empty();
        }
        long sumMilliamps = 0;
        long sumMillivolts = 0;
        int minCell = Integer.MAX_VALUE;
        int maxCell = Integer.MIN_VALUE;
        int minTemp = Integer.MAX_VALUE;
        int maxTemp = Integer.MIN_VALUE;
        for (int i = 0; i < readings.size(); i++) {
            BatteryReading reading = readings.get(i);
            sumMilliamps += reading.milliamps();
            sumMillivolts += reading.millivolts();
            minCell = Math.min(minCell, reading.minCellMillivolts());
            maxCell = Math.max(maxCell, reading.maxCellMillivolts());
            minTemp = Math.min(minTemp, reading.temperatureDeciCelsius());
            maxTemp = Math.max(maxTemp, reading.temperatureDeciCelsius());
        }
        int capacityAmpHours = members.capacityAmpHours();
        int bankMillivolts = (int) roundedDivide(sumMillivolts, members.parallel());
        int bankMilliamps = (int) roundedDivide(sumMilliamps, members.series());
        if (previous.isPresent() && previous.get().is(capacityAmpHours, bankMillivolts, bankMilliamps, minCell,
                maxCell, minTemp, maxTemp)) {
            return previous;
        }
        return Optional.of(new Measurement(capacityAmpHours, bankMillivolts, bankMilliamps, minCell, maxCell,
                minTemp, maxTemp));
    }

    private boolean is(int capacity, int millivolts, int milliamps, int minCell, int maxCell, int minTemp,
            int maxTemp) {
        return capacityAmpHours == capacity && bankMillivolts == millivolts && bankMilliamps == milliamps
                && minCellMillivolts == minCell && maxCellMillivolts == maxCell && minDeciCelsius == minTemp
                && maxDeciCelsius == maxTemp;
    }

    /** MON-06: power = V × I, positive when charging. */
    public long milliwatts() {
        return (long) bankMillivolts * bankMilliamps / 1000;
    }

    /** The difference between the highest and the lowest cell of the bank. */
    public int cellSpreadMillivolts() {
        return maxCellMillivolts - minCellMillivolts;
    }

    /** {@code dividend / divisor} rounded half away from zero, for a positive divisor. */
    static long roundedDivide(long dividend, long divisor) {
        if (divisor == 1) {
            // One string, or one battery per string: no division (most banks, and every tick).
            return dividend;
        }
        long half = divisor / 2;
        return dividend >= 0 ? (dividend + half) / divisor : -((-dividend + half) / divisor);
    }
}
