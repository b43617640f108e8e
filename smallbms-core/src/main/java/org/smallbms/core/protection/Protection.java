package org.smallbms.core.protection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankDetection;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;
import org.smallbms.core.codes.Effect;
import org.smallbms.core.event.Event;
import org.smallbms.core.firmware.FirmwareImage;
import org.smallbms.core.text.Figures;

/**
 * The protection step: from the previous state, the time and one frame, the next state with its outputs and the
 * events that explain every change, by a device's {@link RuleSet} (the smallBMS NG's where none is named).
 *
 * <p>Each rule sets or clears one {@link Condition}; the outputs are read off the active set by
 * {@link Conditions#allowsCharge()}, {@link Conditions#allowsDischarge()} and {@link Conditions#raisesPreAlarm()}.
 */
public final class Protection {

    private Protection() {
    }

    /** The BMS before it has power: every output floats (OUT-03). The first powered step starts it (REM-04). */
    public static ProtectionState poweredOff() {
        return new ProtectionState(Conditions.of(Condition.UNPOWERED), Outputs.ALL_FLOATING, Optional.empty(),
                Timers.IDLE, null, null, FirmwarePhase.IDLE, null, List.of());
    }

    /** The state right after power-up at {@code now}: no bank yet, the comm-loss timers running from now. */
    private static ProtectionState poweredUp(ProtectionState off) {
        return new ProtectionState(off.active(), Outputs.ALL_FLOATING, Optional.empty(), Timers.IDLE, null, null,
                FirmwarePhase.IDLE, null, List.of());
    }

    /**
     * One control step. A step that changes nothing hands back {@code previous} itself when it has no events (else
     * an equal state without them): {@link SteadySteps} builds on that.
     */
    public static ProtectionState step(ProtectionState previous, Instant now, BankFrame frame,
            ProtectionInputs inputs) {
        return step(RuleSet.NG, previous, now, frame, inputs);
    }

    /** One control step by {@code rules}, as {@link #step(ProtectionState, Instant, BankFrame, ProtectionInputs)}. */
    public static ProtectionState step(RuleSet rules, ProtectionState previous, Instant now, BankFrame frame,
            ProtectionInputs inputs) {
        return step(rules, previous, now, frame, inputs, bankFor(rules, previous, frame));
    }

    /**
     * The bank a frame comes from: the one {@code state} knows if the same batteries answer or the chain is not
     * complete, else the bank detected from this frame (TOP-01, TOP-09). After power-up the state knows none yet, so
     * the first complete frame is detected.
     */
    public static Optional<Bank> bankFor(ProtectionState state, BankFrame frame) {
        return bankFor(RuleSet.NG, state, frame);
    }

    /**
     * The bank a frame comes from, as {@link #bankFor(ProtectionState, BankFrame)}; none for a device that does not
     * detect one ({@link RuleSet#detectsBank()}).
     */
    public static Optional<Bank> bankFor(RuleSet rules, ProtectionState state, BankFrame frame) {
        if (!rules.detectsBank()) {
            return Optional.empty();
        }
        Optional<Bank> known = state.bank();
        if (!frame.isComplete() || known.isPresent() && known.get().hasSameMembers(frame.batteries())) {
            return known;
        }
        return Optional.of(BankDetection.detect(frame.batteries(), frame.terminalMillivolts()));
    }

    /**
     * One control step with the frame's bank as {@link #bankFor} found it for {@code previous} and {@code frame}: the
     * device step needs that bank before the protection runs (for the measurement), and so the batteries are
     * compared with the bank's members once per tick, not twice.
     *
     * <p>Below the operating minimum the BMS is off (OUT-03) whatever else holds. Otherwise the step moves the timers
     * of the {@link RuleSet}, then decides each of its rows in turn; the outputs follow from the
     * conditions that hold.
     *
     * @param frameBank {@code bankFor(previous, frame)}
     */
    public static ProtectionState step(ProtectionState previous, Instant now, BankFrame frame,
            ProtectionInputs inputs, Optional<Bank> frameBank) {
        return step(RuleSet.NG, previous, now, frame, inputs, frameBank);
    }

