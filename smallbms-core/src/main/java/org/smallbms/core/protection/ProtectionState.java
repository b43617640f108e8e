package org.smallbms.core.protection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;
import org.smallbms.core.event.Event;

/**
 * The protection after one step: the active conditions, the outputs they give, the detected bank, the timers as
 * deadlines, and the events of the step that produced this state. Immutable.
 *
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
public record ProtectionState(Conditions active, Outputs outputs, Optional<Bank> bank, Timers timers,
        Instant shutdownHoldUntil, Instant preAlarmLeadEndsAt, FirmwarePhase firmware, Instant firmwareFailedAt,
        List<Event> events) {

    public ProtectionState {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(firmware, "firmware");
        events = List.copyOf(events);
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
     * Whether time alone cannot change this state: no debounced condition pending, no shutdown hold running at
     * {@code now}, the pre-alarm lead over or not running, and a firmware failure's grace over or none. The rules
     * read the time only through these, so a step that left such a state as it was gives it again for the same frame
     * and inputs at any later time ({@link SteadySteps}).
     */
    public boolean quietAt(Instant now) {
        return timers.idle()
                && (shutdownHoldUntil == null || !now.isBefore(shutdownHoldUntil))
                && (preAlarmLeadEndsAt == null || !now.isBefore(preAlarmLeadEndsAt))
                && (firmwareFailedAt == null || !now.isBefore(firmwareFailedAt.plus(Limits.FIRMWARE_FAILED_GRACE)));
    }

    ProtectionState withFirmware(FirmwarePhase phase, Instant failedAt, List<Event> newEvents) {
        return new ProtectionState(active, outputs, bank, timers, shutdownHoldUntil, preAlarmLeadEndsAt, phase,
                failedAt, newEvents);
    }
}
