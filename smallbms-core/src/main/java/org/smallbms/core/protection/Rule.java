package org.smallbms.core.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;

/**
 * One row of a rule table, as data: the condition it sets and clears, the {@link Fact}s and the {@link Timer} that
 * raise it, the conditions that keep it down or release its latch, how it shuts the loads down for an empty battery,
 * and the words of its cause when it is raised and when it clears. What it does to the outputs is the condition's
 * own {@link org.smallbms.core.codes.Effect}. {@link Protection#step} reads the rows; none holds code of its own but
 * its causes.
 *
 * @param condition the condition this row sets and clears
 * @param facts it holds while any of these facts does (bits of {@link Fact})
 * @param timer or while this timer counts; null for none
 * @param unless it does not hold while any of these conditions does, decided by a row above (bits of
 *     {@link Condition}); 0 for none
 * @param releasedBy 0 for a condition that follows its facts; otherwise it latches, and holds until one of these
 *     conditions does (E-B11: remote or mode off)
 * @param shutdown how it waits for the pre-alarm and keeps its state (PROT-05, PROT-11); null for a row that does
 *     not shut the loads down
 * @param raised the cause when it is raised
 * @param cleared the cause when it clears
 */
record Rule(Condition condition, long facts, Timer timer, long unless, long releasedBy, Shutdown shutdown,
        Cause raised, Cause cleared) {

    /** The words of a cause, from the figures of the tick. */
    @FunctionalInterface
    interface Cause {
        String of(Reading reading);
    }

    /**
     * How a row that shuts the loads down for an empty battery holds (its effect is SHUTDOWN): its signal after the
     * pre-alarm has been high for its lead if it {@code waitsForLead} (once raised it needs no lead to stay), or at
     * once at its {@code emergency} level; without battery data one that {@code keepsWithoutData} stays as it was.
     * PROT-11: while the shutdown hold runs it keeps its state, unless the emergency level raises it.
     *
     * @param emergency the fact of its emergency level; null for none
     * @param waitsForLead whether its signal waits for the pre-alarm's lead
     * @param keepsWithoutData whether it keeps its state while no battery answers
     */
    record Shutdown(Fact emergency, boolean waitsForLead, boolean keepsWithoutData) {
    }

    Rule {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(raised, "raised");
        Objects.requireNonNull(cleared, "cleared");
        if (facts == 0 && timer == null) {
            throw new IllegalArgumentException(condition + ": a row holds on a fact or a timer");
        }
    }

    /** A condition that holds exactly while {@code fact} does. */
    static Rule when(Condition condition, Fact fact, Cause raised, Cause cleared) {
        return new Rule(condition, fact.bit(), null, 0, 0, null, raised, cleared);
    }

    /** A condition that holds while any of {@code facts} does. */
    static Rule whenAny(Condition condition, List<Fact> facts, Cause raised, Cause cleared) {
        long bits = 0;
        for (Fact fact : facts) {
            bits |= fact.bit();
        }
        return new Rule(condition, bits, null, 0, 0, null, raised, cleared);
    }

    /** A condition that holds while {@code timer} counts. */
    static Rule timed(Condition condition, Timer timer, Cause raised, Cause cleared) {
        return new Rule(condition, 0, timer, 0, 0, null, raised, cleared);
    }

    /** A condition that holds while {@code timer} counts, or at once while {@code fact} holds. */
    static Rule timedOrWhen(Condition condition, Timer timer, Fact fact, Cause raised, Cause cleared) {
        return new Rule(condition, fact.bit(), timer, 0, 0, null, raised, cleared);
    }

    /** A condition raised by {@code fact} that holds until {@code releasedBy} holds. */
    static Rule latched(Condition condition, Fact fact, Conditions releasedBy, Cause raised, Cause cleared) {
        return new Rule(condition, fact.bit(), null, 0, releasedBy.bits(), null, raised, cleared);
    }

    /** A condition that shuts the loads down, signalled by {@code fact}. */
    static Rule shutdown(Condition condition, Fact fact, Shutdown shutdown, Cause raised, Cause cleared) {
        return new Rule(condition, fact.bit(), null, 0, 0, shutdown, raised, cleared);
    }

    /** A condition that shuts the loads down, signalled by {@code timer}. */
    static Rule shutdown(Condition condition, Timer timer, Shutdown shutdown, Cause raised, Cause cleared) {
        return new Rule(condition, 0, timer, 0, 0, shutdown, raised, cleared);
    }

    /** This row, kept down while {@code other} holds (decided by a row above). */
    Rule unless(Condition other) {
        return new Rule(condition, facts, timer, unless | 1L << other.ordinal(), releasedBy, shutdown, raised,
                cleared);
    }

    /** What this row holds on, in words, for the documented table. */
    String holdsWhen() {
        StringBuilder text = new StringBuilder();
        for (Fact fact : Fact.values()) {
            if ((facts & fact.bit()) != 0) {
                text.append(text.length() == 0 ? "" : ", or ").append(fact.description());
            }
        }
        if (timer != null) {
            text.append(text.length() == 0 ? "" : ", or ").append("timer `").append(timer).append('`');
        }
        if (shutdown != null) {
            text.append(shutdown.waitsForLead() ? ", after the pre-alarm's " + Limits.PRE_ALARM_LEAD.toSeconds()
                    + " s lead" : "");
            text.append(shutdown.emergency() == null ? "" : "; at once with " + shutdown.emergency().description());
            text.append(shutdown.keepsWithoutData() ? "; unchanged while no battery answers" : "");
            text.append("; kept " + Limits.SHUTDOWN_HOLD.toSeconds() + " s after the loads go off or on (PROT-11)");
        }
        if (unless != 0) {
            text.append(", unless ").append(labels(unless)).append(" holds");
        }
        if (releasedBy != 0) {
            text.append("; latched until ").append(labels(releasedBy));
        }
        return text.toString();
    }

    private static String labels(long bits) {
        List<String> labels = new ArrayList<>();
        for (Condition condition : new Conditions(bits).list()) {
            labels.add(condition.label());
        }
        return String.join(" or ", labels);
    }
}
