package org.smallbms.core.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * The time remaining at the present discharge current until the SoC reaches the discharge floor (MON-04).
 *
 * @param kind unknown, infinite or a duration
 * @param duration the time when {@code kind} is {@link Kind#FINITE}; null otherwise
 */
public record TimeRemaining(Kind kind, Duration duration) {

    /** What sort of answer the time remaining is. */
    public enum Kind {
        /** SoC unknown (PROT-09) or no current measured yet. */
        UNKNOWN,
        /** Not discharging, or discharging below the 0.1 A threshold (MON-01). */
        INFINITE,
        FINITE
    }

    public static final TimeRemaining UNKNOWN = new TimeRemaining(Kind.UNKNOWN, null);
    public static final TimeRemaining INFINITE = new TimeRemaining(Kind.INFINITE, null);

    public TimeRemaining {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FINITE) != (duration != null)) {
            throw new IllegalArgumentException("a " + kind + " time remaining has " + (duration == null ? "no" : "a")
                    + " duration: only a finite one has one");
        }
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("duration = " + duration + " is never negative");
        }
    }

    public static TimeRemaining of(Duration duration) {
        return new TimeRemaining(Kind.FINITE, duration);
    }

    /** As the status page shows it: {@code "4h 58m"}, {@code "∞"} or {@code "--"}. */
    public String label() {
        return switch (kind) {
            case UNKNOWN -> "--";
            case INFINITE -> "∞";
            case FINITE -> duration.toHours() + "h " + duration.toMinutesPart() + "m";
        };
    }
}
