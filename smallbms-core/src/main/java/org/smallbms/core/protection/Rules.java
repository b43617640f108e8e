package org.smallbms.core.protection;

import java.util.List;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryThresholds;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;
import org.smallbms.core.remote.Remote;
import org.smallbms.core.text.Figures;

/**
 * The rules of the two devices, declared as tables: for the smallBMS NG first the timers a step moves, then one row
 * per condition in the order the step decides them, each with its test, its limits (from {@link Limits} and the
 * battery's {@link BatteryThresholds}) and its causes written from the same numbers; then the classic smallBMS's
 * rows. {@link RuleSet} holds each device's table and {@link Protection#step} is one loop over its rows;
 * docs/protection.md shows the tables, and a test keeps the two in step.
 */
final class Rules {

    /** The battery's own levels, named in the causes of the conditions its flags raise. */
    private static final BatteryThresholds BATTERY = BatteryThresholds.LITHIUM_NG;

    /** Both devices: below 8 V at Bat+ the BMS is off (OUT-03). */
    private static final Rule UNPOWERED = Rule.when(Condition.UNPOWERED, Fact.POWER_LOW,
            r -> "Vbat " + Figures.millivoltsAsVolts(r.vbat(), 3) + " is below the "
                    + Figures.millivoltsAsVolts(Limits.OPERATING_MIN_MILLIVOLTS, 3) + " operating minimum",
            r -> "Vbat " + Figures.millivoltsAsVolts(r.vbat(), 3) + " powers the BMS");
    /** Both devices: the remote terminal (REM-01, CLS-03). */
    private static final Rule REMOTE_OFF = Rule.when(Condition.REMOTE_OFF, Fact.REMOTE_OFF,
            r -> "remote off: " + Remote.describe(r.frame().remote(), r.vbat()),
            r -> "remote on: " + Remote.describe(r.frame().remote(), r.vbat()));

    /** The timers, in the order a step moves them. */
    static final List<TimerRule> TIMERS = List.of(
            // W-B01; with neither readings nor a valid bank, unchanged.
            new TimerRule(Timer.PRE_ALARM_CELL, Fact.PRE_ALARM_LOW, Fact.PRE_ALARM_CLEAR, Fact.NO_READINGS_NO_BANK,
                    false),
            TimerRule.of(Timer.COMM_WARNING, Fact.DATA_MISSING, Fact.DATA_PRESENT),
            TimerRule.of(Timer.COMM_ALARM, Fact.DATA_MISSING, Fact.DATA_PRESENT),
            // A-B07 and W-B07 only while SoC is known (PROT-06, PROT-07, PROT-09).
            TimerRule.of(Timer.LOW_SOC, Fact.SOC_AT_FLOOR, Fact.SOC_OFF_FLOOR),
            // A-B08's signal, Vbat per cell (CODE-07); without a valid bank there is nothing to divide by.
            new TimerRule(Timer.LOW_BANK_VOLTAGE, Fact.BANK_LOW, Fact.BANK_RECOVERED, Fact.NO_VALID_BANK, true),
            TimerRule.of(Timer.CHAIN_OPEN, Fact.CHAIN_OPEN, Fact.CHAIN_CLOSED));

