package org.smallbms.core.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * A point on the running current integral: the time-remaining average is the integral's rise between the oldest mark
 * of the last minute and now, divided by the time between them.
 *
 * @param at when
 * @param netMicrocoulombs the running integral of the bank current at that time
 */
public record Mark(Instant at, long netMicrocoulombs) {

    public Mark {
        Objects.requireNonNull(at, "at");
    }
}
