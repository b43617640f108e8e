package org.smallbms.core.protection;

import java.util.Arrays;
import java.util.Objects;

/**
 * One {@link Debounced} per {@link Timer}: the protection's timers in one map. Immutable; {@link #with} returns this
 * instance when nothing changed, so a tick that moves no timer allocates nothing.
 */
public final class Timers {

    private static final Timer[] ALL = Timer.values();

    /** Every timer inactive, nothing pending: a BMS just powered up. */
    public static final Timers IDLE = new Timers(filled());

    private final Debounced[] values;

    private Timers(Debounced[] values) {
        this.values = values;
    }

    private static Debounced[] filled() {
        Debounced[] values = new Debounced[ALL.length];
        Arrays.fill(values, Debounced.INACTIVE);
        return values;
    }

    Debounced get(Timer timer) {
        return values[timer.ordinal()];
    }

    /** Whether {@code timer}'s condition counts now. */
    boolean active(Timer timer) {
        return values[timer.ordinal()].active();
    }

    /** These timers with {@code timer} at {@code value}; this instance when it is there already. */
    Timers with(Timer timer, Debounced value) {
        if (values[timer.ordinal()] == value) {
            return this;
        }
        Debounced[] next = values.clone();
        next[timer.ordinal()] = Objects.requireNonNull(value, "value");
        return new Timers(next);
    }

    /** Whether no timer has a change pending: the time alone cannot move any of them. */
    boolean idle() {
        for (Debounced value : values) {
            if (value.pendingUntil() != null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timers t && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Timers[");
        for (Timer timer : ALL) {
            Debounced value = values[timer.ordinal()];
            if (value.active() || value.pendingUntil() != null) {
                text.append(text.length() == 7 ? "" : ", ").append(timer).append('=').append(value);
            }
        }
        return text.append(']').toString();
    }
}
