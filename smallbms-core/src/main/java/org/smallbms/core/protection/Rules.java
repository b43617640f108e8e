package org.smallbms.core.protection;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.BatteryThresholds;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.remote.Remote;

/**
 * The smallBMS NG's rules, declared as a table: first the timers a step moves, then one row per condition in the
 * order the step decides them, each with its test, its limits (from {@link Limits} and the battery's
 * {@link BatteryThresholds}) and its causes written from the same numbers. {@link Protection#step} is one loop over
 * these rows; docs/protection.md shows the table, and a test keeps the two in step.
 */
final class Rules {

    /** The battery's own levels, named in the causes of the conditions its flags raise. */
    private static final BatteryThresholds BATTERY = BatteryThresholds.LITHIUM_NG;

    private static final String MISSING = "a battery on the chain without valid data, or none on it";
    private static final String ALL_ANSWER = "every battery on the chain answers";

    /** The timers, in the order a step moves them. */
    static final List<TimerRule> TIMERS = List.of(
            // W-B01: a cell below the pre-alarm level, the battery's low cell flag, or Vbat per cell below the level
            // (CODE-07 revised); with neither readings nor a valid bank, unchanged.
            new TimerRule(Timer.PRE_ALARM_CELL, "the lowest cell below the pre-alarm level, a battery's low cell "
                    + "flag, or Vbat per cell in series below the level", "every cell and Vbat per cell at or above "
                    + "the level + " + Limits.PRE_ALARM_HYSTERESIS_MILLIVOLTS + " mV, no low cell flag",
                    r -> r.haveReadings() && (r.minCellMillivolts() < preAlarmLevel(r)
                            || r.flag(BatteryFlag.CELL_LOW_VOLTAGE)) || r.vbatPerCellBelow(preAlarmLevel(r)),
                    r -> (!r.haveReadings() || r.minCellMillivolts() >= preAlarmClear(r)
                            && !r.flag(BatteryFlag.CELL_LOW_VOLTAGE)) && r.vbatPerCellAtLeast(preAlarmClear(r)),
                    r -> !r.haveReadings() && r.series() == 0, false),
            TimerRule.of(Timer.COMM_WARNING, MISSING, ALL_ANSWER, Reading::dataMissing, r -> !r.dataMissing()),
            TimerRule.of(Timer.COMM_ALARM, MISSING, ALL_ANSWER, Reading::dataMissing, r -> !r.dataMissing()),
            // A-B07 and W-B07 only while SoC is known (PROT-06, PROT-07, PROT-09).
            TimerRule.of(Timer.LOW_SOC, "SoC known and at or below the discharge floor (floor 0: never)",
                    "SoC unknown, the floor 0, or SoC at or above the floor + "
                    + Limits.LOW_SOC_ALARM_CLEAR_PERMILLE / 10 + " %",
                    r -> r.socRules() && floorPermille(r) > 0 && r.inputs().socPermille() <= floorPermille(r),
                    r -> !r.socRules() || floorPermille(r) == 0
                            || r.inputs().socPermille() >= floorPermille(r) + Limits.LOW_SOC_ALARM_CLEAR_PERMILLE),
            // A-B08's signal, Vbat per cell (CODE-07); without a valid bank there is nothing to divide by.
            new TimerRule(Timer.LOW_BANK_VOLTAGE, "Vbat per cell in series below "
                    + Reading.volts(Limits.LOW_BANK_VOLTAGE.set()), "at or above "
                    + Reading.volts(Limits.LOW_BANK_VOLTAGE.clear()),
                    r -> r.vbatPerCellBelow(Limits.LOW_BANK_VOLTAGE.set()),
                    r -> r.vbatPerCellAtLeast(Limits.LOW_BANK_VOLTAGE.clear()),
                    r -> r.series() == 0, true),
            TimerRule.of(Timer.CHAIN_OPEN, "the daisy chain loop open", "closed", r -> !r.frame().chainClosed(),
                    r -> r.frame().chainClosed()));

