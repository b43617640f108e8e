package org.smallbms.core.protection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The timer rules made fast to apply, with the same answers as {@link TimerRule#next} on each: their facts as masks
 * and their delays in arrays by timer, and a timer that is settled (nothing pending) and whose facts do not move it
 * is passed over without a call. Built once from the rules; the rules stay the one declaration.
 */
final class CompiledTimers {

    private final int[] timer;
    private final long[] sets;
    private final long[] clears;
    private final long[] blind;
    private final boolean[] resetsWhenBlind;
    private final Duration[] setDelay;
    private final Duration[] clearDelay;

    CompiledTimers(List<TimerRule> rules) {
        int n = rules.size();
        timer = new int[n];
        sets = new long[n];
        clears = new long[n];
        blind = new long[n];
        resetsWhenBlind = new boolean[n];
        setDelay = new Duration[n];
        clearDelay = new Duration[n];
        for (int i = 0; i < n; i++) {
            TimerRule rule = rules.get(i);
            timer[i] = rule.timer().ordinal();
            sets[i] = rule.sets().bit();
            clears[i] = rule.clears().bit();
            blind[i] = rule.blind() == null ? 0 : rule.blind().bit();
            resetsWhenBlind[i] = rule.resetsWhenBlind();
            setDelay[i] = rule.timer().setDelay();
            clearDelay[i] = rule.timer().clearDelay();
        }
    }

    /** The timers after a step with {@code facts}. */
    Timers next(Timers timers, long facts, Instant now) {
        Timers next = timers;
        for (int i = 0; i < timer.length; i++) {
            Debounced before = next.get(timer[i]);
            Debounced after;
            if ((facts & blind[i]) != 0) {
                after = resetsWhenBlind[i] ? Debounced.INACTIVE : before;
            } else {
                boolean setting = (facts & sets[i]) != 0;
                boolean clearing = (facts & clears[i]) != 0;
                if (before.pendingUntil() == null && (before.active() ? !clearing : !setting)) {
                    continue;
                }
                after = before.next(now, setting, clearing, setDelay[i], clearDelay[i]);
            }
            next = next.with(timer[i], after);
        }
        return next;
    }
}
