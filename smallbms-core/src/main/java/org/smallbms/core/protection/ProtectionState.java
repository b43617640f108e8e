package org.smallbms.core.protection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;
import org.smallbms.core.event.Event;

/**
 * The protection after one step: the active conditions, the outputs they give, the detected bank, the timers as
 * deadlines, and the events of the step that produced this state. Immutable.
 *
 * <p>A state that a step left as it was, with no timer running, stays as it is for as long as the same frame and
 * inputs come; such a state also remembers that frame, those inputs and the time it was confirmed ({@link
 * #steadyFor}), so the next step on the same frame (most ticks: a frame is reused while every battery reads the
 * same) is answered without evaluating the rules again. What it remembers is not part of the state's value: equal
 * states are equal whatever they remember.
 */
public final class ProtectionState {

    private final Conditions active;
    private final Outputs outputs;
    private final Optional<Bank> bank;
    private final Timers timers;
    private final Instant shutdownHoldUntil;
    private final Instant preAlarmLeadEndsAt;
    private final FirmwarePhase firmware;
    private final Instant firmwareFailedAt;
    private final List<Event> events;
    // The frame and inputs this state was confirmed steady on, and when; null when it was not.
    private final BankFrame steadyFrame;
    private final ProtectionInputs steadyInputs;
    private final Instant steadySince;

    /**
     * @param active the active conditions; the outputs follow from them
     * @param outputs the three outputs
     * @param bank the bank last detected on a complete chain; empty before the first
     * @param timers the timed limits, one {@link Debounced} each ({@link Timer}: W-B01's hysteresis, W-B05's 2 s,
     *     A-B05's 10 s and 5 s, A-B07's clear margin, A-B08's 5 s, E-B05's 5 s and 5 s)
     * @param shutdownHoldUntil until when the alarms that shut the loads down for an empty battery keep their state
     *     (PROT-11); null when they are free to change
     * @param preAlarmLeadEndsAt when the pre-alarm output will have been high for the full lead; null while it floats
     * @param firmware where a firmware update stands
     * @param firmwareFailedAt when the outstanding update failure happened; null when there is none
     * @param events what the step that produced this state changed, with causes
     */
    public ProtectionState(Conditions active, Outputs outputs, Optional<Bank> bank, Timers timers,
            Instant shutdownHoldUntil, Instant preAlarmLeadEndsAt, FirmwarePhase firmware, Instant firmwareFailedAt,
            List<Event> events) {
        this(active, outputs, bank, timers, shutdownHoldUntil, preAlarmLeadEndsAt, firmware, firmwareFailedAt,
                List.copyOf(events), null, null, null);
    }

    private ProtectionState(Conditions active, Outputs outputs, Optional<Bank> bank, Timers timers,
            Instant shutdownHoldUntil, Instant preAlarmLeadEndsAt, FirmwarePhase firmware, Instant firmwareFailedAt,
            List<Event> events, BankFrame steadyFrame, ProtectionInputs steadyInputs, Instant steadySince) {
        this.active = Objects.requireNonNull(active, "active");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.bank = Objects.requireNonNull(bank, "bank");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.shutdownHoldUntil = shutdownHoldUntil;
        this.preAlarmLeadEndsAt = preAlarmLeadEndsAt;
        this.firmware = Objects.requireNonNull(firmware, "firmware");
        this.firmwareFailedAt = firmwareFailedAt;
        this.events = events;
        this.steadyFrame = steadyFrame;
        this.steadyInputs = steadyInputs;
        this.steadySince = steadySince;
    }

    public Conditions active() {
        return active;
    }

    public Outputs outputs() {
        return outputs;
    }

    public Optional<Bank> bank() {
        return bank;
    }

    /** The timed limits. */
    public Timers timers() {
        return timers;
    }

    public Instant shutdownHoldUntil() {
        return shutdownHoldUntil;
    }

    public Instant preAlarmLeadEndsAt() {
        return preAlarmLeadEndsAt;
    }

    public FirmwarePhase firmware() {
        return firmware;
    }

    public Instant firmwareFailedAt() {
        return firmwareFailedAt;
    }

    public List<Event> events() {
        return events;
    }

    public boolean has(Condition condition) {
        return active.has(condition);
    }

    /** "Allowed to charge" as the status page shows it. */
    public Allowed allowedToCharge() {
        return outputs.charge().isHigh() ? Allowed.YES : Allowed.NO;
    }

