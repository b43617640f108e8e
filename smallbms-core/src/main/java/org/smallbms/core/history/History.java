package org.smallbms.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;
import org.smallbms.core.codes.Severity;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.MonitorState;
import org.smallbms.core.monitor.MonitorStep;

/**
 * Every figure of the history page (HIST-01) since installation or the last reset. Immutable.
 *
 * <p><em>Decisions:</em> a cycle is counted when the SoC has fallen below 65 % and then rises above 90 % (HIST-02);
 * synchronisations and the last full charge count the full charges the monitor detects, not the user's "synchronise";
 * the battery voltage is the bank voltage the batteries report; "last errors" are the error codes (E-…) as they are
 * raised, most recent first, the last {@link #MAX_ERRORS}.
 *
 * @param deepestDischargeMilliampHours the lowest consumed Ah reached (0 or negative)
 * @param drawnMicrocoulombs the charge drawn from the bank in total
 * @param dischargedMicrojoules the energy drawn from the bank
 * @param chargedMicrojoules the energy put into the bank
 * @param synchronisations how many full charges were detected
 * @param cycles how many cycles (HIST-02)
 * @param cycleStarted SoC has fallen below 65 % since the last counted cycle
 * @param lastFullChargeAt when the last full charge was detected; null before the first
 * @param batteryMillivolts the lowest and highest bank voltage
 * @param cellMillivolts the lowest and highest cell voltage
 * @param batteryDeciCelsius the lowest and highest battery temperature
 * @param lastErrors the last errors, most recent first
 */