    /** The conditions, in the order a step decides them: a row may read the rows above it. */
    static final List<Rule> NG = List.of(
            Rule.when(Condition.UNPOWERED, "Vbat below " + Reading.volts(Limits.OPERATING_MIN_MILLIVOLTS)
                    + " (then nothing else holds: OUT-03)", r -> r.vbat() < Limits.OPERATING_MIN_MILLIVOLTS,
                    r -> "Vbat " + Reading.volts(r.vbat()) + " is below the "
                            + Reading.volts(Limits.OPERATING_MIN_MILLIVOLTS) + " operating minimum",
                    r -> "Vbat " + Reading.volts(r.vbat()) + " powers the BMS"),
            Rule.when(Condition.REMOTE_OFF, "the remote terminal reads off (REM-01)",
                    r -> !Remote.isOn(r.frame().remote(), r.vbat()),
                    r -> "remote off: " + Remote.describe(r.frame().remote(), r.vbat()),
                    r -> "remote on: " + Remote.describe(r.frame().remote(), r.vbat())),
            Rule.when(Condition.MODE_OFF, "Mode set to Off (REM-03)", r -> !r.inputs().modeOn(),
                    r -> "Mode set to Off",
                    r -> "Mode set to On"),
            Rule.when(Condition.NO_BANK, "no bank detected yet", r -> r.bank().isEmpty(),
                    r -> "no complete data from the batteries on the BMS cable yet",
                    r -> "bank detected"),
            Rule.when(Condition.CHARGE_LOW_TEMPERATURE, "a battery's charge low temperature flag",
                    r -> r.flag(BatteryFlag.CHARGE_LOW_TEMPERATURE),
                    r -> "battery " + r.batteriesWith(BatteryFlag.CHARGE_LOW_TEMPERATURE)
                            + " reports charge low temperature (coldest " + Reading.celsius(r.minDeciCelsius())
                            + "; threshold below " + degrees(BATTERY.chargeLowDeciCelsius()) + ")",
                    r -> "no battery reports charge low temperature (coldest " + Reading.celsius(r.minDeciCelsius())
                            + "; clears at " + degrees(BATTERY.chargeLowClearDeciCelsius()) + ")"),
            Rule.when(Condition.CELL_HIGH_VOLTAGE, "a battery's high cell voltage flag",
                    r -> r.flag(BatteryFlag.CELL_HIGH_VOLTAGE),
                    r -> "battery " + r.batteriesWith(BatteryFlag.CELL_HIGH_VOLTAGE)
                            + " reports a cell at the high cell voltage threshold (highest cell "
                            + Reading.volts(r.maxCellMillivolts()) + "; threshold "
                            + twoDecimals(BATTERY.cellHighMillivolts()) + ")",
                    r -> "no battery reports a high cell (highest cell " + Reading.volts(r.maxCellMillivolts())
                            + "; clears at " + twoDecimals(BATTERY.cellHighClearMillivolts()) + ")"),
            // FW-01: only while the update runs; a failed one is no longer "in progress" (FW-02 takes over).
            Rule.when(Condition.FIRMWARE_UPDATING, "a firmware update runs (FW-01)",
                    r -> r.before().firmware() == FirmwarePhase.UPDATING,
                    r -> "firmware update in progress",
                    r -> "firmware update finished"),
            Rule.when(Condition.FIRMWARE_FAILED, Limits.FIRMWARE_FAILED_GRACE.toSeconds() + " s after a failed "
                    + "firmware update without a successful retry (FW-02)", r -> r.before().firmwareFailedAt() != null
                    && !r.now().isBefore(r.before().firmwareFailedAt().plus(Limits.FIRMWARE_FAILED_GRACE)),
                    r -> "firmware update failed at " + r.before().firmwareFailedAt() + " and "
                            + Limits.FIRMWARE_FAILED_GRACE.toSeconds() + " s passed without a successful retry",
                    r -> "firmware update succeeded"),
            Rule.timed(Condition.W_B01, Timer.PRE_ALARM_CELL,
                    r -> cellsBelowPreAlarm(r) ? "lowest cell " + Reading.volts(r.minCellMillivolts()) + " (battery "
                            + r.batteryWithLowestCell() + ") is below the pre-alarm level "
                            + Reading.volts(preAlarmLevel(r)) + lowFlagNote(r)
                            : "Vbat " + Reading.volts(r.vbat()) + " is " + r.perCell() + " per cell in series, "
                            + "below the pre-alarm level " + Reading.volts(preAlarmLevel(r)) + lowFlagNote(r),
                    r -> "lowest cell " + Reading.volts(r.minCellMillivolts()) + " and Vbat per cell " + r.perCell()
                            + " are back at or above " + Reading.volts(preAlarmClear(r)) + " (pre-alarm level + "
                            + Limits.PRE_ALARM_HYSTERESIS_MILLIVOLTS + " mV)"),
            // CODE-02, TOP-06: an open loop warns at once.
            new Rule(Condition.W_B05, "timer COMM_WARNING, or the daisy chain open (at once: TOP-06)",
                    step -> step.timers().active(Timer.COMM_WARNING)
                    || !step.reading().frame().chainClosed(),
                    r -> !r.frame().chainClosed() ? "the daisy chain is open: a BMS cable is out or broken (E-B05 "
                            + "follows if it stays open " + Timer.CHAIN_OPEN.setDelay().toSeconds() + " s)"
                            : missing(r) + " for " + Timer.COMM_WARNING.setDelay().toSeconds() + " s",
                    r -> "the daisy chain is closed and all " + r.frame().chainNodes() + " batteries answer"),
            Rule.timed(Condition.A_B05, Timer.COMM_ALARM,
                    r -> missing(r) + " for " + Timer.COMM_ALARM.setDelay().toSeconds() + " s",
                    r -> "all " + r.frame().chainNodes() + " batteries have answered for "
                            + Timer.COMM_ALARM.clearDelay().toSeconds() + " s"),
            Rule.when(Condition.A_B09, "a battery's charge high temperature flag",
                    r -> r.flag(BatteryFlag.CHARGE_HIGH_TEMPERATURE),
                    r -> "battery " + r.batteriesWith(BatteryFlag.CHARGE_HIGH_TEMPERATURE)
                            + " reports charge high temperature (hottest " + Reading.celsius(r.maxDeciCelsius())
                            + "; threshold above " + degrees(BATTERY.chargeHighDeciCelsius()) + ")",
                    r -> "no battery reports charge high temperature (hottest "
                            + Reading.celsius(r.maxDeciCelsius()) + "; clears at "
                            + degrees(BATTERY.chargeHighClearDeciCelsius()) + ")"),
            // Errors (TOP-05..08, CODE-09..12).
            Rule.when(Condition.E_B01, "the detected bank breaks a rule of TOP-02..05",
                    r -> r.bank().isPresent() && !r.bank().get().isValid(),
                    r -> r.bank().map(b -> String.join(" ", b.violations())).orElse("no bank"),
                    r -> "the bank is valid"),
            Rule.timed(Condition.E_B05, Timer.CHAIN_OPEN,
                    r -> "the daisy chain has been open for " + Timer.CHAIN_OPEN.setDelay().toSeconds() + " s: the "
                            + "BMS cable loop from one BMS port through the batteries back to the other is broken",
                    r -> "the daisy chain has been closed again for " + Timer.CHAIN_OPEN.clearDelay().toSeconds()
                            + " s"),
            Rule.when(Condition.E_B09, "Vbat outside " + wholeVolts(Limits.VBAT_MIN_MILLIVOLTS) + ".."
                    + wholeVolts(Limits.VBAT_MAX_MILLIVOLTS) + " V, or more than " + Limits.VBAT_MISMATCH_PERCENT
                    + " % from the series voltage the batteries report", Rules::vbatNotAllowed,
                    Rules::vbatNotAllowedCause,
                    r -> "Vbat " + Reading.volts(r.vbat()) + " is within " + wholeVolts(Limits.VBAT_MIN_MILLIVOLTS)
                            + ".." + wholeVolts(Limits.VBAT_MAX_MILLIVOLTS) + " V and matches the batteries"),
            // A shorted output stays an error until the BMS is switched off and on (remote, mode or power).
            Rule.latched(Condition.E_B11, "the self-test fails, or an output driven high reads back low",
                    r -> !r.frame().selfTestPassed() || readbackFault(r), "remote off or Mode off",
                    step -> step.is(Condition.REMOTE_OFF) || step.is(Condition.MODE_OFF),
                    r -> !r.frame().selfTestPassed() ? "internal self-test failed" : readbackText(r),
                    r -> "the outputs were switched off and on"),
            // A-B01 (the battery's low cell flag) and A-B08 (Vbat per cell) open the load output only after the
            // pre-alarm lead (PROT-05, CODE-07); their emergency levels at once.
            Rule.shutdown(Condition.A_B01, "a battery's low cell voltage flag",
                    step -> step.reading().flag(BatteryFlag.CELL_LOW_VOLTAGE),
                    "with a cell below " + Reading.volts(Limits.EMERGENCY_CELL.set()),
                    r -> r.haveReadings() && r.minCellMillivolts() < Limits.EMERGENCY_CELL.set(), true, true,
                    Rules::lowCellCause,
                    r -> "no battery reports a low cell (lowest cell " + Reading.volts(r.minCellMillivolts())
                            + "; the battery clears its flag at " + twoDecimals(BATTERY.cellLowClearMillivolts())
                            + ")"),
            Rule.shutdown(Condition.A_B08, "timer LOW_BANK_VOLTAGE",
                    step -> step.timers().active(Timer.LOW_BANK_VOLTAGE), "with Vbat per cell below "
                    + Reading.volts(Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL),
                    r -> r.vbatPerCellBelow(Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL), true, false,
                    r -> r.vbatPerCellBelow(Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL) ? "Vbat "
                            + Reading.volts(r.vbat()) + " is " + r.perCell() + " per cell in series, below the "
                            + "emergency level " + Reading.volts(Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL)
                            + ": no pre-alarm lead"
                            : "Vbat " + Reading.volts(r.vbat()) + " is " + r.perCell() + " per cell in series, below "
                            + Reading.volts(Limits.LOW_BANK_VOLTAGE.set()) + " for "
                            + Timer.LOW_BANK_VOLTAGE.setDelay().toSeconds() + " s, and the pre-alarm has been high "
                            + "since " + leadStart(r) + " (" + Limits.PRE_ALARM_LEAD.toSeconds() + " s lead)",
                    r -> "Vbat per cell " + r.perCell() + " is back at or above "
                            + Reading.volts(Limits.LOW_BANK_VOLTAGE.clear())),
            Rule.shutdown(Condition.A_B07, "timer LOW_SOC", step -> step.timers().active(Timer.LOW_SOC), "",
                    r -> false, false, false,
                    r -> "SoC " + Reading.percent(r.inputs().socPermille()) + " is at or below the discharge floor "
                            + r.inputs().dischargeFloorPercent() + " %",
                    r -> r.socRules() ? "SoC " + Reading.percent(r.inputs().socPermille())
                            + " is at or above the discharge floor + "
                            + Limits.LOW_SOC_ALARM_CLEAR_PERMILLE / 10 + " % (" + (r.inputs().dischargeFloorPercent()
                            + Limits.LOW_SOC_ALARM_CLEAR_PERMILLE / 10) + " %)"
                            : "SoC unknown: SoC rules inactive"),
            // After A-B07, which takes over from it at the discharge floor.
            new Rule(Condition.W_B07, "SoC known and at or below the low SoC warning level (level 0: never), "
                    + "unless A-B07 holds", step -> !step.is(Condition.A_B07) && step.reading().socRules()
                    && step.reading().inputs().lowSocWarningPercent() > 0
                    && step.reading().inputs().socPermille() <= step.reading().inputs().lowSocWarningPercent() * 10,
                    r -> "SoC " + Reading.percent(r.inputs().socPermille()) + " is at or below the low SoC warning "
                            + "level " + r.inputs().lowSocWarningPercent() + " %",
                    r -> !r.socRules() ? "SoC unknown: SoC rules inactive"
                            : r.inputs().socPermille() <= r.inputs().lowSocWarningPercent() * 10
                            ? "the low SoC alarm A-B07 takes over at the discharge floor"
                            : "SoC " + Reading.percent(r.inputs().socPermille()) + " is above the low SoC warning "
                            + "level " + r.inputs().lowSocWarningPercent() + " %"));