    /** The conditions, in the order a step decides them: a row may read the rows above it. */
    static final List<Rule> NG = List.of(
            UNPOWERED,
            REMOTE_OFF,
            Rule.when(Condition.MODE_OFF, Fact.MODE_OFF,
                    r -> "Mode set to Off",
                    r -> "Mode set to On"),
            Rule.when(Condition.NO_BANK, Fact.NO_BANK,
                    r -> "no complete data from the batteries on the BMS cable yet",
                    r -> "bank detected"),
            Rule.when(Condition.CHARGE_LOW_TEMPERATURE, Fact.FLAG_CHARGE_LOW_TEMPERATURE,
                    r -> "battery " + r.batteriesWith(BatteryFlag.CHARGE_LOW_TEMPERATURE)
                            + " reports charge low temperature (coldest "
                            + Figures.deciCelsiusAsCelsius(r.minDeciCelsius(), 1) + "; threshold below "
                            + Figures.deciCelsiusAsLevel(BATTERY.chargeLowDeciCelsius()) + ")",
                    r -> "no battery reports charge low temperature (coldest "
                            + Figures.deciCelsiusAsCelsius(r.minDeciCelsius(), 1) + "; clears at "
                            + Figures.deciCelsiusAsLevel(BATTERY.chargeLowClearDeciCelsius()) + ")"),
            Rule.when(Condition.CELL_HIGH_VOLTAGE, Fact.FLAG_CELL_HIGH,
                    r -> "battery " + r.batteriesWith(BatteryFlag.CELL_HIGH_VOLTAGE)
                            + " reports a cell at the high cell voltage threshold (highest cell "
                            + Figures.millivoltsAsVolts(r.maxCellMillivolts(), 3) + "; threshold "
                            + Figures.millivoltsAsVolts(BATTERY.cellHighMillivolts(), 2) + ")",
                    r -> "no battery reports a high cell (highest cell "
                            + Figures.millivoltsAsVolts(r.maxCellMillivolts(), 3) + "; clears at "
                            + Figures.millivoltsAsVolts(BATTERY.cellHighClearMillivolts(), 2) + ")"),
            // FW-01: only while the update runs; a failed one is no longer "in progress" (FW-02 takes over).
            Rule.when(Condition.FIRMWARE_UPDATING, Fact.FIRMWARE_UPDATING,
                    r -> "firmware update in progress",
                    r -> "firmware update finished"),
            Rule.when(Condition.FIRMWARE_FAILED, Fact.FIRMWARE_FAILED,
                    r -> "firmware update failed at " + r.before().firmwareFailedAt() + " and "
                            + Limits.FIRMWARE_FAILED_GRACE.toSeconds() + " s passed without a successful retry",
                    r -> "firmware update succeeded"),
            Rule.timed(Condition.W_B01, Timer.PRE_ALARM_CELL,
                    r -> cellsBelowPreAlarm(r) ? "lowest cell " + Figures.millivoltsAsVolts(r.minCellMillivolts(), 3)
                            + " (battery " + r.batteryWithLowestCell() + ") is below the pre-alarm level "
                            + Figures.millivoltsAsVolts(preAlarmLevel(r), 3) + lowFlagNote(r)
                            : "Vbat " + Figures.millivoltsAsVolts(r.vbat(), 3) + " is " + r.perCell()
                            + " per cell in series, below the pre-alarm level "
                            + Figures.millivoltsAsVolts(preAlarmLevel(r), 3) + lowFlagNote(r),
                    r -> "lowest cell " + Figures.millivoltsAsVolts(r.minCellMillivolts(), 3) + " and Vbat per cell "
                            + r.perCell() + " are back at or above " + Figures.millivoltsAsVolts(preAlarmClear(r), 3)
                            + " (pre-alarm level + " + Limits.PRE_ALARM_HYSTERESIS_MILLIVOLTS + " mV)"),
            // CODE-02, TOP-06: an open loop warns at once.
            Rule.timedOrWhen(Condition.W_B05, Timer.COMM_WARNING, Fact.CHAIN_OPEN,
                    r -> !r.frame().chainClosed() ? "the daisy chain is open: a BMS cable is out or broken (E-B05 "
                            + "follows if it stays open " + Timer.CHAIN_OPEN.setDelay().toSeconds() + " s)"
                            : missing(r) + " for " + Timer.COMM_WARNING.setDelay().toSeconds() + " s",
                    r -> "the daisy chain is closed and all " + r.frame().chainNodes() + " batteries answer"),
            Rule.timed(Condition.A_B05, Timer.COMM_ALARM,
                    r -> missing(r) + " for " + Timer.COMM_ALARM.setDelay().toSeconds() + " s",
                    r -> "all " + r.frame().chainNodes() + " batteries have answered for "
                            + Timer.COMM_ALARM.clearDelay().toSeconds() + " s"),
            Rule.when(Condition.A_B09, Fact.FLAG_CHARGE_HIGH_TEMPERATURE,
                    r -> "battery " + r.batteriesWith(BatteryFlag.CHARGE_HIGH_TEMPERATURE)
                            + " reports charge high temperature (hottest "
                            + Figures.deciCelsiusAsCelsius(r.maxDeciCelsius(), 1) + "; threshold above "
                            + Figures.deciCelsiusAsLevel(BATTERY.chargeHighDeciCelsius()) + ")",
                    r -> "no battery reports charge high temperature (hottest "
                            + Figures.deciCelsiusAsCelsius(r.maxDeciCelsius(), 1) + "; clears at "
                            + Figures.deciCelsiusAsLevel(BATTERY.chargeHighClearDeciCelsius()) + ")"),
            // Errors (TOP-05..08, CODE-09..12).
            Rule.when(Condition.E_B01, Fact.BANK_INVALID,
                    r -> r.bank().map(b -> String.join(" ", b.violations())).orElse("no bank"),
                    r -> "the bank is valid"),
            Rule.timed(Condition.E_B05, Timer.CHAIN_OPEN,
                    r -> "the daisy chain has been open for " + Timer.CHAIN_OPEN.setDelay().toSeconds() + " s: the "
                            + "BMS cable loop from one BMS port through the batteries back to the other is broken",
                    r -> "the daisy chain has been closed again for " + Timer.CHAIN_OPEN.clearDelay().toSeconds()
                            + " s"),
            Rule.when(Condition.E_B09, Fact.VBAT_NOT_ALLOWED, Rules::vbatNotAllowedCause,
                    r -> "Vbat " + Figures.millivoltsAsVolts(r.vbat(), 3) + " is within "
                            + Limits.VBAT_MIN_MILLIVOLTS / 1000 + ".." + Limits.VBAT_MAX_MILLIVOLTS / 1000
                            + " V and matches the batteries"),
            // A shorted output stays an error until the BMS is switched off and on (remote, mode or power).
            Rule.latched(Condition.E_B11, Fact.HARDWARE_FAULT, Conditions.of(Condition.REMOTE_OFF,
                    Condition.MODE_OFF),
                    r -> !r.frame().selfTestPassed() ? "internal self-test failed" : readbackText(r),
                    r -> "the outputs were switched off and on"),
            // A-B01 (the battery's low cell flag) and A-B08 (Vbat per cell) open the load output only after the
            // pre-alarm lead (PROT-05, CODE-07); their emergency levels at once.
            Rule.shutdown(Condition.A_B01, Fact.FLAG_CELL_LOW, new Rule.Shutdown(Fact.CELL_EMERGENCY, true, true),
                    Rules::lowCellCause,
                    r -> "no battery reports a low cell (lowest cell "
                            + Figures.millivoltsAsVolts(r.minCellMillivolts(), 3) + "; the battery clears its flag at "
                            + Figures.millivoltsAsVolts(BATTERY.cellLowClearMillivolts(), 2) + ")"),
            Rule.shutdown(Condition.A_B08, Timer.LOW_BANK_VOLTAGE, new Rule.Shutdown(Fact.BANK_EMERGENCY, true,
                    false),
                    r -> r.vbatPerCellBelow(Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL) ? "Vbat "
                            + Figures.millivoltsAsVolts(r.vbat(), 3) + " is " + r.perCell()
                            + " per cell in series, below the emergency level "
                            + Figures.millivoltsAsVolts(Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL, 3)
                            + ": no pre-alarm lead"
                            : "Vbat " + Figures.millivoltsAsVolts(r.vbat(), 3) + " is " + r.perCell()
                            + " per cell in series, below "
                            + Figures.millivoltsAsVolts(Limits.LOW_BANK_VOLTAGE.set(), 3) + " for "
                            + Timer.LOW_BANK_VOLTAGE.setDelay().toSeconds() + " s, and the pre-alarm has been high "
                            + "since " + leadStart(r) + " (" + Limits.PRE_ALARM_LEAD.toSeconds() + " s lead)",
                    r -> "Vbat per cell " + r.perCell() + " is back at or above "
                            + Figures.millivoltsAsVolts(Limits.LOW_BANK_VOLTAGE.clear(), 3)),
            Rule.shutdown(Condition.A_B07, Timer.LOW_SOC, new Rule.Shutdown(null, false, false),
                    r -> "SoC " + Figures.permilleAsPercent(r.inputs().socPermille(), 1)
                            + " is at or below the discharge floor " + r.inputs().dischargeFloorPercent() + " %",
                    r -> r.socRules() ? "SoC " + Figures.permilleAsPercent(r.inputs().socPermille(), 1)
                            + " is at or above the discharge floor + "
                            + Limits.LOW_SOC_ALARM_CLEAR_PERMILLE / 10 + " % (" + (r.inputs().dischargeFloorPercent()
                            + Limits.LOW_SOC_ALARM_CLEAR_PERMILLE / 10) + " %)"
                            : "SoC unknown: SoC rules inactive"),
            // After A-B07, which takes over from it at the discharge floor.
            Rule.when(Condition.W_B07, Fact.SOC_AT_WARNING,
                    r -> "SoC " + Figures.permilleAsPercent(r.inputs().socPermille(), 1)
                            + " is at or below the low SoC warning level " + r.inputs().lowSocWarningPercent() + " %",
                    r -> !r.socRules() ? "SoC unknown: SoC rules inactive"
                            : r.inputs().socPermille() <= r.inputs().lowSocWarningPercent() * 10
                            ? "the low SoC alarm A-B07 takes over at the discharge floor"
                            : "SoC " + Figures.permilleAsPercent(r.inputs().socPermille(), 1)
                            + " is above the low SoC warning level " + r.inputs().lowSocWarningPercent() + " %")
                    .unless(Condition.A_B07));

