package org.smallbms.app.vedirect;

import java.time.Duration;

/**
 * How much a line may read: at most {@code bytesPerSecond} on average, so a client that floods is held back (a TCP
 * sender waits) and never costs the device more than that. A line quiet for a second starts afresh rather than
 * saving up its unused allowance for a burst. Pure: the caller gives the time (a monotonic nanosecond count) and
 * waits as long as it is told. Not thread-safe: one reader uses it.
 */
final class Pace {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final int bytesPerSecond;
    private long start;
    private long used;

    Pace(int bytesPerSecond, long nowNanos) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond = " + bytesPerSecond + " must be positive");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.start = nowNanos;
    }

    /** Counts {@code bytes} just read at {@code nowNanos}; how long to wait before reading more (zero for at once). */
    Duration took(int bytes, long nowNanos) {
        used += bytes;
        long ahead = start + SECOND * used / bytesPerSecond - nowNanos;
        if (ahead > 0) {
            return Duration.ofNanos(ahead);
        }
        if (ahead < -SECOND) {
            start = nowNanos;
            used = 0;
        }
        return Duration.ZERO;
    }

    /** Whether TEXT is due at {@code nowNanos}: no HEX frame came in the {@code pause} before it. */
    static boolean textDue(long lastHexNanos, long nowNanos, Duration pause) {
        return nowNanos - lastHexNanos >= pause.toNanos();
    }
}
