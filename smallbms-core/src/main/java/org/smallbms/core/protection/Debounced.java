package org.smallbms.core.protection;

import java.time.Duration;
import java.time.Instant;

/**
 * A condition with a set delay and a clear delay: active or not, and the deadline at which a pending change takes
 * effect (null when nothing is pending). Immutable; {@link #next} returns the same instance while nothing changes,
 * so a steady tick allocates nothing.
 *
 * @param active whether the condition holds
 * @param pendingUntil when a pending set or clear takes effect; null when none is pending
 */
public record Debounced(boolean active, Instant pendingUntil) {

    public static final Debounced INACTIVE = new Debounced(false, null);
    public static final Debounced ACTIVE = new Debounced(true, null);

    /**
     * The state at {@code now}.
     *
     * @param setting the set condition holds now
     * @param clearing the clear condition holds now
     */
    Debounced next(Instant now, boolean setting, boolean clearing, Duration setDelay, Duration clearDelay) {
        boolean moving = active ? clearing : setting;
        if (!moving) {
            return active ? ACTIVE : INACTIVE;
        }
        Instant deadline = pendingUntil != null ? pendingUntil : now.plus(active ? clearDelay : setDelay);
        if (!now.isBefore(deadline)) {
            return active ? INACTIVE : ACTIVE;
        }
        return pendingUntil != null ? this : new Debounced(active, deadline);
    }

    /** The instance for a condition with no delay. */
    static Debounced of(boolean active) {
        return active ? ACTIVE : INACTIVE;
    }
}
