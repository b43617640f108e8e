package org.smallbms.sim.sensor;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
 *
 * <p>A sensor of one bank remembers the frame it gave last. A frame is a value, and most ticks every battery reports
 * what it reported the tick before: the sensor then gives that same frame again, and a battery that reads as before
 * keeps its reading. So a reader can tell "nothing changed since the last frame" by {@code frame == last}, without
 * comparing; it never has to, since a frame built anew with the same readings is equal to it. {@link #frames()}
 * counts the frames that differed from the one before. The static methods read without a memory.
 *
 * <p>Mutable (the memory), with one owner: the system that reads its bank with it.
 */
public final class BankSensor {

    private final BatteryBank bank;
    private BankFrame last;
    private long frames;

    /** A sensor on {@code bank}, with no frame yet. */
    public BankSensor(BatteryBank bank) {
        this.bank = bank;
    }

    /**
     * The frame of this tick, with Vbat read by {@link #terminalMillivolts(BatteryBank)} in this tick (the remote
     * terminal may depend on it): the last frame itself when every value reads the same.
     */
    public BankFrame read(int terminalMillivolts, ChainFaults faults, RemoteTerminal remote,
            OutputReadback readback) {
        BankFrame frame = read(bank, terminalMillivolts, faults, remote, readback, last);
        if (frame != last) {
            last = frame;
            frames++;
        }
        return frame;
    }

    /** How many frames this sensor gave that differed from the one before: the sequence number of the last. */
    public long frames() {
        return frames;
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
        return read(bank, terminalMillivolts(bank), faults, remote, readback, null);
    }

    /**
     * The frame of this tick, reusing what has not changed since {@code previous}: a battery whose quantised values
     * all read the same gives the same reading, and when every reading and the rest of the frame are the same, the
     * frame is {@code previous} itself. Equal to a frame read without {@code previous} in every value; a reading is
     * immutable, so sharing it is safe.
     *
     * @param previous the frame this method returned the tick before for the same bank; null for none
     */
    private static BankFrame read(BatteryBank bank, int terminalMillivolts, ChainFaults faults,
            RemoteTerminal remote, OutputReadback readback, BankFrame previous) {
        List<Battery> batteries = bank.batteries();
        List<BatteryReading> before = previous == null ? List.of() : previous.batteries();
        Set<String> silent = faults.silentSerials();
        // Built only once a reading differs from the last frame's: most ticks reuse every reading.
        BatteryReading[] readings = null;
        int count = 0;
        for (int b = 0; b < batteries.size(); b++) {
            Battery battery = batteries.get(b);
            if (!silent.isEmpty() && silent.contains(battery.serial())) {
                continue;
            }
            BatteryReading last = count < before.size() ? before.get(count) : null;
            BatteryReading reading = reading(battery, last);
            if (readings == null && reading != last) {
                readings = new BatteryReading[batteries.size()];
                for (int i = 0; i < count; i++) {
                    readings[i] = before.get(i);
                }
            }
            if (readings != null) {
                readings[count] = reading;
            }
            count++;
        }
        boolean chainClosed = !faults.open();
        boolean sameReadings = readings == null && previous != null && count == before.size();
        if (sameReadings && previous.chainNodes() == batteries.size() && previous.chainClosed() == chainClosed
                && previous.terminalMillivolts() == terminalMillivolts && same(previous.remote(), remote)
                && same(previous.readback(), readback) && previous.selfTestPassed()) {
            return previous;
        }
        List<BatteryReading> answered;
        if (readings != null) {
            answered = List.of(count == readings.length ? readings : Arrays.copyOf(readings, count));
        } else {
            answered = count == before.size() ? before : List.copyOf(before.subList(0, count));
        }
        return new BankFrame(answered, batteries.size(), chainClosed, terminalMillivolts, remote, readback, true);
    }

    /** Vbat at the BMS's terminals, quantised. */
    public static int terminalMillivolts(BatteryBank bank) {
        return clamp(Math.round(bank.terminalVolts() * 1000), 0, BankFrame.MAX_TERMINAL_MILLIVOLTS);
    }

    private static boolean same(Object before, Object now) {
        return before == now || before.equals(now);
    }

    /** One battery's report, quantised. */
    public static BatteryReading reading(Battery battery) {
        return new BatteryReading(battery.serial(), battery.model(), battery.firmwareVersion(),
                cellMillivolts(battery), deciCelsius(battery), milliamps(battery), millivolts(battery),
                battery.flags());
    }

    /**
     * One battery's report, quantised: {@code last} itself when every value reads the same as in it, and otherwise
     * the battery's next reading, with {@code last}'s cells when they read the same. The comparison asks whether
     * each measured value falls in the interval that rounds to the last reading's value, which is the same answer as
     * quantising it without the cost of {@link Math#round(double)}; a new value is quantised once.
     */
    private static BatteryReading reading(Battery battery, BatteryReading last) {
        if (last == null || last.model() != battery.model() || last.cellCount() != battery.cellCount()
                || !last.serial().equals(battery.serial())
                || !last.firmwareVersion().equals(battery.firmwareVersion())) {
            return reading(battery);
        }
        boolean sameCells = sameCells(battery, last);
        if (sameCells
                && readsAs(battery.amps() * 1000, last.milliamps(), -BatteryReading.MAX_ABS_MILLIAMPS,
                        BatteryReading.MAX_ABS_MILLIAMPS)
                && readsAs(battery.volts() * 1000, last.millivolts(), 0, BatteryReading.MAX_MILLIVOLTS)
                && readsAs(battery.celsius() * 10, last.temperatureDeciCelsius(), BatteryReading.MIN_DECI_CELSIUS,
                        BatteryReading.MAX_DECI_CELSIUS)
                && last.flags().equals(battery.flags())) {
            return last;
        }
        if (sameCells) {
            return last.next(deciCelsius(battery), milliamps(battery), millivolts(battery), battery.flags());
        }
        return last.next(cellMillivolts(battery), deciCelsius(battery), milliamps(battery), millivolts(battery),
                battery.flags());
    }

    private static boolean sameCells(Battery battery, BatteryReading last) {
        for (int i = 0; i < last.cellCount(); i++) {
            if (!readsAs(battery.cellVolts(i) * 1000, last.cellMillivolts(i), 0, BatteryReading.MAX_CELL_MILLIVOLTS)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code scaled} quantises to {@code value}, that is {@code clamp(Math.round(scaled), min, max) ==
     * value}. Inside the range, Math.round gives {@code value} exactly for {@code value - 0.5 <= scaled < value +
     * 0.5}, and both bounds are exact doubles, so two comparisons decide it; at the ends of the range it rounds.
     */
    private static boolean readsAs(double scaled, int value, int min, int max) {
        if (value > min && value < max) {
            return scaled >= value - 0.5 && scaled < value + 0.5;
        }
        return clamp(Math.round(scaled), min, max) == value;
    }

    private static int[] cellMillivolts(Battery battery) {
        int[] cellMillivolts = new int[battery.cellCount()];
        for (int i = 0; i < cellMillivolts.length; i++) {
            cellMillivolts[i] = clamp(Math.round(battery.cellVolts(i) * 1000), 0, BatteryReading.MAX_CELL_MILLIVOLTS);
        }
        return cellMillivolts;
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