public record History(
        long deepestDischargeMilliampHours,
        long drawnMicrocoulombs,
        long dischargedMicrojoules,
        long chargedMicrojoules,
        int synchronisations,
        int cycles,
        boolean cycleStarted,
        Instant lastFullChargeAt,
        Span batteryMillivolts,
        Span cellMillivolts,
        Span batteryDeciCelsius,
        List<LoggedError> lastErrors) {

    /** How many errors the history keeps. */
    public static final int MAX_ERRORS = 4;
    /** HIST-02 decision: a cycle starts when SoC falls below 65 %. */
    public static final int CYCLE_START_BELOW_PERMILLE = 650;
    /** HIST-02 decision: a started cycle counts when SoC rises above 90 %. */
    public static final int CYCLE_END_ABOVE_PERMILLE = 900;

    /** Since installation, or right after a reset. */
    public static final History EMPTY = new History(0, 0, 0, 0, 0, 0, false, null, Span.EMPTY, Span.EMPTY,
            Span.EMPTY, List.of());

    private static final long MICROCOULOMBS_PER_MILLIAMP_HOUR = 3_600_000;
    private static final long MICROJOULES_PER_WATT_HOUR = 3_600_000_000L;

    public History {
        Objects.requireNonNull(batteryMillivolts, "batteryMillivolts");
        Objects.requireNonNull(cellMillivolts, "cellMillivolts");
        Objects.requireNonNull(batteryDeciCelsius, "batteryDeciCelsius");
        lastErrors = List.copyOf(lastErrors);
        if (deepestDischargeMilliampHours > 0) {
            throw new IllegalArgumentException("deepestDischargeMilliampHours = " + deepestDischargeMilliampHours
                    + " is a consumed Ah figure: 0 or negative");
        }
        if (drawnMicrocoulombs < 0 || dischargedMicrojoules < 0 || chargedMicrojoules < 0 || synchronisations < 0
                || cycles < 0) {
            throw new IllegalArgumentException("totals are never negative: drawn " + drawnMicrocoulombs
                    + " µC, discharged " + dischargedMicrojoules + " µJ, charged " + chargedMicrojoules
                    + " µJ, synchronisations " + synchronisations + ", cycles " + cycles);
        }
        if (lastErrors.size() > MAX_ERRORS) {
            throw new IllegalArgumentException(lastErrors.size() + " errors: the history keeps the last "
                    + MAX_ERRORS);
        }
    }

    /**
     * The history after one BMS step.
     *
     * @param monitor the monitor step just taken
     * @param before the conditions active before the step
     * @param after the conditions active after it
     */
    public static History step(History h, Instant now, Optional<Measurement> measurement, MonitorStep monitor,
            Conditions before, Conditions after) {
        long charge = monitor.chargeMicrocoulombs();
        long energy = monitor.energyMicrojoules();
        MonitorState soc = monitor.state();
        long deepest = soc.socKnown() ? Math.min(h.deepestDischargeMilliampHours, soc.consumedMilliampHours())
                : h.deepestDischargeMilliampHours;
        int cycles = h.cycles;
        boolean started = h.cycleStarted;
        // The SoC once: it is a 64-bit division.
        int socPermille = soc.socKnown() ? soc.socPermille() : 0;
        if (soc.socKnown() && socPermille < CYCLE_START_BELOW_PERMILLE) {
            started = true;
        } else if (soc.socKnown() && started && socPermille > CYCLE_END_ABOVE_PERMILLE) {
            started = false;
            cycles++;
        }
        Span battery = h.batteryMillivolts;
        Span cells = h.cellMillivolts;
        Span temperatures = h.batteryDeciCelsius;
        if (measurement.isPresent()) {
            Measurement m = measurement.get();
            battery = battery.including(m.bankMillivolts(), m.bankMillivolts());
            cells = cells.including(m.minCellMillivolts(), m.maxCellMillivolts());
            temperatures = temperatures.including(m.minDeciCelsius(), m.maxDeciCelsius());
        }
        List<LoggedError> errors = h.lastErrors;
        if (after.bits() != before.bits()) {
            errors = withRaisedErrors(errors, now, after.minus(before));
        }
        long drawn = h.drawnMicrocoulombs + Math.max(0, -charge);
        long discharged = h.dischargedMicrojoules + Math.max(0, -energy);
        long charged = h.chargedMicrojoules + Math.max(0, energy);
        int synchronisations = h.synchronisations + (monitor.synchronised() ? 1 : 0);
        Instant lastFullCharge = monitor.synchronised() ? now : h.lastFullChargeAt;
        // The same instance when nothing changed, compared field by field before anything is built.
        if (deepest == h.deepestDischargeMilliampHours && drawn == h.drawnMicrocoulombs
                && discharged == h.dischargedMicrojoules && charged == h.chargedMicrojoules
                && synchronisations == h.synchronisations && cycles == h.cycles && started == h.cycleStarted
                && Objects.equals(lastFullCharge, h.lastFullChargeAt) && battery.equals(h.batteryMillivolts)
                && cells.equals(h.cellMillivolts) && temperatures.equals(h.batteryDeciCelsius)
                && errors.equals(h.lastErrors)) {
            return h;
        }
        return new History(deepest, drawn, discharged, charged, synchronisations, cycles, started, lastFullCharge,
                battery, cells, temperatures, errors);
    }

    private static List<LoggedError> withRaisedErrors(List<LoggedError> errors, Instant now, List<Condition> raised) {
        List<LoggedError> next = null;
        for (Condition condition : raised) {
            if (condition.severity() == Severity.ERROR) {
                if (next == null) {
                    next = new ArrayList<>(errors);
                }
                next.add(0, new LoggedError(now, condition));
            }
        }
        if (next == null) {
            return errors;
        }
        return next.subList(0, Math.min(MAX_ERRORS, next.size()));
    }

    /** Cumulative Ah drawn, in mAh. */
    public long drawnMilliampHours() {
        return drawnMicrocoulombs / MICROCOULOMBS_PER_MILLIAMP_HOUR;
    }

    /** Discharged energy in Wh (the page shows kWh). */
    public long dischargedWattHours() {
        return dischargedMicrojoules / MICROJOULES_PER_WATT_HOUR;
    }

    /** Charged energy in Wh (the page shows kWh). */
    public long chargedWattHours() {
        return chargedMicrojoules / MICROJOULES_PER_WATT_HOUR;
    }

    /** Time since the last full charge; empty before the first. */
    public Optional<Duration> sinceLastFullCharge(Instant now) {
        return lastFullChargeAt == null ? Optional.empty() : Optional.of(Duration.between(lastFullChargeAt, now));
    }
}