    /**
     * One control step by {@code rules} with the frame's bank as {@link #bankFor(RuleSet, ProtectionState,
     * BankFrame)} found it, as {@link #step(ProtectionState, Instant, BankFrame, ProtectionInputs, Optional)}.
     */
    public static ProtectionState step(RuleSet rules, ProtectionState previous, Instant now, BankFrame frame,
            ProtectionInputs inputs, Optional<Bank> frameBank) {
        if (frame.terminalMillivolts() < Limits.OPERATING_MIN_MILLIVOLTS) {
            if (previous.active().equals(Conditions.of(Condition.UNPOWERED))) {
                return previous.withoutEvents();
            }
            ProtectionState off = poweredOff();
            return finish(rules, previous, Reading.of(frame, inputs, off.bank(), previous, now), off.active(),
                    off.timers(), null, null, FirmwarePhase.IDLE, null, List.of());
        }
        ProtectionState s = previous.has(Condition.UNPOWERED) ? poweredUp(previous) : previous;

        // The bank: detected again only when a complete chain shows other members (TOP-01, TOP-09).
        // At power-up the bank is found again for the state just powered up, which knows none.
        Optional<Bank> bank = s == previous ? frameBank : bankFor(rules, s, frame);
        List<Event> bankEvents = List.of();
        if (!bank.equals(s.bank())) {
            bankEvents = List.of(bankEvent(now, s.bank(), bank.orElseThrow()));
        }

        long facts = Reading.facts(frame, inputs, bank, s, now);
        Timers timers = rules.compiledTimers().next(s.timers(), facts, now);
        long bits = rules.compiledRules().decide(s, now, facts, timers);

        Conditions active = bits == s.active().bits() ? s.active() : new Conditions(bits);
        Outputs outputs = Outputs.of(active.allowsCharge(), active.allowsDischarge(), active.raisesPreAlarm());
        Instant leadEndsAt = !outputs.preAlarm().isHigh() ? null
                : s.outputs().preAlarm().isHigh() && s.preAlarmLeadEndsAt() != null ? s.preAlarmLeadEndsAt()
                : now.plus(Limits.PRE_ALARM_LEAD);
        Instant holdUntil = shutdownHold(s, active, outputs, now);

        if (active == previous.active() && outputs == previous.outputs() && bank == previous.bank()
                && timers == previous.timers() && holdUntil == previous.shutdownHoldUntil()
                && leadEndsAt == previous.preAlarmLeadEndsAt() && s == previous) {
            return previous.withoutEvents();
        }
        return finish(rules, previous, Reading.of(frame, inputs, bank, s, now), active, timers, holdUntil,
                leadEndsAt, s.firmware(), s.firmwareFailedAt(), bankEvents);
    }

    /**
     * PROT-11: a new hold of {@link Limits#SHUTDOWN_HOLD} starts when the load output opens while an empty-battery
     * alarm is active, and when it closes again after one; otherwise the running hold, or none once it is over.
     */
    private static Instant shutdownHold(ProtectionState s, Conditions active, Outputs outputs, Instant now) {
        boolean opened = s.outputs().load().isHigh() && !outputs.load().isHigh() && active.hasShutdown();
        boolean restored = !s.outputs().load().isHigh() && outputs.load().isHigh() && s.active().hasShutdown();
        if (opened || restored) {
            return now.plus(Limits.SHUTDOWN_HOLD);
        }
        return s.shutdownHoldUntil() != null && now.isBefore(s.shutdownHoldUntil()) ? s.shutdownHoldUntil() : null;
    }

    /**
     * The state a step gives, with an event for each condition raised or cleared and each output that moved, each with
     * its cause from the condition's row; {@code reading} is what the step read (its state before is the one the
     * causes name: the lead's start, the outputs as commanded).
     */
    private static ProtectionState finish(RuleSet rules, ProtectionState previous, Reading reading,
            Conditions active, Timers timers, Instant holdUntil, Instant leadEndsAt, FirmwarePhase firmware,
            Instant firmwareFailedAt, List<Event> bankEvents) {
        Instant now = reading.now();
        Outputs outputs = Outputs.of(active.allowsCharge(), active.allowsDischarge(), active.raisesPreAlarm());
        List<Event> events = bankEvents;
        if (active.bits() != previous.active().bits()) {
            events = new ArrayList<>(bankEvents);
            List<Condition> raised = active.minus(previous.active());
            List<Condition> cleared = previous.active().minus(active);
            for (Condition condition : raised) {
                events.add(new Event(now, kindOf(condition), condition.label(), "active", raised(rules, condition,
                        reading)));
            }
            for (Condition condition : cleared) {
                events.add(new Event(now, kindOf(condition), condition.label(), "cleared",
                        cleared(rules, condition, reading)));
            }
            addOutputEvent(rules, events, now, "ATC", previous.outputs().charge(), outputs.charge(), raised,
                    cleared, reading, Output.CHARGE);
            addOutputEvent(rules, events, now, "ATD", previous.outputs().load(), outputs.load(), raised, cleared,
                    reading, Output.LOAD);
            addOutputEvent(rules, events, now, "PRE_ALARM", previous.outputs().preAlarm(), outputs.preAlarm(),
                    raised, cleared, reading, Output.PRE_ALARM);
        }
        return new ProtectionState(active, outputs, reading.bank(), timers, holdUntil, leadEndsAt, firmware,
                firmwareFailedAt, events);
    }

    private static String raised(RuleSet rules, Condition condition, Reading reading) {
        return rules.row(condition).raised().of(reading);
    }

