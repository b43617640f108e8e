package org.smallbms.core.protection;

import java.util.Objects;
import java.util.function.Predicate;
import org.smallbms.core.codes.Condition;

/**
 * One row of a rule table: a condition, how the step decides whether it holds, and the words of its cause when it is
 * raised and when it clears, written from the same {@link Reading} and the same limits that decide. What it does to
 * the outputs is the condition's own {@link org.smallbms.core.codes.Effect}.
 *
 * @param condition the condition this row sets and clears
 * @param holdsWhen what {@code decide} tests, in words, for the documented table
 * @param decide whether it holds after this step
 * @param raised the cause when it is raised
 * @param cleared the cause when it clears
 */
record Rule(Condition condition, String holdsWhen, Decide decide, Cause raised, Cause cleared) {

    /** Whether a condition holds after the step, given what the step has worked out so far. */
    @FunctionalInterface
    interface Decide {
        boolean holds(Decision step);
    }

    /** The words of a cause. */
    @FunctionalInterface
    interface Cause {
        String of(Reading reading);
    }

    Rule {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(holdsWhen, "holdsWhen");
        Objects.requireNonNull(decide, "decide");
        Objects.requireNonNull(raised, "raised");
        Objects.requireNonNull(cleared, "cleared");
    }

    /** A condition that holds exactly while {@code test} does: no delay, no latch. */
    static Rule when(Condition condition, String holdsWhen, Predicate<Reading> test, Cause raised, Cause cleared) {
        return new Rule(condition, holdsWhen, step -> test.test(step.reading()), raised, cleared);
    }

    /** A condition that holds while {@code timer}'s condition counts. */
    static Rule timed(Condition condition, Timer timer, Cause raised, Cause cleared) {
        return new Rule(condition, "timer " + timer, step -> step.timers().active(timer), raised, cleared);
    }

    /**
     * A condition that latches: raised by {@code set}, it holds until {@code release} (E-B11: until the BMS is
     * switched off and on).
     */
    static Rule latched(Condition condition, String setWhen, Predicate<Reading> set, String releasedWhen,
            Predicate<Decision> release, Cause raised, Cause cleared) {
        return new Rule(condition, setWhen + "; latched until " + releasedWhen, step -> set.test(step.reading())
                || step.was(condition) && !release.test(step), raised, cleared);
    }

    /**
     * A condition that shuts the loads down for an empty battery (its effect is SHUTDOWN): it holds when its
     * {@code signal} does, after the pre-alarm has been high for its lead if it {@code waitsForLead} (PROT-05; once
     * raised it needs no lead to stay), or at once at its {@code emergency} level. Without battery data a condition
     * that {@code keepsWithoutData} stays as it was. PROT-11: while the shutdown hold runs it keeps its state, unless
     * the emergency level raises it.
     */
    static Rule shutdown(Condition condition, String signalWhen, Predicate<Decision> signal, String emergencyWhen,
            Predicate<Reading> emergency, boolean waitsForLead, boolean keepsWithoutData, Cause raised,
            Cause cleared) {
        String holdsWhen = signalWhen + (waitsForLead ? ", after the pre-alarm's " + Limits.PRE_ALARM_LEAD.toSeconds()
                + " s lead" : "") + (emergencyWhen.isEmpty() ? "" : "; at once " + emergencyWhen)
                + (keepsWithoutData ? "; unchanged without battery data" : "") + "; held "
                + Limits.SHUTDOWN_HOLD.toSeconds() + " s after the loads go off or on (PROT-11)";
        return new Rule(condition, holdsWhen, step -> {
            boolean was = step.was(condition);
            boolean urgent = emergency.test(step.reading());
            if (step.holding()) {
                return was || urgent;
            }
            if (keepsWithoutData && !step.reading().haveReadings()) {
                return was;
            }
            return urgent || signal.test(step) && (!waitsForLead || step.leadDone() || was);
        }, raised, cleared);
    }
}
