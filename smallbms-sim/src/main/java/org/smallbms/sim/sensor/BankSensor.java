package org.smallbms.sim.sensor;

import java.util.ArrayList;
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
        List<Battery> batteries = bank.batteries();
        List<BatteryReading> readings = new ArrayList<>(batteries.size());
        for (Battery battery : batteries) {
            if (!faults.silentSerials().contains(battery.serial())) {
                readings.add(reading(battery));
            }
        }
        int terminalMillivolts = clamp(Math.round(bank.terminalVolts() * 1000), 0,
                BankFrame.MAX_TERMINAL_MILLIVOLTS);
        return new BankFrame(readings, batteries.size(), !faults.open(), terminalMillivolts, remote, readback, true);
    }

    /** One battery's report, quantised. */
    public static BatteryReading reading(Battery battery) {
        int[] cellMillivolts = new int[battery.cellCount()];
        for (int i = 0; i < cellMillivolts.length; i++) {
            cellMillivolts[i] = clamp(Math.round(battery.cellVolts(i) * 1000), 0, BatteryReading.MAX_CELL_MILLIVOLTS);
        }
        return new BatteryReading(
                battery.serial(),
                battery.model(),
                battery.firmwareVersion(),
                cellMillivolts,
                clamp(Math.round(battery.celsius() * 10), BatteryReading.MIN_DECI_CELSIUS,
                        BatteryReading.MAX_DECI_CELSIUS),
                clamp(Math.round(battery.amps() * 1000), -BatteryReading.MAX_ABS_MILLIAMPS,
                        BatteryReading.MAX_ABS_MILLIAMPS),
                clamp(Math.round(battery.volts() * 1000), 0, BatteryReading.MAX_MILLIVOLTS),
                battery.flags());
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