    /**
     * The classic smallBMS with pre-alarm (CLS-02..04): the batteries decide, with the levels set in them, and
     * signal over the daisy chain; the BMS switches its outputs on those signals. No codes, no SoC, no bank of its
     * own: the rows read the batteries' flags, the chain and the remote. The load output still waits for the
     * pre-alarm's lead (CLS-03: at least 30 s, and no emergency level: the classic manual knows none), and keeps the
     * NG's shutdown hold (PROT-11) and low-consumption state (PROT-12), which the classic's figures share (OUT-03).
     */
    static final List<Rule> CLASSIC = List.of(
            UNPOWERED,
            REMOTE_OFF,
            Rule.when(Condition.SIGNAL_LOST, Fact.SIGNAL_LOST,
                    r -> !r.frame().chainClosed() ? "the daisy chain is open: a BMS cable is out or broken, so no "
                            + "battery's signal reaches the BMS" : missing(r) + ": without its signal the BMS "
                            + "allows neither charge nor discharge",
                    r -> "the daisy chain is closed and all " + r.frame().chainNodes() + " batteries signal"),
            signalled(Condition.CHARGE_LOW_TEMPERATURE, Fact.FLAG_CHARGE_LOW_TEMPERATURE,
                    BatteryFlag.CHARGE_LOW_TEMPERATURE, "charge low temperature",
                    r -> "coldest " + Figures.deciCelsiusAsCelsius(r.minDeciCelsius(), 1),
                    "; below " + Figures.deciCelsiusAsLevel(BATTERY.chargeLowDeciCelsius())),
            signalled(Condition.CELL_HIGH_VOLTAGE, Fact.FLAG_CELL_HIGH, BatteryFlag.CELL_HIGH_VOLTAGE,
                    "cell overvoltage", r -> "highest cell " + Figures.millivoltsAsVolts(r.maxCellMillivolts(), 3),
                    "; threshold " + Figures.millivoltsAsVolts(BATTERY.cellHighMillivolts(), 2)),
            signalled(Condition.CHARGE_HIGH_TEMPERATURE, Fact.FLAG_CHARGE_HIGH_TEMPERATURE,
                    BatteryFlag.CHARGE_HIGH_TEMPERATURE, "cell over temperature",
                    r -> "hottest " + Figures.deciCelsiusAsCelsius(r.maxDeciCelsius(), 1),
                    "; above " + Figures.deciCelsiusAsLevel(BATTERY.chargeHighDeciCelsius())),
            // A battery at its load disconnect level pre-alarms too: the lead runs before the loads go off.
            Rule.whenAny(Condition.CELL_PRE_ALARM, List.of(Fact.FLAG_CELL_PRE_ALARM, Fact.FLAG_CELL_LOW),
                    r -> "battery " + r.batteriesWith(r.flag(BatteryFlag.CELL_PRE_ALARM) ? BatteryFlag.CELL_PRE_ALARM
                            : BatteryFlag.CELL_LOW_VOLTAGE) + " signals imminent cell undervoltage (lowest cell "
                            + Figures.millivoltsAsVolts(r.minCellMillivolts(), 3)
                            + "; below the pre-alarm level set in the battery)",
                    r -> "no battery signals imminent cell undervoltage (lowest cell "
                            + Figures.millivoltsAsVolts(r.minCellMillivolts(), 3) + ")"),
            Rule.shutdown(Condition.CELL_UNDERVOLTAGE, Fact.FLAG_CELL_LOW, new Rule.Shutdown(null, true, true),
                    r -> "battery " + r.batteriesWith(BatteryFlag.CELL_LOW_VOLTAGE) + " signals cell undervoltage "
                            + "(lowest cell " + Figures.millivoltsAsVolts(r.minCellMillivolts(), 3)
                            + "; at the load disconnect level set in the battery), and the pre-alarm has been high "
                            + "since " + leadStart(r)
                            + " (" + Limits.PRE_ALARM_LEAD.toSeconds() + " s lead)",
                    r -> "no battery signals cell undervoltage (lowest cell "
                            + Figures.millivoltsAsVolts(r.minCellMillivolts(), 3) + ")"));

