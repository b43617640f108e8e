package org.smallbms.app.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock that never waits: {@link #awaitUntil} moves the time to the deadline at once, so the control loop runs as
 * fast as the CPU allows. Tests drive a control loop with it and never sleep. Only the control loop thread moves it;
 * {@code now} may be read from any thread.
 */
public final class VirtualClock implements DeviceClock {

    private volatile Instant now;

    VirtualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void awaitUntil(Instant deadline) {
        if (deadline.isAfter(now)) {
            now = deadline;
        }
    }

    /** Moves the time on by {@code duration}, as a test's "later". */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public String describe() {
        return "as fast as possible";
    }
}
