package org.smallbms.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryFlags;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.remote.RemoteTerminal;

/** Frames for tests: healthy defaults, changed one thing at a time. */
public final class Frames {

    public static final int REST_CELL_MILLIVOLTS = 3_300;
    public static final int ROOM_DECI_CELSIUS = 250;

    private Frames() {
    }

    /** A healthy battery at rest: every cell at {@code cellMillivolts}, 25 °C, no current, no flags. */
    public static BatteryReading battery(String serial, BatteryModel model, int cellMillivolts) {
        int[] cells = new int[model.cells()];
        Arrays.fill(cells, cellMillivolts);
        return new BatteryReading(serial, model, "v1.10", cells, ROOM_DECI_CELSIUS, 0,
                cellMillivolts * model.cells(), BatteryFlags.NONE);
    }

    public static BatteryReading battery(String serial, BatteryModel model) {
        return battery(serial, model, REST_CELL_MILLIVOLTS);
    }

    /** The same battery with one cell at {@code millivolts}. */
    public static BatteryReading withCell(BatteryReading battery, int index, int millivolts) {
        int[] cells = battery.cellMillivolts();
        cells[index] = millivolts;
        int sum = 0;
        for (int mv : cells) {
            sum += mv;
        }
        return new BatteryReading(battery.serial(), battery.model(), battery.firmwareVersion(), cells,
                battery.temperatureDeciCelsius(), battery.milliamps(), sum, battery.flags());
    }

    public static BatteryReading withFlags(BatteryReading battery, BatteryFlag... flags) {
        return new BatteryReading(battery.serial(), battery.model(), battery.firmwareVersion(),
                battery.cellMillivolts(), battery.temperatureDeciCelsius(), battery.milliamps(),
                battery.millivolts(), BatteryFlags.of(flags));
    }

    public static BatteryReading withTemperature(BatteryReading battery, int deciCelsius) {
        return new BatteryReading(battery.serial(), battery.model(), battery.firmwareVersion(),
                battery.cellMillivolts(), deciCelsius, battery.milliamps(), battery.millivolts(), battery.flags());
    }

    /** A bank of {@code series} × {@code parallel} batteries of one model, all at rest, on a whole chain. */
    public static BankFrame bank(BatteryModel model, int series, int parallel) {
        List<BatteryReading> batteries = new ArrayList<>();
        for (int i = 0; i < series * parallel; i++) {
            batteries.add(battery(String.format("HQ%08d", i + 1), model));
        }
        return frame(batteries, series);
    }

    /** A frame of these batteries with Vbat for {@code series} of them in series. */
    public static BankFrame frame(List<BatteryReading> batteries, int series) {
        int vbat = series * batteries.get(0).millivolts();
        return BankFrame.complete(batteries, vbat, RemoteTerminal.WIRE_LOOP, OutputReadback.NOT_MEASURED);
    }

    /** One 12.8 V / 100 Ah Lithium NG battery, the manual's system examples. */
    public static BankFrame single() {
        return bank(BatteryModel.NG_12V8_100AH, 1, 1);
    }

    /** The frame with battery {@code index} replaced. */
    public static BankFrame replace(BankFrame frame, int index, BatteryReading battery) {
        List<BatteryReading> batteries = new ArrayList<>(frame.batteries());
        batteries.set(index, battery);
        return new BankFrame(batteries, frame.chainNodes(), frame.chainClosed(), frame.terminalMillivolts(),
                frame.remote(), frame.readback(), frame.selfTestPassed());
    }

    /** The frame with every cell of every battery at {@code millivolts}, Vbat to match. */
    public static BankFrame allCellsAt(BankFrame frame, int millivolts, int series) {
        List<BatteryReading> batteries = new ArrayList<>();
        for (BatteryReading b : frame.batteries()) {
            BatteryReading fresh = battery(b.serial(), b.model(), millivolts);
            batteries.add(new BatteryReading(fresh.serial(), fresh.model(), b.firmwareVersion(),
                    fresh.cellMillivolts(), b.temperatureDeciCelsius(), b.milliamps(), fresh.millivolts(),
                    b.flags()));
        }
        return new BankFrame(batteries, frame.chainNodes(), frame.chainClosed(),
                series * batteries.get(0).millivolts(), frame.remote(), frame.readback(), frame.selfTestPassed());
    }

    /** The frame as it reads when {@code silent} batteries on the chain stop answering. */
    public static BankFrame withSilent(BankFrame frame, int silent) {
        List<BatteryReading> answering = frame.batteries().subList(0, frame.batteries().size() - silent);
        return new BankFrame(answering, frame.chainNodes(), frame.chainClosed(), frame.terminalMillivolts(),
                frame.remote(), frame.readback(), frame.selfTestPassed());
    }
}
