package org.smallbms.sim.system;

import java.util.ArrayList;
import java.util.List;
import org.smallbms.core.bank.BatteryFamily;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.event.Event;
import org.smallbms.core.text.Figures;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.bank.BatteryString;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.battery.BatteryVariant;
import org.smallbms.sim.battery.MonitorThresholds;

/**
 * TOP-09: a string of batteries added to the bank in parallel while it runs, or the last one taken off the bus bars.
 * An added string is of the bank's model, numbered on from the last battery and seeded by the bank's rule
 * ({@link BatteryBank#numbered}), at the bank's mean SoC and the air's temperature.
 *
 * <p>Mutable: the number of batteries made so far. One owner, the system.
 */
final class StringChanges {

    private final BatteryBank bank;
    private final BatteryModel model;
    private final int series;
    private final long seed;
    private final String serialPrefix;
    private final Journal journal;
    private int made;

    StringChanges(BatteryBank bank, BatteryModel model, int series, long seed, String serialPrefix, Journal journal) {
        this.bank = bank;
        this.model = model;
        this.series = series;
        this.seed = seed;
        this.serialPrefix = serialPrefix;
        this.journal = journal;
        this.made = bank.batteries().size();
    }

    /** Adds a string like the others at {@code airCelsius}, or takes the last one off. */
    void change(boolean add, double airCelsius) {
        if (add) {
            double soc = 0;
            List<Battery> all = bank.batteries();
            for (Battery battery : all) {
                soc += battery.soc();
            }
            soc /= all.size();
            List<Battery> string = new ArrayList<>();
            MonitorThresholds levels = all.get(0).thresholds();
            for (int s = 0; s < series; s++) {
                made++;
                Battery battery = BatteryBank.numbered(model, serialPrefix, seed, made, soc, airCelsius,
                        BatteryVariant.NONE);
                // CLS-02: an added Lithium Battery Smart is set up as its siblings are.
                if (model.family() == BatteryFamily.LITHIUM_BATTERY_SMART) {
                    battery.setSmartThresholds(levels.cellLowVolts(), levels.preAlarmVolts());
                }
                string.add(battery);
            }
            bank.addString(BatteryString.of(string));
            journal.record(Event.Kind.FAULT, "bank", "string added", series + " × " + model.label()
                    + " added in parallel at " + Figures.percent(soc * 100, 0) + " SoC (TOP-09)");
        } else {
            if (bank.strings().size() < 2) {
                throw new IllegalStateException("the last string of a bank cannot be removed");
            }
            BatteryString removed = bank.removeString(bank.strings().size() - 1);
            journal.record(Event.Kind.FAULT, "bank", "string removed", removed.batteries().size() + " × "
                    + model.label() + " taken off the bus bars (TOP-09)");
        }
    }
}
