package org.smallbms.app.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.event.Event;
import org.smallbms.sim.system.WorldView;

/**
 * The device as every reader sees it after one tick: the BMS state (with the events of that tick), the device time,
 * and what adapters need besides. Immutable, so a reader on any thread reads a consistent whole.
 *
 * @param tick how many ticks the control loop has run since it started (0 before the first)
 * @param at the device time of the tick
 * @param bms the BMS state the tick produced
 * @param events everything that happened in the tick, in order: the commands applied before it, the world's acts, the
 *     BMS's step, what the world noticed
 * @param storage how storage is doing
 * @param serial the device's serial number
 * @param frame what the BMS read in the tick (the batteries over the chain); empty before the first
 * @param world the world as its panel shows it, at most {@link ControlLoop#WORLD_VIEW_EVERY} of wall time old;
 *     empty before the first tick and for a world with nothing to show
 */
public record Snapshot(long tick, Instant at, BmsState bms, List<Event> events, StorageStatus storage, String serial,
        Optional<BankFrame> frame, Optional<WorldView> world) {

    public Snapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(bms, "bms");
        events = List.copyOf(events);
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(world, "world");
    }
}
