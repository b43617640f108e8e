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
    /** The timers that count, as bits by ordinal; worked out once, as a state is read far more than made. */
    private final long active;
    private final boolean idle;

    private Timers(Debounced[] values) {
        this.values = values;
        long counting = 0;
        boolean settled = true;
        for (int i = 0; i < values.length; i++) {
            counting |= values[i].active() ? 1L << i : 0;
            settled &= values[i].pendingUntil() == null;
        }
        this.active = counting;
        this.idle = settled;
    }

    private static Debounced[] filled() {
        Debounced[] values = new Debounced[ALL.length];
        Arrays.fill(values, Debounced.INACTIVE);
        return values;
    }

    Debounced get(Timer timer) {
        return values[timer.ordinal()];
    }

    /** The timer of ordinal {@code ordinal}. */
    Debounced get(int ordinal) {
        return values[ordinal];
    }

    /** Whether the timer of ordinal {@code ordinal} counts now. */
    boolean active(int ordinal) {
        return (active & 1L << ordinal) != 0;
    }

    /** The timers that count now, as bits by ordinal. */
    long activeBits() {
        return active;
    }

    /** Whether {@code timer}'s condition counts now. */
    boolean active(Timer timer) {
        return active(timer.ordinal());
    }

    /** These timers with {@code timer} at {@code value}; this instance when it is there already. */
    Timers with(Timer timer, Debounced value) {
        return with(timer.ordinal(), value);
    }

    /** These timers with the timer of ordinal {@code ordinal} at {@code value}; this instance when it is there. */
    Timers with(int ordinal, Debounced value) {
        if (values[ordinal] == value) {
            return this;
        }
        Debounced[] next = values.clone();
        next[ordinal] = Objects.requireNonNull(value, "value");
        return new Timers(next);
    }

    /** Whether no timer has a change pending: the time alone cannot move any of them. */
    boolean idle() {
        return idle;
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
