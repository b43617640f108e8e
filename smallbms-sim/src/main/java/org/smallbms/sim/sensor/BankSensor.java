package org.smallbms.sim.sensor;

import java.util.Arrays;
import java.util.List;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.remote.RemoteTerminal;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.battery.Battery;

/**
 * What the BMS reads in one tick: each battery's report, quantised once from the physics into the integers the
 * batteries send (cell millivolts, deciCelsius, milliamps, battery millivolts, flags), and the state of the daisy
 * chain with its faults. The remote terminal and the output readback come from the wiring around the BMS.
 *
 * <p>Quantisation rounds to the nearest unit and clamps to what a battery can report (the ranges of
 * {@link BatteryReading}), so a simulated fault beyond a sensor's range reads as the sensor's end of scale.
 */
public final class BankSensor {

    private BankSensor() {
    }

    /** The frame of a whole chain, remote wire loop fitted, outputs not read back. */
    public static BankFrame read(BatteryBank bank) {
        return read(bank, ChainFaults.NONE, RemoteTerminal.WIRE_LOOP, OutputReadback.NOT_MEASURED);
    }

    /** The frame with these chain faults, remote wire loop fitted, outputs not read back. */
    public static BankFrame read(BatteryBank bank, ChainFaults faults) {
        return read(bank, faults, RemoteTerminal.WIRE_LOOP, OutputReadback.NOT_MEASURED);
    }

    /**
     * The frame of this tick.
     *
     * @param bank the batteries, in chain order
     * @param faults which batteries do not answer and whether the loop is open
     * @param remote the remote terminal as wired
     * @param readback the BMS outputs as read back
     */
    public static BankFrame read(BatteryBank bank, ChainFaults faults, RemoteTerminal remote,
            OutputReadback readback) {
        return read(bank, faults, remote, readback, null);
    }

    /**
     * The frame of this tick, reusing what has not changed since {@code previous}: a battery whose quantised values
     * all read the same gives the same reading, and when every reading and the rest of the frame are the same, the
     * frame is {@code previous} itself. Equal to {@link #read(BatteryBank, ChainFaults, RemoteTerminal,
     * OutputReadback)} in every value; a reading is immutable, so sharing it is safe.
     *
     * @param previous the frame this method returned the tick before for the same bank; null for none
     */
    public static BankFrame read(BatteryBank bank, ChainFaults faults, RemoteTerminal remote,
            OutputReadback readback, BankFrame previous) {
        List<Battery> batteries = bank.batteries();
        List<BatteryReading> before = previous == null ? List.of() : previous.batteries();
        BatteryReading[] readings = new BatteryReading[batteries.size()];
        int count = 0;
        boolean same = previous != null;
        for (Battery battery : batteries) {
            if (!faults.silentSerials().contains(battery.serial())) {
                BatteryReading last = count < before.size() ? before.get(count) : null;
                BatteryReading reading = reading(battery, last);
                same &= reading == last;
                readings[count++] = reading;
            }
        }
        int terminalMillivolts = clamp(Math.round(bank.terminalVolts() * 1000), 0,
                BankFrame.MAX_TERMINAL_MILLIVOLTS);
        boolean chainClosed = !faults.open();
        if (same && count == before.size() && previous.chainNodes() == batteries.size()
                && previous.chainClosed() == chainClosed && previous.terminalMillivolts() == terminalMillivolts
                && previous.remote().equals(remote) && previous.readback().equals(readback)
                && previous.selfTestPassed()) {
            return previous;
        }
        List<BatteryReading> answered = List.of(count == readings.length ? readings : Arrays.copyOf(readings, count));
        return new BankFrame(answered, batteries.size(), chainClosed, terminalMillivolts, remote, readback, true);
    }

    /** One battery's report, quantised. */
    public static BatteryReading reading(Battery battery) {
        int[] cellMillivolts = new int[battery.cellCount()];
        for (int i = 0; i < cellMillivolts.length; i++) {
            cellMillivolts[i] = cellMillivolts(battery, i);
        }
        return new BatteryReading(battery.serial(), battery.model(), battery.firmwareVersion(), cellMillivolts,
                deciCelsius(battery), milliamps(battery), millivolts(battery), battery.flags());
    }

    /** One battery's report, quantised: {@code last} itself when every value reads the same as in it. */
    private static BatteryReading reading(Battery battery, BatteryReading last) {
        if (last == null || !last.serial().equals(battery.serial()) || last.model() != battery.model()
                || !last.firmwareVersion().equals(battery.firmwareVersion())
                || last.temperatureDeciCelsius() != deciCelsius(battery) || last.milliamps() != milliamps(battery)
                || last.millivolts() != millivolts(battery) || !last.flags().equals(battery.flags())
                || last.cellCount() != battery.cellCount()) {
            return reading(battery);
        }
        for (int i = 0; i < last.cellCount(); i++) {
            if (last.cellMillivolts(i) != cellMillivolts(battery, i)) {
                return reading(battery);
            }
        }
        return last;
    }

    private static int cellMillivolts(Battery battery, int index) {
        return clamp(Math.round(battery.cellVolts(index) * 1000), 0, BatteryReading.MAX_CELL_MILLIVOLTS);
    }

    private static int deciCelsius(Battery battery) {
        return clamp(Math.round(battery.celsius() * 10), BatteryReading.MIN_DECI_CELSIUS,
                BatteryReading.MAX_DECI_CELSIUS);
    }

    private static int milliamps(Battery battery) {
        return clamp(Math.round(battery.amps() * 1000), -BatteryReading.MAX_ABS_MILLIAMPS,
                BatteryReading.MAX_ABS_MILLIAMPS);
    }

    private static int millivolts(Battery battery) {
        return clamp(Math.round(battery.volts() * 1000), 0, BatteryReading.MAX_MILLIVOLTS);
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