    /** Each condition's row, for its causes. */
    private static final Map<Condition, Rule> BY_CONDITION = byCondition(NG);

    private Rules() {
    }

    private static Map<Condition, Rule> byCondition(List<Rule> rules) {
        Map<Condition, Rule> rows = new EnumMap<>(Condition.class);
        for (Rule rule : rules) {
            if (rows.put(rule.condition(), rule) != null) {
                throw new IllegalStateException(rule.condition() + " has two rows");
            }
        }
        List<Condition> missing = new ArrayList<>(List.of(Condition.values()));
        missing.removeAll(rows.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no row for " + missing);
        }
        return rows;
    }

    /** The row of {@code condition}. */
    static Rule of(Condition condition) {
        return BY_CONDITION.get(condition);
    }

    /**
     * The table as docs/protection.md shows it: the timers, then the rows in the order the step decides them. Made
     * from the rows themselves, so the document cannot drift from what decides.
     */
    static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| Timer | Sets when | after | Clears when | after | When the frame cannot tell |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (TimerRule t : TIMERS) {
            md.append("| `").append(t.timer()).append("` | ").append(t.setsWhen()).append(" | ")
                    .append(seconds(t.timer().setDelay())).append(" | ").append(t.clearsWhen()).append(" | ")
                    .append(seconds(t.timer().clearDelay())).append(" | ")
                    .append(t.whenBlind()).append(" |\n");
        }
        md.append("\n| Row | Condition | Severity | Effect | Holds when |\n");
        md.append("|---|---|---|---|---|\n");
        int row = 1;
        for (Rule rule : NG) {
            Condition c = rule.condition();
            md.append("| ").append(row++).append(" | ").append(c.label()).append(" (").append(c.message())
                    .append(") | ").append(c.severity().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(c.effect().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(" | ")
                    .append(rule.holdsWhen()).append(" |\n");
        }
        return md.toString();
    }

    private static String seconds(java.time.Duration d) {
        return d.isZero() ? "at once" : d.toSeconds() + " s";
    }

    private static int preAlarmLevel(Reading r) {
        return r.inputs().preAlarmCellMillivolts();
    }

    private static int preAlarmClear(Reading r) {
        return r.inputs().preAlarmCellMillivolts() + Limits.PRE_ALARM_HYSTERESIS_MILLIVOLTS;
    }

    private static int floorPermille(Reading r) {
        return r.inputs().dischargeFloorPercent() * 10;
    }

    /** Whether a cell's own voltage is below the pre-alarm level (else Vbat per cell raised W-B01). */
    private static boolean cellsBelowPreAlarm(Reading r) {
        return r.haveReadings() && r.minCellMillivolts() < preAlarmLevel(r);
    }

    private static String lowFlagNote(Reading r) {
        String flagged = r.batteriesWith(BatteryFlag.CELL_LOW_VOLTAGE);
        return flagged.equals("none") ? "" : "; battery " + flagged + " reports its low cell flag";
    }

    private static String lowCellCause(Reading r) {
        if (r.minCellMillivolts() < Limits.EMERGENCY_CELL.set()) {
            return "lowest cell " + Reading.volts(r.minCellMillivolts()) + " is below the emergency level "
                    + Reading.volts(Limits.EMERGENCY_CELL.set()) + ": no pre-alarm lead";
        }
        String lead = " and the pre-alarm has been high since " + leadStart(r) + " ("
                + Limits.PRE_ALARM_LEAD.toSeconds() + " s lead)";
        if (r.minCellMillivolts() < BATTERY.cellLowMillivolts()) {
            return "battery " + r.batteriesWith(BatteryFlag.CELL_LOW_VOLTAGE) + " reports a cell at the low cell "
                    + "voltage threshold (lowest cell " + Reading.volts(r.minCellMillivolts()) + "; threshold "
                    + twoDecimals(BATTERY.cellLowMillivolts()) + ")" + lead;
        }
        // The flag is latched in the battery: the cell that set it may have recovered since.
        return "battery " + r.batteriesWith(BatteryFlag.CELL_LOW_VOLTAGE) + " still reports its low cell flag, set "
                + "when a cell reached the " + twoDecimals(BATTERY.cellLowMillivolts()) + " threshold and cleared "
                + "only at " + twoDecimals(BATTERY.cellLowClearMillivolts()) + " (lowest cell now "
                + Reading.volts(r.minCellMillivolts()) + ")," + lead;
    }

    /** When the pre-alarm went high, for the cause of an alarm that waited for its lead. */
    private static String leadStart(Reading r) {
        java.time.Instant endsAt = r.before().preAlarmLeadEndsAt();
        return endsAt == null ? "before" : endsAt.minus(Limits.PRE_ALARM_LEAD).toString();
    }

    private static String missing(Reading r) {
        if (r.frame().chainNodes() == 0) {
            return "no battery answers on the BMS cable";
        }
        return (r.frame().chainNodes() - r.frame().batteries().size()) + " of " + r.frame().chainNodes()
                + " batteries without valid data";
    }

    /**
     * TOP-07 (revised): Vbat outside 9..60 V, or Vbat more than 10 % away from the series voltage the batteries of a
     * valid bank report (the BMS is wired to another battery). Within 9..60 V there are no gaps between systems: a
     * deeply discharged 24 V bank at 17.5 V is low bank voltage (A-B08), not E-B09.
     */
    private static boolean vbatNotAllowed(Reading r) {
        int vbat = r.vbat();
        if (vbat < Limits.VBAT_MIN_MILLIVOLTS || vbat > Limits.VBAT_MAX_MILLIVOLTS) {
            return true;
        }
        long series = reportedSeriesMillivolts(r.bank(), r.frame().batteries());
        return series > 0 && Math.abs(vbat - series) * 100 > series * Limits.VBAT_MISMATCH_PERCENT;
    }

    private static String vbatNotAllowedCause(Reading r) {
        int vbat = r.vbat();
        if (vbat < Limits.VBAT_MIN_MILLIVOLTS || vbat > Limits.VBAT_MAX_MILLIVOLTS) {
            return "Vbat " + Reading.volts(vbat) + " is outside all system voltage ranges ("
                    + Reading.volts(Limits.VBAT_MIN_MILLIVOLTS) + " to " + Reading.volts(Limits.VBAT_MAX_MILLIVOLTS)
                    + ")";
        }
        return "Vbat " + Reading.volts(vbat) + " differs by more than " + Limits.VBAT_MISMATCH_PERCENT + " % from "
                + Reading.volts((int) reportedSeriesMillivolts(r.bank(), r.frame().batteries()))
                + ", the series voltage the batteries report: the BMS is wired to another battery";
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

    /** An output driven high that reads back low: a short or an overload (E-B11). */
    private static boolean readbackFault(Reading r) {
        Outputs commanded = r.before().outputs();
        OutputReadback readback = r.frame().readback();
        return readback.measured()
                && (commanded.charge().isHigh() && !readback.chargeHigh()
                || commanded.load().isHigh() && !readback.loadHigh()
                || commanded.preAlarm().isHigh() && !readback.preAlarmHigh());
    }

    private static String readbackText(Reading r) {
        StringBuilder text = new StringBuilder();
        Outputs commanded = r.before().outputs();
        OutputReadback readback = r.frame().readback();
        if (commanded.charge().isHigh() && !readback.chargeHigh()) {
            text.append("Charge disconnect");
        }
        if (commanded.load().isHigh() && !readback.loadHigh()) {
            text.append(text.length() == 0 ? "" : ", ").append("Load disconnect");
        }
        if (commanded.preAlarm().isHigh() && !readback.preAlarmHigh()) {
            text.append(text.length() == 0 ? "" : ", ").append("pre-alarm");
        }
        if (text.length() == 0) {
            return "hardware error latched at " + r.now();
        }
        return text + " output driven high reads low: short circuit or overload";
    }

    /** A battery level as the causes name it: {@code 3.75 V}. */
    private static String twoDecimals(int millivolts) {
        return String.format(java.util.Locale.ROOT, "%.2f V", millivolts / 1000.0);
    }

    /** A temperature level as the causes name it: {@code 5 °C}. */
    private static String degrees(int deciCelsius) {
        return deciCelsius % 10 == 0 ? deciCelsius / 10 + " °C"
                : String.format(java.util.Locale.ROOT, "%.1f °C", deciCelsius / 10.0);
    }

    private static String wholeVolts(int millivolts) {
        return Integer.toString(millivolts / 1000);
    }
}