    private Rules() {
    }

    /**
     * A classic row that holds while a battery signals {@code flag}: its causes name the batteries that signal it and
     * the {@code figure} it is about, with the battery's {@code level} when it is raised.
     */
    private static Rule signalled(Condition condition, Fact fact, BatteryFlag flag, String what, Rule.Cause figure,
            String level) {
        return Rule.when(condition, fact,
                r -> "battery " + r.batteriesWith(flag) + " signals " + what + " (" + figure.of(r) + level + ")",
                r -> "no battery signals " + what + " (" + figure.of(r) + ")");
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
            return "lowest cell " + Figures.millivoltsAsVolts(r.minCellMillivolts(), 3)
                    + " is below the emergency level " + Figures.millivoltsAsVolts(Limits.EMERGENCY_CELL.set(), 3)
                    + ": no pre-alarm lead";
        }
        String lead = " and the pre-alarm has been high since " + leadStart(r) + " ("
                + Limits.PRE_ALARM_LEAD.toSeconds() + " s lead)";
        if (r.minCellMillivolts() < BATTERY.cellLowMillivolts()) {
            return "battery " + r.batteriesWith(BatteryFlag.CELL_LOW_VOLTAGE) + " reports a cell at the low cell "
                    + "voltage threshold (lowest cell " + Figures.millivoltsAsVolts(r.minCellMillivolts(), 3)
                    + "; threshold " + Figures.millivoltsAsVolts(BATTERY.cellLowMillivolts(), 2) + ")" + lead;
        }
        // The flag is latched in the battery: the cell that set it may have recovered since.
        return "battery " + r.batteriesWith(BatteryFlag.CELL_LOW_VOLTAGE) + " still reports its low cell flag, set "
                + "when a cell reached the " + Figures.millivoltsAsVolts(BATTERY.cellLowMillivolts(), 2)
                + " threshold and cleared only at " + Figures.millivoltsAsVolts(BATTERY.cellLowClearMillivolts(), 2)
                + " (lowest cell now "
                + Figures.millivoltsAsVolts(r.minCellMillivolts(), 3) + ")," + lead;
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

    private static String vbatNotAllowedCause(Reading r) {
        int vbat = r.vbat();
        if (vbat < Limits.VBAT_MIN_MILLIVOLTS || vbat > Limits.VBAT_MAX_MILLIVOLTS) {
            return "Vbat " + Figures.millivoltsAsVolts(vbat, 3) + " is outside all system voltage ranges ("
                    + Figures.millivoltsAsVolts(Limits.VBAT_MIN_MILLIVOLTS, 3) + " to "
                    + Figures.millivoltsAsVolts(Limits.VBAT_MAX_MILLIVOLTS, 3) + ")";
        }
        return "Vbat " + Figures.millivoltsAsVolts(vbat, 3) + " differs by more than " + Limits.VBAT_MISMATCH_PERCENT
                + " % from "
                + Figures.millivoltsAsVolts((int) Reading.reportedSeriesMillivolts(r.bank(), r.frame().batteries()), 3)
                + ", the series voltage the batteries report: the BMS is wired to another battery";
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

}
