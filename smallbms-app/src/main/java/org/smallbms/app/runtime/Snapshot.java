package org.smallbms.app.runtime;

import java.time.Instant;
import java.util.Objects;
import org.smallbms.core.bms.BmsState;

/**
 * The device as every reader sees it after one tick: the BMS state (with the events of that tick), the device time,
 * and what adapters need besides. Immutable, so a reader on any thread reads a consistent whole.
 *
 * @param tick how many ticks the control loop has run since it started (0 before the first)
 * @param at the device time of the tick
 * @param bms the BMS state the tick produced; its events are that tick's and those of the commands applied before it
 * @param storage how storage is doing
 * @param serial the device's serial number
 */
public record Snapshot(long tick, Instant at, BmsState bms, StorageStatus storage, String serial) {

    public Snapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(bms, "bms");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(serial, "serial");
    }
}
