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
 * @param preAlarmCell W-B01 with its hysteresis
 * @param commWarning W-B05 with its 2 s delay
 * @param commAlarm A-B05 with its 10 s set and 5 s clear delays
 * @param lowSocAlarm A-B07 with its clear margin
 * @param lowBankVoltage A-B08 with its 5 s delay
 * @param preAlarmLeadEndsAt when the pre-alarm output will have been high for the full lead; null while it floats
 * @param firmware where a firmware update stands
 * @param firmwareFailedAt when the outstanding update failure happened; null when there is none
 * @param events what the step that produced this state changed, with causes
 */
public record ProtectionState(
        Conditions active,
        Outputs outputs,
        Optional<Bank> bank,
        Debounced preAlarmCell,
        Debounced commWarning,
        Debounced commAlarm,
        Debounced lowSocAlarm,
        Debounced lowBankVoltage,
        Instant preAlarmLeadEndsAt,
        FirmwarePhase firmware,
        Instant firmwareFailedAt,
        List<Event> events) {

    public ProtectionState {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(preAlarmCell, "preAlarmCell");
        Objects.requireNonNull(commWarning, "commWarning");
        Objects.requireNonNull(commAlarm, "commAlarm");
        Objects.requireNonNull(lowSocAlarm, "lowSocAlarm");
        Objects.requireNonNull(lowBankVoltage, "lowBankVoltage");
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
        return events.isEmpty() ? this : new ProtectionState(active, outputs, bank, preAlarmCell, commWarning,
                commAlarm, lowSocAlarm, lowBankVoltage, preAlarmLeadEndsAt, firmware, firmwareFailedAt, List.of());
    }

    ProtectionState withFirmware(FirmwarePhase phase, Instant failedAt, List<Event> newEvents) {
        return new ProtectionState(active, outputs, bank, preAlarmCell, commWarning, commAlarm, lowSocAlarm,
                lowBankVoltage, preAlarmLeadEndsAt, phase, failedAt, newEvents);
    }
}
