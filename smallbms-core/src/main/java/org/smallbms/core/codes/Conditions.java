package org.smallbms.core.codes;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable set of active {@link Condition}s, as a bit set: comparing two ticks is one {@code long} compare, and
 * the outputs are three mask tests.
 *
 * <p>This is the only place the outputs are decided: Allowed to charge is "no active condition blocks charge",
 * Allowed to discharge is "no active condition blocks discharge", the pre-alarm is "an active condition raises it and
 * none silences it".
 *
 * @param bits one bit per condition, by ordinal
 */
public record Conditions(long bits) {

    public static final Conditions NONE = new Conditions(0L);

    private static final long ALL = (1L << Condition.all().length) - 1;
    private static final long CHARGE_BLOCKERS = mask(Effect::blocksCharge);
    private static final long DISCHARGE_BLOCKERS = mask(Effect::blocksDischarge);
    private static final long PRE_ALARM_RAISERS = mask(effect -> effect == Effect.PRE_ALARM);
    private static final long PRE_ALARM_SILENCERS = mask(Effect::silencesPreAlarm);
    private static final long SHUTDOWNS = mask(effect -> effect == Effect.SHUTDOWN);

    public Conditions {
        if ((bits & ~ALL) != 0) {
            throw new IllegalArgumentException("condition bits = " + Long.toBinaryString(bits)
                    + " has bits beyond the " + Condition.all().length + " known conditions");
        }
    }

    private static long mask(java.util.function.Predicate<Effect> effects) {
        long mask = 0;
        for (Condition condition : Condition.all()) {
            if (effects.test(condition.effect())) {
                mask |= condition.bit();
            }
        }
        return mask;
    }

    public static Conditions of(Condition... conditions) {
        long bits = 0;
        for (Condition condition : conditions) {
            bits |= condition.bit();
        }
        return new Conditions(bits);
    }

    public boolean has(Condition condition) {
        return (bits & condition.bit()) != 0;
    }

    public Conditions with(Condition condition) {
        return new Conditions(bits | condition.bit());
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    /** Allowed to charge: no active condition blocks charge. */
    public boolean allowsCharge() {
        return (bits & CHARGE_BLOCKERS) == 0;
    }

    /** Allowed to discharge: no active condition blocks discharge. */
    public boolean allowsDischarge() {
        return (bits & DISCHARGE_BLOCKERS) == 0;
    }

    /**
     * The pre-alarm output is high: a condition raises it, and none switches the system off (REM-02) or has shut the
     * loads down for an empty battery (PROT-12).
     */
    public boolean raisesPreAlarm() {
        return (bits & PRE_ALARM_RAISERS) != 0 && (bits & PRE_ALARM_SILENCERS) == 0;
    }

    /** An alarm has shut the loads down for an empty battery (A-B01, A-B07, A-B08: PROT-11, PROT-12). */
    public boolean hasShutdown() {
        return (bits & SHUTDOWNS) != 0;
    }

    /** Conditions in this set and not in {@code other}, in table order. */
    public List<Condition> minus(Conditions other) {
        return list(bits & ~other.bits);
    }

    /** All active conditions in table order. */
    public List<Condition> list() {
        return list(bits);
    }

    /** The active conditions that hold charge, in table order: the reasons behind "Allowed to charge = No". */
    public List<Condition> chargeBlockers() {
        return list(bits & CHARGE_BLOCKERS);
    }

    /** The active conditions that hold discharge, in table order. */
    public List<Condition> dischargeBlockers() {
        return list(bits & DISCHARGE_BLOCKERS);
    }

    /** The active warning, alarm and error codes, in table order. */
    public List<Condition> codes() {
        List<Condition> codes = new ArrayList<>();
        for (Condition condition : list(bits)) {
            if (condition.isCode()) {
                codes.add(condition);
            }
        }
        return codes;
    }

    /** Whether any active code has this severity. */
    public boolean hasCodeOf(Severity severity) {
        for (Condition condition : Condition.all()) {
            if (has(condition) && condition.isCode() && condition.severity() == severity) {
                return true;
            }
        }
        return false;
    }

    private static List<Condition> list(long bits) {
        List<Condition> list = new ArrayList<>(Long.bitCount(bits));
        for (Condition condition : Condition.all()) {
            if ((bits & condition.bit()) != 0) {
                list.add(condition);
            }
        }
        return list;
    }

    @Override
    public String toString() {
        List<String> labels = new ArrayList<>();
        for (Condition condition : list()) {
            labels.add(condition.label());
        }
        return labels.toString();
    }
}
