package org.smallbms.sim.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.event.Event;
import org.smallbms.core.remote.RemoteTerminal;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.sensor.BankSensor;
import org.smallbms.sim.sensor.ChainFaults;

/**
 * The batteries' daisy chain to the BMS, with the faults the schedule puts on it: a BMS cable pulled, a battery that
 * stops answering, a battery's temperature sensor open. It reads the bank into the BMS's frame.
 *
 * <p>Mutable: the faults, and the sensor's memory of the last frame. One owner, the system.
 */
final class Chain {

    private final BatteryBank bank;
    private final BankSensor sensor;
    private final Journal journal;
    private final Set<String> failedSensors = new TreeSet<>();
    private ChainFaults faults = ChainFaults.NONE;

    Chain(BatteryBank bank, Journal journal) {
        this.bank = bank;
        this.sensor = new BankSensor(bank);
        this.journal = journal;
    }

    /** The frame of this tick, at Vbat {@code vbatMillivolts}. */
    BankFrame read(int vbatMillivolts, RemoteTerminal remote, OutputReadback readback) {
        BankFrame frame = sensor.read(vbatMillivolts, faults, remote, readback);
        return failedSensors.isEmpty() ? frame : withFailedSensors(frame);
    }

    /** An open NTC reads the bottom of its scale, and the battery's own monitor then forbids charging. */
    private BankFrame withFailedSensors(BankFrame frame) {
        List<BatteryReading> readings = new ArrayList<>(frame.batteries().size());
        for (BatteryReading r : frame.batteries()) {
            readings.add(!failedSensors.contains(r.serial()) ? r : new BatteryReading(r.serial(), r.model(),
                    r.firmwareVersion(), r.cellMillivolts(), BatteryReading.MIN_DECI_CELSIUS, r.milliamps(),
                    r.millivolts(), r.flags().with(BatteryFlag.CHARGE_LOW_TEMPERATURE)));
        }
        return new BankFrame(readings, frame.chainNodes(), frame.chainClosed(), frame.terminalMillivolts(),
                frame.remote(), frame.readback(), frame.selfTestPassed());
    }

    boolean closed() {
        return !faults.open();
    }

    void setBmsCable(boolean connected) {
        faults = faults.withOpen(!connected);
        journal.record(Event.Kind.FAULT, "BMS cable", connected ? "plugged" : "pulled", connected
                ? "the daisy chain is closed again"
                : "a BMS cable is out: the daisy chain is open (W-B05 at once, E-B05 if it stays open 5 s)");
    }

    void setBatteryAnswers(int battery, boolean answers) {
        String serial = serial(battery);
        faults = answers ? faults.withAnswering(serial) : faults.withSilent(serial);
        journal.record(Event.Kind.FAULT, "battery " + serial, answers ? "answering" : "silent", answers
                ? "the battery answers on the chain again"
                : "the battery stops answering on the chain (W-B05 after 2 s, A-B05 after 10 s, if it stays silent)");
    }

    void setSensorFailure(int battery, boolean failed) {
        String serial = serial(battery);
        if (failed) {
            failedSensors.add(serial);
        } else {
            failedSensors.remove(serial);
        }
        journal.record(Event.Kind.FAULT, "battery " + serial, failed ? "sensor failed" : "sensor repaired", failed
                ? "its temperature sensor is open: it reads the bottom of its scale and the battery forbids charging"
                : "its temperature sensor reads again");
    }

    private String serial(int battery) {
        List<Battery> all = bank.batteries();
        if (battery < 1 || battery > all.size()) {
            throw new IllegalStateException("battery " + battery + " is not in the bank of " + all.size());
        }
        return all.get(battery - 1).serial();
    }

    /** The batteries as a front end shows them: answering, their sensors, their SoC. */
    List<WorldView.BatteryView> views() {
        List<WorldView.BatteryView> views = new ArrayList<>();
        List<Battery> all = bank.batteries();
        for (int i = 0; i < all.size(); i++) {
            Battery b = all.get(i);
            views.add(new WorldView.BatteryView(i + 1, b.serial(), !faults.silentSerials().contains(b.serial()),
                    failedSensors.contains(b.serial()), b.soc() * 100));
        }
        return views;
    }
}
