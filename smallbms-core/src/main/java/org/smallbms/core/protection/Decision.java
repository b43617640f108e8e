package org.smallbms.core.protection;

import java.time.Instant;
import org.smallbms.core.codes.Condition;

/**
 * What a step has worked out as it goes down its rule table: the reading, the timers after this tick, the conditions
 * decided so far (a row may read a row above it) and the pre-alarm's lead and the shutdown hold as they stood before
 * the step. Lives for one step.
 */
final class Decision {

    private final Reading reading;
    private final Timers timers;
    private final boolean leadDone;
    private final boolean holding;
    private long decided;

    Decision(Reading reading, Timers timers) {
        this.reading = reading;
        this.timers = timers;
        ProtectionState before = reading.before();
        Instant now = reading.now();
        this.leadDone = before.preAlarmLeadEndsAt() != null && !now.isBefore(before.preAlarmLeadEndsAt());
        this.holding = before.shutdownHoldUntil() != null && now.isBefore(before.shutdownHoldUntil());
    }

    Reading reading() {
        return reading;
    }

    Timers timers() {
        return timers;
    }

    /** PROT-05: the pre-alarm has been high for its full lead. */
    boolean leadDone() {
        return leadDone;
    }

    /** PROT-11: the shutdown hold runs. */
    boolean holding() {
        return holding;
    }

    /** Whether {@code condition} held before the step. */
    boolean was(Condition condition) {
        return reading.before().has(condition);
    }

    /** Whether {@code condition} holds after the step: decided by a row above. */
    boolean is(Condition condition) {
        return (decided & (1L << condition.ordinal())) != 0;
    }

    void set(Condition condition) {
        decided |= 1L << condition.ordinal();
    }

    long decided() {
        return decided;
    }
}
