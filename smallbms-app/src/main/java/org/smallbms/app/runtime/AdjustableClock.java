package org.smallbms.app.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The device time of a live device whose speed the user changes while it runs: paused, the wall clock sped up
 * (1× is real time), or as fast as the CPU allows. A change takes effect from the device time it is made at, so the
 * device never jumps; a paused device's time stands still, and the control loop waits without ticking.
 *
 * <p>Reads a monotonic nanosecond source, so a change of the system's time of day does not make the device jump.
 * Any thread may read it or change its speed; the control loop waits in {@link #awaitUntil}, which a change of speed
 * wakes at once.
 */
public final class AdjustableClock implements DeviceClock {

    /** The longest single wait, so an interrupt or a stop is noticed promptly even at 1×. */
    private static final long MAX_WAIT_NANOS = 200_000_000L;

    /**
     * A speed: device seconds per wall second, 0 for paused, or as fast as possible.
     *
     * @param factor device seconds per wall second: 0 for paused, 1 or more otherwise; infinite for as fast as
     *     possible
     */
    public record Speed(double factor) {

        public static final Speed PAUSED = new Speed(0);
        public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);

        public Speed {
            if (!(factor == 0 || factor >= 1)) {
                throw new IllegalArgumentException("speed = " + factor + " must be 0 (paused), 1 or more, or "
                        + "infinite (as fast as possible)");
            }
        }

        public boolean paused() {
            return factor == 0;
        }

        public boolean max() {
            return Double.isInfinite(factor);
        }

        /** As a user gives it and the API shows it: {@code "pause"}, {@code "1440"}, {@code "max"}. */
        public String key() {
            if (paused()) {
                return "pause";
            }
            if (max()) {
                return "max";
            }
            return factor == Math.rint(factor) ? String.format(Locale.ROOT, "%.0f", factor)
                    : String.format(Locale.ROOT, "%.2f", factor);
        }

        /** For a person: {@code "paused"}, {@code "1440×"}, {@code "as fast as possible"}. */
        public String describe() {
            if (paused()) {
                return "paused";
            }
            return max() ? "as fast as possible" : key() + "×";
        }
    }

    private final LongSupplier nanos;
    private final Object lock = new Object();
    // Guarded by lock: device time = anchor + factor × (nanos - anchorNanos), unless paused or as fast as possible.
    private Instant anchor;
    private long anchorNanos;
    private Speed speed;

    public AdjustableClock(Instant start, Speed speed) {
        this(start, speed, System::nanoTime);
    }

    AdjustableClock(Instant start, Speed speed, LongSupplier nanos) {
        this.nanos = nanos;
        this.anchor = Objects.requireNonNull(start, "start");
        this.anchorNanos = nanos.getAsLong();
        this.speed = Objects.requireNonNull(speed, "speed");
    }

    @Override
    public Instant now() {
        synchronized (lock) {
            return nowLocked(nanos.getAsLong());
        }
    }

    private Instant nowLocked(long at) {
        if (speed.paused() || speed.max()) {
            return anchor;
        }
        return anchor.plusNanos((long) ((at - anchorNanos) * speed.factor()));
    }

    /** Runs at {@code newSpeed} from the device time now on. */
    public void setSpeed(Speed newSpeed) {
        Objects.requireNonNull(newSpeed, "newSpeed");
        synchronized (lock) {
            long at = nanos.getAsLong();
            anchor = nowLocked(at);
            anchorNanos = at;
            speed = newSpeed;
            lock.notifyAll();
        }
    }

    public Speed speed() {
        synchronized (lock) {
            return speed;
        }
    }

    @Override
    public void awaitUntil(Instant deadline) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (speed.max()) {
                    // As fast as possible: the time moves to each deadline as the loop reaches it.
                    if (deadline.isAfter(anchor)) {
                        anchor = deadline;
                    }
                    anchorNanos = nanos.getAsLong();
                    return;
                }
                long at = nanos.getAsLong();
                long deviceNanos = Duration.between(nowLocked(at), deadline).toNanos();
                if (deviceNanos <= 0) {
                    return;
                }
                if (speed.paused()) {
                    // Standing still: back to the caller now and then, so it can notice a stop.
                    lock.wait(MAX_WAIT_NANOS / 1_000_000);
                    return;
                }
                long wallNanos = Math.min(MAX_WAIT_NANOS, Math.max(1, (long) (deviceNanos / speed.factor())));
                lock.wait(wallNanos / 1_000_000, (int) (wallNanos % 1_000_000));
            }
        }
    }

    @Override
    public String describe() {
        return speed().describe();
    }
}
