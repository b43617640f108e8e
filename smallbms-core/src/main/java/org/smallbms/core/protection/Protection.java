package org.smallbms.core.protection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankDetection;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;
import org.smallbms.core.codes.Effect;
import org.smallbms.core.event.Event;
import org.smallbms.core.firmware.FirmwareImage;
import org.smallbms.core.remote.Remote;

/**
 * The protection step of the smallBMS NG: from the previous state, the time and one frame, the next state with its
 * outputs and the events that explain every change.
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
                Debounced.INACTIVE, Debounced.INACTIVE, Debounced.INACTIVE, Debounced.INACTIVE, Debounced.INACTIVE,
                Debounced.INACTIVE, null, null, FirmwarePhase.IDLE, null, List.of());
    }

    /** The state right after power-up at {@code now}: no bank yet, the comm-loss timers running from now. */
    private static ProtectionState poweredUp(ProtectionState off) {
        return new ProtectionState(off.active(), Outputs.ALL_FLOATING, Optional.empty(), Debounced.INACTIVE,
                Debounced.INACTIVE, Debounced.INACTIVE, Debounced.INACTIVE, Debounced.INACTIVE, Debounced.INACTIVE,
                null, null, FirmwarePhase.IDLE, null, List.of());
    }

    /**
     * One control step. When nothing changed, returns {@code previous} itself, or once an equal state that
     * remembers the frame it was confirmed on (see {@link ProtectionState}); in both cases without events.
     */
    public static ProtectionState step(ProtectionState previous, Instant now, BankFrame frame,
            ProtectionInputs inputs) {
        return step(previous, now, frame, inputs, bankFor(previous, frame));
    }

    /**
     * The bank a frame comes from: the one {@code state} knows if the same batteries answer or the chain is not
     * complete, else the bank detected from this frame (TOP-01, TOP-09). After power-up the state knows none yet, so
     * the first complete frame is detected.
     */
    public static Optional<Bank> bankFor(ProtectionState state, BankFrame frame) {
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
     * @param frameBank {@code bankFor(previous, frame)}
     */
    public static ProtectionState step(ProtectionState previous, Instant now, BankFrame frame,
            ProtectionInputs inputs, Optional<Bank> frameBank) {
        // The same frame and inputs as a step that left the state as it was, with no timer running: the same state.
        if (previous.steadyFor(frame, inputs, frameBank, now)) {
            return previous;
        }
        int vbat = frame.terminalMillivolts();
        if (vbat < Limits.OPERATING_MIN_MILLIVOLTS) {
            if (previous.active().equals(Conditions.of(Condition.UNPOWERED))) {
                return previous.withoutEvents();
            }
            ProtectionState off = poweredOff();
            return finish(previous, now, frame, inputs, off.active(), off.bank(), off.preAlarmCell(),
                    off.commWarning(), off.commAlarm(), off.lowSocAlarm(), off.lowBankVoltage(), off.chainOpen(),
                    null, null, FirmwarePhase.IDLE, null, List.of());
        }
        ProtectionState s = previous.has(Condition.UNPOWERED) ? poweredUp(previous) : previous;

        // The bank: detected again only when a complete chain shows other members (TOP-01, TOP-09).
        // At power-up the bank is found again for the state just powered up, which knows none.
        Optional<Bank> bank = s == previous ? frameBank : bankFor(s, frame);
        List<Event> bankEvents = List.of();
        if (!bank.equals(s.bank())) {
            bankEvents = List.of(bankEvent(now, s.bank(), bank.orElseThrow()));
        }

        // One pass over the batteries.
        List<BatteryReading> batteries = frame.batteries();
        int minCell = Integer.MAX_VALUE;
        int flags = 0;
        for (int i = 0; i < batteries.size(); i++) {
            BatteryReading reading = batteries.get(i);
            minCell = Math.min(minCell, reading.minCellMillivolts());
            flags |= reading.flags().bits();
        }
        boolean haveReadings = !batteries.isEmpty();
        boolean cellLowFlag = has(flags, BatteryFlag.CELL_LOW_VOLTAGE);

        long bits = 0;
        if (!Remote.isOn(frame.remote(), vbat)) {
            bits |= bit(Condition.REMOTE_OFF);
        }
        if (!inputs.modeOn()) {
            bits |= bit(Condition.MODE_OFF);
        }
        boolean systemOff = bits != 0;
        if (bank.isEmpty()) {
            bits |= bit(Condition.NO_BANK);
        }
        if (has(flags, BatteryFlag.CHARGE_LOW_TEMPERATURE)) {
            bits |= bit(Condition.CHARGE_LOW_TEMPERATURE);
        }
        if (has(flags, BatteryFlag.CELL_HIGH_VOLTAGE)) {
            bits |= bit(Condition.CELL_HIGH_VOLTAGE);
        }
        // FW-01: only while the update runs; a failed one is no longer "in progress" (FW-02 takes over).
        if (s.firmware() == FirmwarePhase.UPDATING) {
            bits |= bit(Condition.FIRMWARE_UPDATING);
        }
        if (s.firmwareFailedAt() != null && !now.isBefore(s.firmwareFailedAt().plus(Limits.FIRMWARE_FAILED_GRACE))) {
            bits |= bit(Condition.FIRMWARE_FAILED);
        }

        // The bank's voltage per cell in series, a backup to the cells' own data (CODE-07); known on a valid bank.
        int series = bank.isPresent() && bank.get().isValid() ? bank.get().cellsInSeries() : 0;

        // W-B01: a cell below the pre-alarm level, the battery's low cell flag, or Vbat per cell below the level
        // (CODE-07 revised); with neither readings nor a valid bank, unchanged.
        int preAlarmLevel = inputs.preAlarmCellMillivolts();
        int preAlarmClear = preAlarmLevel + Limits.PRE_ALARM_HYSTERESIS_MILLIVOLTS;
        Debounced preAlarmCell = !haveReadings && series == 0 ? s.preAlarmCell() : s.preAlarmCell().next(now,
                haveReadings && (minCell < preAlarmLevel || cellLowFlag) || series > 0 && vbat < preAlarmLevel * series,
                (!haveReadings || minCell >= preAlarmClear && !cellLowFlag)
                        && (series == 0 || vbat >= preAlarmClear * series),
                java.time.Duration.ZERO, java.time.Duration.ZERO);
        if (preAlarmCell.active()) {
            bits |= bit(Condition.W_B01);
        }

        // W-B05, A-B05: a battery on the chain without valid data (CODE-02, CODE-05).
        boolean dataMissing = frame.batteries().size() < frame.chainNodes() || frame.chainNodes() == 0;
        Debounced commWarning = s.commWarning().next(now, dataMissing, !dataMissing, Limits.COMM_WARNING_DELAY,
                java.time.Duration.ZERO);
        Debounced commAlarm = s.commAlarm().next(now, dataMissing, !dataMissing, Limits.COMM_ALARM_DELAY,
                Limits.COMM_ALARM_CLEAR_DELAY);
        // CODE-02, TOP-06: an open loop warns at once.
        if (commWarning.active() || !frame.chainClosed()) {
            bits |= bit(Condition.W_B05);
        }
        if (commAlarm.active()) {
            bits |= bit(Condition.A_B05);
        }

        // A-B07 and W-B07: only while SoC is known (PROT-06, PROT-07, PROT-09).
        int floorPermille = inputs.dischargeFloorPercent() * 10;
        boolean socRules = inputs.socKnown();
        int soc = inputs.socPermille();
        Debounced lowSocAlarm = s.lowSocAlarm().next(now,
                socRules && floorPermille > 0 && soc <= floorPermille,
                !socRules || floorPermille == 0 || soc >= floorPermille + Limits.LOW_SOC_ALARM_CLEAR_PERMILLE,
                java.time.Duration.ZERO, java.time.Duration.ZERO);

        // Vbat per cell below A-B08's level for 5 s (CODE-07); A-B08 itself is decided with A-B01 below.
        Debounced lowBankVoltage = series == 0 ? Debounced.INACTIVE
                : Limits.LOW_BANK_VOLTAGE.nextPerUnit(s.lowBankVoltage(), now, vbat, series);
        if (has(flags, BatteryFlag.CHARGE_HIGH_TEMPERATURE)) {
            bits |= bit(Condition.A_B09);
        }

        // Errors (TOP-05..08, CODE-09..12).
        if (bank.isPresent() && !bank.get().isValid()) {
            bits |= bit(Condition.E_B01);
        }
        Debounced chainOpen = s.chainOpen().next(now, !frame.chainClosed(), frame.chainClosed(),
                Limits.CHAIN_OPEN_DELAY, Limits.CHAIN_OPEN_DELAY);
        if (chainOpen.active()) {
            bits |= bit(Condition.E_B05);
        }
        if (vbatNotAllowed(vbat, bank, batteries)) {
            bits |= bit(Condition.E_B09);
        }
        boolean outputFault = readbackFault(s.outputs(), frame.readback());
        // A shorted output stays an error until the BMS is switched off and on (remote, mode or power).
        if (!frame.selfTestPassed() || outputFault || s.has(Condition.E_B11) && !systemOff) {
            bits |= bit(Condition.E_B11);
        }

        // A-B01 (the battery's low cell flag) and A-B08 (Vbat per cell) open the load output only after the pre-alarm
        // lead (PROT-05, CODE-07); their emergency levels at once. PROT-11: while the hold runs, A-B01, A-B07 and
        // A-B08 keep their state, so the loads neither come back within a minute of the cut nor go off again within
        // a minute of coming back; only an emergency level cuts them then.
        boolean leadDone = s.preAlarmLeadEndsAt() != null && !now.isBefore(s.preAlarmLeadEndsAt());
        boolean holding = s.shutdownHoldUntil() != null && now.isBefore(s.shutdownHoldUntil());
        boolean cellEmergency = haveReadings && minCell < Limits.EMERGENCY_CELL.set();
        boolean lowCell = haveReadings
                ? cellEmergency || cellLowFlag && (leadDone || s.has(Condition.A_B01))
                : s.has(Condition.A_B01);
        boolean bankEmergency = series > 0 && vbat < Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL * series;
        boolean lowBank = bankEmergency || lowBankVoltage.active() && (leadDone || s.has(Condition.A_B08));
        boolean lowSoc = lowSocAlarm.active();
        if (holding) {
            lowCell = s.has(Condition.A_B01) || cellEmergency;
            lowBank = s.has(Condition.A_B08) || bankEmergency;
            lowSoc = s.has(Condition.A_B07);
        }
        if (lowCell) {
            bits |= bit(Condition.A_B01);
        }
        if (lowBank) {
            bits |= bit(Condition.A_B08);
        }
        if (lowSoc) {
            bits |= bit(Condition.A_B07);
        } else if (socRules && inputs.lowSocWarningPercent() > 0 && soc <= inputs.lowSocWarningPercent() * 10) {
            bits |= bit(Condition.W_B07);
        }

        Conditions active = bits == s.active().bits() ? s.active() : new Conditions(bits);
        Outputs outputs = Outputs.of(active.allowsCharge(), active.allowsDischarge(), active.raisesPreAlarm());
        Instant leadEndsAt = !outputs.preAlarm().isHigh() ? null
                : s.outputs().preAlarm().isHigh() && s.preAlarmLeadEndsAt() != null ? s.preAlarmLeadEndsAt()
                : now.plus(Limits.PRE_ALARM_LEAD);
        Instant holdUntil = shutdownHold(s, active, outputs, now);

        if (active == previous.active() && outputs == previous.outputs() && bank == previous.bank()
                && preAlarmCell == previous.preAlarmCell() && commWarning == previous.commWarning()
                && commAlarm == previous.commAlarm() && lowSocAlarm == previous.lowSocAlarm()
                && lowBankVoltage == previous.lowBankVoltage() && chainOpen == previous.chainOpen()
                && holdUntil == previous.shutdownHoldUntil() && leadEndsAt == previous.preAlarmLeadEndsAt()
                && s == previous) {
            return previous.steadyOn(frame, inputs, now);
        }
        return finish(previous, now, frame, inputs, active, bank, preAlarmCell, commWarning, commAlarm, lowSocAlarm,
                lowBankVoltage, chainOpen, holdUntil, leadEndsAt, s.firmware(), s.firmwareFailedAt(), bankEvents);
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

    private static ProtectionState finish(ProtectionState previous, Instant now, BankFrame frame,
            ProtectionInputs inputs, Conditions active, Optional<Bank> bank, Debounced preAlarmCell,
            Debounced commWarning, Debounced commAlarm, Debounced lowSocAlarm, Debounced lowBankVoltage,
            Debounced chainOpen, Instant holdUntil, Instant leadEndsAt, FirmwarePhase firmware,
            Instant firmwareFailedAt, List<Event> bankEvents) {
        Outputs outputs = Outputs.of(active.allowsCharge(), active.allowsDischarge(), active.raisesPreAlarm());
        List<Event> events = bankEvents;
        if (active.bits() != previous.active().bits()) {
            events = new ArrayList<>(bankEvents);
            Causes causes = new Causes(Measure.of(frame), inputs, bank, previous, now);
            List<Condition> raised = active.minus(previous.active());
            List<Condition> cleared = previous.active().minus(active);
            for (Condition condition : raised) {
                events.add(new Event(now, kindOf(condition), condition.label(), "active", causes.raised(condition)));
            }
            for (Condition condition : cleared) {
                events.add(new Event(now, kindOf(condition), condition.label(), "cleared",
                        causes.cleared(condition)));
            }
            addOutputEvent(events, now, "ATC", previous.outputs().charge(), outputs.charge(), raised, cleared,
                    causes, Output.CHARGE);
            addOutputEvent(events, now, "ATD", previous.outputs().load(), outputs.load(), raised, cleared, causes,
                    Output.LOAD);
            addOutputEvent(events, now, "PRE_ALARM", previous.outputs().preAlarm(), outputs.preAlarm(), raised,
                    cleared, causes, Output.PRE_ALARM);
        }
        return new ProtectionState(active, outputs, bank, preAlarmCell, commWarning, commAlarm, lowSocAlarm,
                lowBankVoltage, chainOpen, holdUntil, leadEndsAt, firmware, firmwareFailedAt, events);
    }

    private enum Output { CHARGE, LOAD, PRE_ALARM }

    private static void addOutputEvent(List<Event> events, Instant now, String name, Level before, Level after,
            List<Condition> raised, List<Condition> cleared, Causes causes, Output output) {
        if (before == after) {
            return;
        }
        StringBuilder cause = new StringBuilder();
        for (Condition condition : raised) {
            if (push(condition, output, true) == after) {
                cause.append(cause.length() == 0 ? "" : "; ").append(condition.label()).append(' ')
                        .append(causes.raised(condition));
            }
        }
        for (Condition condition : cleared) {
            if (push(condition, output, false) == after) {
                cause.append(cause.length() == 0 ? "" : "; ").append(condition.label()).append(" cleared: ")
                        .append(causes.cleared(condition));
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
                + Measure.volts(detected.nominalMillivolts()));
        String cause = before.isEmpty() ? "bank detected on the BMS cable"
                : "batteries changed on the BMS cable (was " + count(before.get().batteryCount(), "battery",
                "batteries") + ")";
        return new Event(now, Event.Kind.BANK, "bank", description, cause);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * TOP-07 (revised): Vbat outside 9..60 V, or Vbat more than 10 % away from the series voltage the batteries of a
     * valid bank report (the BMS is wired to another battery). Within 9..60 V there are no gaps between systems: a
     * deeply discharged 24 V bank at 17.5 V is low bank voltage (A-B08), not E-B09.
     */
    private static boolean vbatNotAllowed(int vbat, Optional<Bank> bank, List<BatteryReading> batteries) {
        if (vbat < Limits.VBAT_MIN_MILLIVOLTS || vbat > Limits.VBAT_MAX_MILLIVOLTS) {
            return true;
        }
        long series = reportedSeriesMillivolts(bank, batteries);
        return series > 0 && Math.abs(vbat - series) * 100 > series * Limits.VBAT_MISMATCH_PERCENT;
    }

    /**
     * The series voltage the batteries of a valid bank report: the sum of their voltages over the strings in
     * parallel; 0 when the bank is not valid or not every member answers.
     */
    static long reportedSeriesMillivolts(Optional<Bank> bank, List<BatteryReading> batteries) {
        if (bank.isEmpty() || !bank.get().isValid() || bank.get().parallel() == 0
                || batteries.size() != bank.get().batteryCount()) {
            return 0;
        }
        long total = 0;
        for (int i = 0; i < batteries.size(); i++) {
            total += batteries.get(i).millivolts();
        }
        return total / bank.get().parallel();
    }

    private static boolean readbackFault(Outputs commanded, OutputReadback readback) {
        return readback.measured()
                && (commanded.charge().isHigh() && !readback.chargeHigh()
                || commanded.load().isHigh() && !readback.loadHigh()
                || commanded.preAlarm().isHigh() && !readback.preAlarmHigh());
    }

    private static boolean has(int flagBits, BatteryFlag flag) {
        return (flagBits & (1 << flag.ordinal())) != 0;
    }

    private static long bit(Condition condition) {
        return 1L << condition.ordinal();
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