    /** Why a condition cleared: its row's words, or the power that went, which clears them all. */
    private static String cleared(RuleSet rules, Condition condition, Reading reading) {
        if (reading.vbat() < Limits.OPERATING_MIN_MILLIVOLTS) {
            return "the BMS lost power (Vbat " + Figures.millivoltsAsVolts(reading.vbat(), 3) + ")";
        }
        return rules.row(condition).cleared().of(reading);
    }

    private enum Output { CHARGE, LOAD, PRE_ALARM }

    private static void addOutputEvent(RuleSet rules, List<Event> events, Instant now, String name, Level before,
            Level after, List<Condition> raised, List<Condition> cleared, Reading reading, Output output) {
        if (before == after) {
            return;
        }
        StringBuilder cause = new StringBuilder();
        for (Condition condition : raised) {
            if (push(condition, output, true) == after) {
                cause.append(cause.length() == 0 ? "" : "; ").append(condition.label()).append(' ')
                        .append(raised(rules, condition, reading));
            }
        }
        for (Condition condition : cleared) {
            if (push(condition, output, false) == after) {
                cause.append(cause.length() == 0 ? "" : "; ").append(condition.label()).append(" cleared: ")
                        .append(cleared(rules, condition, reading));
            }
        }
        events.add(new Event(now, Event.Kind.OUTPUT, name, after.name(), cause.toString()));
    }

    /** Which way a condition being raised (or cleared) pushes an output; null when it does not bear on it. */
    private static Level push(Condition condition, Output output, boolean raised) {
        Effect effect = condition.effect();
        boolean holds = switch (output) {
            case CHARGE -> effect.blocksCharge();
            case LOAD -> effect.blocksDischarge();
            case PRE_ALARM -> effect.silencesPreAlarm();
        };
        if (holds) {
            return raised ? Level.FLOATING : Level.HIGH;
        }
        if (output == Output.PRE_ALARM && effect == Effect.PRE_ALARM) {
            return raised ? Level.HIGH : Level.FLOATING;
        }
        return null;
    }

    private static Event.Kind kindOf(Condition condition) {
        return condition.isCode() ? Event.Kind.CODE : Event.Kind.STATE;
    }

    private static Event bankEvent(Instant now, Optional<Bank> before, Bank detected) {
        String description = count(detected.batteryCount(), "battery", "batteries") + ", " + detected.series()
                + " in series, "
                + detected.parallel() + " in parallel, " + detected.cellCount() + " cells, "
                + (detected.batteryCount() == 0 ? "" : detected.capacityAmpHours() + " Ah at "
                + Figures.millivoltsAsVolts(detected.nominalMillivolts(), 3));
        String cause = before.isEmpty() ? "bank detected on the BMS cable"
                : "batteries changed on the BMS cable (was " + count(before.get().batteryCount(), "battery",
                "batteries") + ")";
        return new Event(now, Event.Kind.BANK, "bank", description, cause);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * FW-01, FW-03: starts a firmware update. The image is checked first; a bad image fails the update (FW-03),
     * which starts the FW-02 grace period like any other failure.
     *
     * @param target the model string the image must be built for
     */
    public static ProtectionState startFirmwareUpdate(ProtectionState state, Instant now, FirmwareImage image,
            String target) {
        Optional<String> problem = image.problem(target);
        if (problem.isPresent()) {
            Instant failedAt = state.firmwareFailedAt() != null ? state.firmwareFailedAt() : now;
            return state.withFirmware(FirmwarePhase.FAILED, failedAt, List.of(new Event(now, Event.Kind.COMMAND,
                    "firmware", "failed", "image " + image.version() + " refused: " + problem.get())));
        }
        return state.withFirmware(FirmwarePhase.UPDATING, state.firmwareFailedAt(), List.of(new Event(now,
                Event.Kind.COMMAND, "firmware", "updating", "image " + image.version() + " checked; applying")));
    }

    /** FW-02: the update in progress has finished, applied or failed. */
    public static ProtectionState finishFirmwareUpdate(ProtectionState state, Instant now, boolean applied,
            String detail) {
        if (state.firmware() != FirmwarePhase.UPDATING) {
            throw new IllegalStateException("no firmware update in progress (phase " + state.firmware() + ")");
        }
        if (applied) {
            return state.withFirmware(FirmwarePhase.IDLE, null, List.of(new Event(now, Event.Kind.COMMAND,
                    "firmware", "applied", detail)));
        }
        Instant failedAt = state.firmwareFailedAt() != null ? state.firmwareFailedAt() : now;
        return state.withFirmware(FirmwarePhase.FAILED, failedAt, List.of(new Event(now, Event.Kind.COMMAND,
                "firmware", "failed", detail + "; the load output opens "
                + Limits.FIRMWARE_FAILED_GRACE.toSeconds() + " s after the first failure unless a retry succeeds")));
    }
}