    /** "Allowed to discharge" as the status page shows it: Pre-Alarm while the pre-alarm is on and ATD still high. */
    public Allowed allowedToDischarge() {
        if (!outputs.load().isHigh()) {
            return Allowed.NO;
        }
        return outputs.preAlarm().isHigh() ? Allowed.PRE_ALARM : Allowed.YES;
    }

    /** Why charging is not allowed, in the manual's words; empty when it is. */
    public List<String> chargeReasons() {
        return reasons(active.chargeBlockers());
    }

    /** Why discharging is not allowed, or why the pre-alarm is on, in the manual's words; empty when neither. */
    public List<String> dischargeReasons() {
        if (allowedToDischarge() == Allowed.PRE_ALARM) {
            List<String> reasons = new ArrayList<>();
            for (Condition condition : active.list()) {
                if (condition.effect() == org.smallbms.core.codes.Effect.PRE_ALARM) {
                    reasons.add(condition.reason());
                }
            }
            return reasons;
        }
        return reasons(active.dischargeBlockers());
    }

    private static List<String> reasons(List<Condition> conditions) {
        List<String> reasons = new ArrayList<>(conditions.size());
        for (Condition condition : conditions) {
            reasons.add(condition.reason());
        }
        return reasons;
    }

    ProtectionState withoutEvents() {
        return events.isEmpty() ? this : new ProtectionState(active, outputs, bank, timers, shutdownHoldUntil,
                preAlarmLeadEndsAt, firmware, firmwareFailedAt, List.of());
    }

    /**
     * This state, without events, as a step that changed nothing on {@code frame} and {@code inputs} at {@code now}
     * leaves it; remembering them when no timer can change it later: no debounced condition pending, the pre-alarm
     * lead over or not running, and a firmware failure's grace over or none. Then the rules give this state again
     * for the same frame and inputs at any later time (the rules read the time only through those timers).
     */
    ProtectionState steadyOn(BankFrame frame, ProtectionInputs inputs, Instant now) {
        boolean timersIdle = timers.idle()
                && (shutdownHoldUntil == null || !now.isBefore(shutdownHoldUntil))
                && (preAlarmLeadEndsAt == null || !now.isBefore(preAlarmLeadEndsAt))
                && (firmwareFailedAt == null || !now.isBefore(firmwareFailedAt.plus(Limits.FIRMWARE_FAILED_GRACE)));
        if (!timersIdle) {
            return withoutEvents();
        }
        return new ProtectionState(active, outputs, bank, timers, shutdownHoldUntil, preAlarmLeadEndsAt, firmware,
                firmwareFailedAt, List.of(), frame, inputs, now);
    }

    /**
     * Whether a step on {@code frame} (the same object), {@code inputs} and {@code bank} (the same object) at
     * {@code now} gives this state again, as {@link #steadyOn} remembered; no events, so the state itself is the
     * step's result.
     */
    boolean steadyFor(BankFrame frame, ProtectionInputs inputs, Optional<Bank> frameBank, Instant now) {
        return frame == steadyFrame && frameBank == bank && inputs.equals(steadyInputs) && !now.isBefore(steadySince);
    }

    /** Whether this state remembers a frame it is steady on. */
    boolean steady() {
        return steadyFrame != null;
    }

    /** Equal when every field of the protection is; what {@link #steadyOn} remembered is not one of them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProtectionState p
                && active.equals(p.active) && outputs.equals(p.outputs) && bank.equals(p.bank)
                && timers.equals(p.timers)
                && Objects.equals(shutdownHoldUntil, p.shutdownHoldUntil)
                && Objects.equals(preAlarmLeadEndsAt, p.preAlarmLeadEndsAt)
                && firmware == p.firmware && Objects.equals(firmwareFailedAt, p.firmwareFailedAt)
                && events.equals(p.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(active, outputs, bank, timers, shutdownHoldUntil, preAlarmLeadEndsAt, firmware,
                firmwareFailedAt, events);
    }

    @Override
    public String toString() {
        return "ProtectionState[active=" + active + ", outputs=" + outputs + ", bank=" + bank + ", timers="
                + timers + ", shutdownHoldUntil=" + shutdownHoldUntil + ", preAlarmLeadEndsAt=" + preAlarmLeadEndsAt
                + ", firmware=" + firmware + ", firmwareFailedAt=" + firmwareFailedAt + ", events=" + events + "]";
    }

    ProtectionState withFirmware(FirmwarePhase phase, Instant failedAt, List<Event> newEvents) {
        return new ProtectionState(active, outputs, bank, timers, shutdownHoldUntil, preAlarmLeadEndsAt, phase,
                failedAt, newEvents);
    }
}
