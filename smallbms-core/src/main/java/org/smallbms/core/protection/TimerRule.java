package org.smallbms.core.protection;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How a step moves one {@link Timer}: what sets it, what clears it (each must then hold for the timer's delay), and
 * what it does while the frame cannot tell (no readings, no valid bank): keep its state, or drop to inactive.
 *
 * @param timer the timer
 * @param setsWhen what {@code sets} tests, in words, for the documented table
 * @param clearsWhen what {@code clears} tests, in words
 * @param sets its setting condition
 * @param clears its clearing condition
 * @param blind when the frame cannot tell
 * @param resetsWhenBlind whether it drops to inactive then (else it keeps its state)
 */
record TimerRule(Timer timer, String setsWhen, String clearsWhen, Predicate<Reading> sets, Predicate<Reading> clears,
        Predicate<Reading> blind, boolean resetsWhenBlind) {

    TimerRule {
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(setsWhen, "setsWhen");
        Objects.requireNonNull(clearsWhen, "clearsWhen");
        Objects.requireNonNull(sets, "sets");
        Objects.requireNonNull(clears, "clears");
        Objects.requireNonNull(blind, "blind");
    }

    /** The frame always tells. */
    private static final Predicate<Reading> NEVER = reading -> false;

    /** A timer the frame always tells. */
    static TimerRule of(Timer timer, String setsWhen, String clearsWhen, Predicate<Reading> sets,
            Predicate<Reading> clears) {
        return new TimerRule(timer, setsWhen, clearsWhen, sets, clears, NEVER, false);
    }

    /** What it does when the frame cannot tell, in words: keeps its state, drops to inactive, or never blind. */
    String whenBlind() {
        return blind == NEVER ? "always told" : resetsWhenBlind ? "inactive" : "unchanged";
    }

    /** The timer after this step. */
    Debounced next(Debounced previous, Reading reading, Instant now) {
        if (blind.test(reading)) {
            return resetsWhenBlind ? Debounced.INACTIVE : previous;
        }
        return previous.next(now, sets.test(reading), clears.test(reading), timer.setDelay(), timer.clearDelay());
    }
}
