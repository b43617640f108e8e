package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import org.smallbms.core.event.Event;
import org.smallbms.core.text.Figures;
import org.smallbms.sim.bank.BatteryBank;

/**
 * SYS-05: the battery's reserve after a low cell voltage shutdown. When the load output opens with a cell near the
 * low cell voltage, what is still drawn (the BMS itself, what is wired before the main switch) eats the reserve; the
 * reserve is gone when the weakest cell falls to {@link SimulatedSystem#DAMAGE_CELL_VOLTS}, the LiFePO4 cell's
 * minimum discharge voltage: "the battery will be damaged if the remaining capacity reserve is drawn" (manual §3.1).
 * That is the last few tenths of a percent of its charge. A finding, once a shutdown.
 *
 * <p>Mutable: the time of the shutdown. One owner, the system.
 */
final class Reserve {

    private final BatteryBank bank;
    private final Journal journal;
    private Instant shutdownAt;
    private boolean reported;

    Reserve(BatteryBank bank, Journal journal) {
        this.bank = bank;
        this.journal = journal;
    }

    /** The BMS drove its outputs: a load output that opened near the low cell voltage is a low cell shutdown. */
    void driven(boolean loadOpened, boolean loadHigh) {
        if (loadOpened && bank.minCellVolts() < SimulatedSystem.LOW_CELL_VOLTS + BmsUnit.LOW_CELL_MARGIN_VOLTS) {
            shutdownAt = journal.now();
            reported = false;
        } else if (loadHigh) {
            shutdownAt = null;
        }
    }

    /** Whether a shutdown's reserve is still being watched. */
    boolean watching() {
        return shutdownAt != null && !reported;
    }

    /** After the step from {@code now} of {@code dt}, with the bank's current of that step. */
    void check(Instant now, Duration dt, double bankAmps) {
        double minCellVolts = bank.minCellVolts();
        if (minCellVolts <= SimulatedSystem.DAMAGE_CELL_VOLTS) {
            Instant at = now.plus(dt);
            reported = true;
            double days = Duration.between(shutdownAt, at).getSeconds() / 86_400.0;
            journal.record(at, Event.Kind.FINDING, "reserve", "exhausted", "the weakest cell is down to "
                    + Figures.volts(minCellVolts, 2) + " " + Figures.number(days, 1) + " days after the low cell "
                    + "voltage shutdown with " + Figures.number(-bankAmps * 1000, 1) + " mA still drawn: the battery "
                    + "is being damaged; recharge at once after a shutdown (SYS-05, manual §3.1)");
        }
    }
}
