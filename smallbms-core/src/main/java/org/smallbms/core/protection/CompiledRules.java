package org.smallbms.core.protection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule table made fast to go down, with the same answers as going down its rows in order: the rows that hold on
 * their facts or timer alone are folded into masks (a fact or a timer that holds raises the conditions it raises, in
 * one OR each), and only the rows that read something more (a shutdown's lead and hold, a latch, an exception) are
 * decided one by one, in table order. Built once from the table; the table stays the one declaration.
 *
 * <p>Equal answers need one thing of the table, checked here: a row reads only conditions decided above it.
 */
final class CompiledRules {

    private final long plainFacts;
    /** By fact ordinal: the conditions a plain row raises when the fact holds. */
    private final long[] raisedByFact = new long[Fact.values().length];
    /** By timer ordinal: the conditions a plain row raises while the timer counts. */
    private final long[] raisedByTimer = new long[Timer.values().length];
    private final Rule[] special;
    private final long[] specialBit;
    private static final long NO_READINGS = Fact.NO_READINGS.bit();

    CompiledRules(List<Rule> rules) {
        long plain = 0;
        long above = 0;
        List<Rule> others = new ArrayList<>();
        for (Rule rule : rules) {
            long bit = 1L << rule.condition().ordinal();
            if ((rule.unless() | rule.releasedBy()) != 0 && ((rule.unless() | rule.releasedBy()) & ~above) != 0) {
                throw new IllegalStateException(rule.condition() + " reads a condition not decided above it");
            }
            if (rule.shutdown() == null && rule.releasedBy() == 0 && rule.unless() == 0) {
                plain |= rule.facts();
                for (Fact fact : Fact.values()) {
                    if ((rule.facts() & fact.bit()) != 0) {
                        raisedByFact[fact.ordinal()] |= bit;
                    }
                }
                if (rule.timer() != null) {
                    raisedByTimer[rule.timer().ordinal()] |= bit;
                }
            } else {
                others.add(rule);
            }
            above |= bit;
        }
        this.plainFacts = plain;
        this.special = others.toArray(new Rule[0]);
        this.specialBit = new long[special.length];
        for (int i = 0; i < special.length; i++) {
            specialBit[i] = 1L << special[i].condition().ordinal();
        }
    }

    /**
     * The conditions that hold after a step, as bits: each row holds on its facts or its timer, unless a condition
     * decided above keeps it down; a latched row holds until its release; a row that shuts the loads down waits for
     * the pre-alarm's lead and keeps its state through the shutdown hold (PROT-05, PROT-11).
     *
     * @param s the state before the step
     */
    long decide(ProtectionState s, Instant now, long facts, Timers timers) {
        long decided = 0;
        for (long m = facts & plainFacts; m != 0; m &= m - 1) {
            decided |= raisedByFact[Long.numberOfTrailingZeros(m)];
        }
        for (long m = timers.activeBits(); m != 0; m &= m - 1) {
            decided |= raisedByTimer[Long.numberOfTrailingZeros(m)];
        }
        if (special.length == 0) {
            return decided;
        }
        long was = s.active().bits();
        boolean leadDone = s.preAlarmLeadEndsAt() != null && !now.isBefore(s.preAlarmLeadEndsAt());
        boolean holding = s.shutdownHoldUntil() != null && now.isBefore(s.shutdownHoldUntil());
        for (int i = 0; i < special.length; i++) {
            Rule rule = special[i];
            long bit = specialBit[i];
            boolean held = (was & bit) != 0;
            boolean signal = (facts & rule.facts()) != 0 || rule.timer() != null && timers.active(rule.timer());
            boolean holds;
            Rule.Shutdown shutdown = rule.shutdown();
            if (shutdown != null) {
                boolean urgent = shutdown.emergency() != null && (facts & shutdown.emergency().bit()) != 0;
                if (holding) {
                    holds = held || urgent;
                } else if (shutdown.keepsWithoutData() && (facts & NO_READINGS) != 0) {
                    holds = held;
                } else {
                    holds = urgent || signal && (!shutdown.waitsForLead() || leadDone || held);
                }
            } else if (rule.releasedBy() != 0) {
                holds = signal || held && (decided & rule.releasedBy()) == 0;
            } else {
                holds = signal && (decided & rule.unless()) == 0;
            }
            if (holds) {
                decided |= bit;
            }
        }
        return decided;
    }
}
