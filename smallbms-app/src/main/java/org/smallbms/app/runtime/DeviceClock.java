package org.smallbms.app.runtime;

import java.time.Instant;

/**
 * The device's time: what {@code now} is for the BMS and how the control loop waits for its next tick. A live
 * device runs on the wall clock, a demonstration on the wall clock sped up, a simulation on a virtual clock that never
 * waits. The core never reads any of them: the control loop passes the time in.
 */
public interface DeviceClock {

    /** The device time now. */
    Instant now();

    /**
     * Returns when the device time has reached {@code deadline}; a virtual clock jumps there at once. A clock that
     * may stand still (paused) returns early now and then, so its caller can notice a stop: the caller compares
     * {@link #now()} with the deadline before it acts.
     */
    void awaitUntil(Instant deadline) throws InterruptedException;

    /** The wall clock sped up {@code speed} times from {@code start}: 1 is real time. */
    static DeviceClock scaled(Instant start, double speed) {
        return new ScaledClock(start, speed, System::nanoTime);
    }

    /** A clock that never waits: as fast as the CPU allows, starting at {@code start}. */
    static VirtualClock virtual(Instant start) {
        return new VirtualClock(start);
    }

    /** How the clock runs, for the start-up line: {@code "1440×"}, {@code "as fast as possible"}. */
    String describe();
}
