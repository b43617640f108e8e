package org.smallbms.core.protection;

import java.time.Instant;
import java.util.Objects;

/**
 * How a step moves one {@link Timer}, as data: the fact that sets it and the fact that clears it (each must then hold
 * for the timer's delay), and the fact that blinds it (the frame cannot tell: no readings, no valid bank), when it
 * keeps its state or drops to inactive.
 *
 * @param timer the timer
 * @param sets the fact that sets it
 * @param clears the fact that clears it
 * @param blind the fact that blinds it; null when the frame always tells
 * @param resetsWhenBlind whether it drops to inactive when blind (else it keeps its state)
 */
record TimerRule(Timer timer, Fact sets, Fact clears, Fact blind, boolean resetsWhenBlind) {

    TimerRule {
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(sets, "sets");
        Objects.requireNonNull(clears, "clears");
    }

    /** A timer the frame always tells. */
    static TimerRule of(Timer timer, Fact sets, Fact clears) {
        return new TimerRule(timer, sets, clears, null, false);
    }

    /** The timer after a step with {@code facts}. */
    Debounced next(Debounced previous, long facts, Instant now) {
        if (blind != null && (facts & blind.bit()) != 0) {
            return resetsWhenBlind ? Debounced.INACTIVE : previous;
        }
        return previous.next(now, (facts & sets.bit()) != 0, (facts & clears.bit()) != 0, timer.setDelay(),
                timer.clearDelay());
    }

    /** What it does when the frame cannot tell, in words. */
    String whenBlind() {
        return blind == null ? "always told" : (resetsWhenBlind ? "inactive" : "unchanged") + " with "
                + blind.description();
    }
}
