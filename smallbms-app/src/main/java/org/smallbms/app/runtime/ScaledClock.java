package org.smallbms.app.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The wall clock, sped up: device time = start + speed × wall time elapsed since construction. Reads a monotonic
 * nanosecond source, so a change of the system's time of day does not make the device jump.
 */
final class ScaledClock implements DeviceClock {

    /** The longest single wait, so an interrupt or a stop is noticed promptly even at 1×. */
    private static final long MAX_PARK_NANOS = 200_000_000L;

    private final Instant start;
    private final double speed;
    private final LongSupplier nanos;
    private final long origin;

    ScaledClock(Instant start, double speed, LongSupplier nanos) {
        if (!(speed >= 1) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed = " + speed + " must be 1 or more (use a virtual clock for "
                    + "as fast as possible)");
        }
        this.start = start;
        this.speed = speed;
        this.nanos = nanos;
        this.origin = nanos.getAsLong();
    }

    @Override
    public Instant now() {
        return start.plusNanos((long) ((nanos.getAsLong() - origin) * speed));
    }

    @Override
    public void awaitUntil(Instant deadline) throws InterruptedException {
        while (true) {
            long deviceNanos = Duration.between(now(), deadline).toNanos();
            if (deviceNanos <= 0) {
                return;
            }
            long wallNanos = Math.min(MAX_PARK_NANOS, Math.max(1, (long) (deviceNanos / speed)));
            Thread.sleep(wallNanos / 1_000_000, (int) (wallNanos % 1_000_000));
        }
    }

    @Override
    public String describe() {
        return speed == Math.rint(speed) ? String.format(Locale.ROOT, "%.0f×", speed)
                : String.format(Locale.ROOT, "%.2f×", speed);
    }
}
