package org.smallbms.core.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankDetection;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlags;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.remote.RemoteTerminal;

/**
 * A bank of identical Lithium NG batteries for tests: builds the frames its batteries would send, with the core
 * records themselves. Every battery in a string reports that string's current.
 *
 * @param model the battery model
 * @param series batteries in series
 * @param parallel strings in parallel
 * @param serialPrefix the start of every serial, so that two test banks can differ
 */
public record TestBank(BatteryModel model, int series, int parallel, String serialPrefix) {

    /** One 12.8 V 100 Ah battery: a 12 V system of 100 Ah. */
    public static final TestBank ONE_12V_100AH = new TestBank(BatteryModel.NG_12V8_100AH, 1, 1, "HQ");

    public static final int ROOM_DECI_CELSIUS = 250;

    /** A frame with every cell at {@code cellMillivolts} and this bank current split evenly over the strings. */
    public BankFrame frame(int cellMillivolts, int bankMilliamps) {
        return frame(cellMillivolts, cellMillivolts, ROOM_DECI_CELSIUS, split(bankMilliamps));
    }

    /**
     * A frame where one cell of the first battery is at {@code highestCell} and every other cell at
     * {@code lowestCell}, each string carrying its own current.
     */
    public BankFrame frame(int lowestCell, int highestCell, int deciCelsius, int... stringMilliamps) {
        if (stringMilliamps.length != parallel) {
            throw new IllegalArgumentException(stringMilliamps.length + " string currents for " + parallel
                    + " strings");
        }
        List<BatteryReading> readings = new ArrayList<>();
        int firstStringMillivolts = 0;
        for (int string = 0; string < parallel; string++) {
            for (int position = 0; position < series; position++) {
                int[] cells = new int[model.cells()];
                Arrays.fill(cells, lowestCell);
                if (readings.isEmpty()) {
                    cells[0] = highestCell;
                }
                int millivolts = Arrays.stream(cells).sum();
                if (string == 0) {
                    firstStringMillivolts += millivolts;
                }
                readings.add(new BatteryReading(serialPrefix + String.format("%04d", readings.size() + 1), model,
                        "v1.10", cells, deciCelsius, stringMilliamps[string], millivolts, BatteryFlags.NONE));
            }
        }
        return BankFrame.complete(readings, firstStringMillivolts, RemoteTerminal.WIRE_LOOP,
                OutputReadback.NOT_MEASURED);
    }

    /** The bank the BMS detects from this bank's frames. */
    public Bank bank() {
        BankFrame frame = frame(3_300, 0);
        return BankDetection.detect(frame.batteries(), frame.terminalMillivolts());
    }

    /** This bank with one more string of the same batteries. */
    public TestBank withOneMoreString() {
        return new TestBank(model, series, parallel + 1, serialPrefix);
    }

    private int[] split(int bankMilliamps) {
        int[] strings = new int[parallel];
        Arrays.fill(strings, bankMilliamps / parallel);
        strings[0] += bankMilliamps % parallel;
        return strings;
    }
}
