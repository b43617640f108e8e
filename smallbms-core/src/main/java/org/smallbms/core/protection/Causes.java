package org.smallbms.core.protection;

import java.time.Instant;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.remote.Remote;

/** Writes the cause of a condition being raised or cleared: the rule, the value that crossed and the threshold. */
final class Causes {

    /** Where a Lithium NG battery sets its low cell flag (REQUIREMENTS.md, PROT): only for the words of a cause. */
    private static final int LOW_CELL_FLAG_SET = 2_800;

    private final Measure measure;
    private final BankFrame frame;
    private final ProtectionInputs inputs;
    private final Optional<Bank> bank;
    private final ProtectionState previous;
    private final Instant now;

    Causes(Measure measure, ProtectionInputs inputs, Optional<Bank> bank, ProtectionState previous, Instant now) {
        this.measure = measure;
        this.frame = measure.frame();
        this.inputs = inputs;
        this.bank = bank;
        this.previous = previous;
        this.now = now;
    }

    private boolean powerLost() {
        return frame.terminalMillivolts() < Limits.OPERATING_MIN_MILLIVOLTS;
    }

    String raised(Condition condition) {
        return switch (condition) {
            case UNPOWERED -> "Vbat " + Measure.volts(frame.terminalMillivolts()) + " is below the "
                    + Measure.volts(Limits.OPERATING_MIN_MILLIVOLTS) + " operating minimum";
            case REMOTE_OFF -> "remote off: " + Remote.describe(frame.remote(), frame.terminalMillivolts());
            case MODE_OFF -> "Mode set to Off";
            case NO_BANK -> "no complete data from the batteries on the BMS cable yet";
            case CHARGE_LOW_TEMPERATURE -> "battery " + measure.batteriesWith(BatteryFlag.CHARGE_LOW_TEMPERATURE)
                    + " reports charge low temperature (coldest " + Measure.celsius(measure.minDeciCelsius())
                    + "; threshold below 5 °C)";
            case CELL_HIGH_VOLTAGE -> "battery " + measure.batteriesWith(BatteryFlag.CELL_HIGH_VOLTAGE)
                    + " reports a cell at the high cell voltage threshold (highest cell "
                    + Measure.volts(measure.maxCellMillivolts()) + "; threshold 3.75 V)";
            case FIRMWARE_UPDATING -> "firmware update in progress";
            case FIRMWARE_FAILED -> "firmware update failed at " + previous.firmwareFailedAt() + " and "
                    + Limits.FIRMWARE_FAILED_GRACE.toSeconds() + " s passed without a successful retry";
            case W_B01 -> cellsBelowPreAlarm() ? "lowest cell " + Measure.volts(measure.minCellMillivolts())
                    + " (battery " + measure.batteryWithLowestCell() + ") is below the pre-alarm level "
                    + Measure.volts(inputs.preAlarmCellMillivolts()) + lowFlagNote()
                    : "Vbat " + Measure.volts(frame.terminalMillivolts()) + " is " + perCell() + " per cell in series, "
                    + "below the pre-alarm level " + Measure.volts(inputs.preAlarmCellMillivolts()) + lowFlagNote();
            case W_B05 -> !frame.chainClosed() ? "the daisy chain is open: a BMS cable is out or broken (E-B05 follows "
                    + "if it stays open " + Limits.CHAIN_OPEN_DELAY.toSeconds() + " s)"
                    : missing() + " for " + Limits.COMM_WARNING_DELAY.toSeconds() + " s";
            case A_B05 -> missing() + " for " + Limits.COMM_ALARM_DELAY.toSeconds() + " s";
            case W_B07 -> "SoC " + Measure.percent(inputs.socPermille()) + " is at or below the low SoC warning level "
                    + inputs.lowSocWarningPercent() + " %";
            case A_B07 -> "SoC " + Measure.percent(inputs.socPermille()) + " is at or below the discharge floor "
                    + inputs.dischargeFloorPercent() + " %";
            case A_B08 -> bankEmergency() ? "Vbat " + Measure.volts(frame.terminalMillivolts()) + " is " + perCell()
                    + " per cell in series, below the emergency level "
                    + Measure.volts(Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL) + ": no pre-alarm lead"
                    : "Vbat " + Measure.volts(frame.terminalMillivolts()) + " is " + perCell()
                    + " per cell in series, below " + Measure.volts(Limits.LOW_BANK_VOLTAGE.set()) + " for "
                    + Limits.LOW_BANK_VOLTAGE.setDelay().toSeconds() + " s, and the pre-alarm has been high since "
                    + leadStart() + " (" + Limits.PRE_ALARM_LEAD.toSeconds() + " s lead)";
            case A_B09 -> "battery " + measure.batteriesWith(BatteryFlag.CHARGE_HIGH_TEMPERATURE)
                    + " reports charge high temperature (hottest " + Measure.celsius(measure.maxDeciCelsius())
                    + "; threshold above 50 °C)";
            case A_B01 -> measure.minCellMillivolts() < Limits.EMERGENCY_CELL.set()
                    ? "lowest cell " + Measure.volts(measure.minCellMillivolts()) + " is below the emergency level "
                    + Measure.volts(Limits.EMERGENCY_CELL.set()) + ": no pre-alarm lead"
                    : measure.minCellMillivolts() < LOW_CELL_FLAG_SET
                    ? "battery " + measure.batteriesWith(BatteryFlag.CELL_LOW_VOLTAGE)
                    + " reports a cell at the low cell voltage threshold (lowest cell "
                    + Measure.volts(measure.minCellMillivolts()) + "; threshold 2.80 V) and the pre-alarm has been "
                    + "high since " + leadStart() + " (" + Limits.PRE_ALARM_LEAD.toSeconds() + " s lead)"
                    // The flag is latched in the battery: the cell that set it may have recovered since.
                    : "battery " + measure.batteriesWith(BatteryFlag.CELL_LOW_VOLTAGE) + " still reports its low cell "
                    + "flag, set when a cell reached the 2.80 V threshold and cleared only at 3.20 V (lowest cell now "
                    + Measure.volts(measure.minCellMillivolts()) + "), and the pre-alarm has been high since "
                    + leadStart() + " (" + Limits.PRE_ALARM_LEAD.toSeconds() + " s lead)";
            case E_B01 -> bank.map(b -> String.join(" ", b.violations())).orElse("no bank");
            case E_B05 -> "the daisy chain has been open for " + Limits.CHAIN_OPEN_DELAY.toSeconds() + " s: the "
                    + "BMS cable loop from one BMS port through the batteries back to the other is broken";
            case E_B09 -> vbatNotAllowed();
            case E_B11 -> !frame.selfTestPassed() ? "internal self-test failed" : readbackText();
        };
    }

    String cleared(Condition condition) {
        if (powerLost()) {
            return "the BMS lost power (Vbat " + Measure.volts(frame.terminalMillivolts()) + ")";
        }
        return switch (condition) {
            case UNPOWERED -> "Vbat " + Measure.volts(frame.terminalMillivolts()) + " powers the BMS";
            case REMOTE_OFF -> "remote on: " + Remote.describe(frame.remote(), frame.terminalMillivolts());
            case MODE_OFF -> "Mode set to On";
            case NO_BANK -> "bank detected";
            case CHARGE_LOW_TEMPERATURE -> "no battery reports charge low temperature (coldest "
                    + Measure.celsius(measure.minDeciCelsius()) + "; clears at 7 °C)";
            case CELL_HIGH_VOLTAGE -> "no battery reports a high cell (highest cell "
                    + Measure.volts(measure.maxCellMillivolts()) + "; clears at 3.60 V)";
            case FIRMWARE_UPDATING -> "firmware update finished";
            case FIRMWARE_FAILED -> "firmware update succeeded";
            case W_B01 -> "lowest cell " + Measure.volts(measure.minCellMillivolts()) + " and Vbat per cell "
                    + perCell() + " are back at or above "
                    + Measure.volts(inputs.preAlarmCellMillivolts() + Limits.PRE_ALARM_HYSTERESIS_MILLIVOLTS)
                    + " (pre-alarm level + " + Limits.PRE_ALARM_HYSTERESIS_MILLIVOLTS + " mV)";
            case W_B05 -> "the daisy chain is closed and all " + frame.chainNodes() + " batteries answer";
            case A_B05 -> "all " + frame.chainNodes() + " batteries have answered for "
                    + Limits.COMM_ALARM_CLEAR_DELAY.toSeconds() + " s";
            case W_B07 -> !inputs.socKnown() ? "SoC unknown: SoC rules inactive"
                    : inputs.socPermille() <= inputs.lowSocWarningPercent() * 10
                    ? "the low SoC alarm A-B07 takes over at the discharge floor"
                    : "SoC " + Measure.percent(inputs.socPermille()) + " is above the low SoC warning level "
                    + inputs.lowSocWarningPercent() + " %";
            case A_B07 -> inputs.socKnown() ? "SoC " + Measure.percent(inputs.socPermille())
                    + " is at or above the discharge floor + 3 % (" + (inputs.dischargeFloorPercent() + 3) + " %)"
                    : "SoC unknown: SoC rules inactive";
            case A_B08 -> "Vbat per cell " + perCell() + " is back at or above "
                    + Measure.volts(Limits.LOW_BANK_VOLTAGE.clear());
            case A_B09 -> "no battery reports charge high temperature (hottest "
                    + Measure.celsius(measure.maxDeciCelsius()) + "; clears at 45 °C)";
            case A_B01 -> "no battery reports a low cell (lowest cell " + Measure.volts(measure.minCellMillivolts())
                    + "; the battery clears its flag at 3.20 V)";
            case E_B01 -> "the bank is valid";
            case E_B05 -> "the daisy chain has been closed again for " + Limits.CHAIN_OPEN_DELAY.toSeconds() + " s";
            case E_B09 -> "Vbat " + Measure.volts(frame.terminalMillivolts()) + " is within 9..60 V and matches the "
                    + "batteries";
            case E_B11 -> "the outputs were switched off and on";
        };
    }

    /** Whether a cell's own voltage is below the pre-alarm level (else Vbat per cell raised W-B01). */
    private boolean cellsBelowPreAlarm() {
        return !frame.batteries().isEmpty() && measure.minCellMillivolts() < inputs.preAlarmCellMillivolts();
    }

    private boolean bankEmergency() {
        return bank.filter(Bank::isValid).map(b -> frame.terminalMillivolts()
                < Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL * b.cellsInSeries()).orElse(false);
    }

    /** When the pre-alarm went high, for the cause of an alarm that waited for its lead. */
    private String leadStart() {
        Instant endsAt = previous.preAlarmLeadEndsAt();
        return endsAt == null ? "before" : endsAt.minus(Limits.PRE_ALARM_LEAD).toString();
    }

    private String lowFlagNote() {
        String flagged = measure.batteriesWith(BatteryFlag.CELL_LOW_VOLTAGE);
        return flagged.equals("none") ? "" : "; battery " + flagged + " reports its low cell flag";
    }

    private String missing() {
        if (frame.chainNodes() == 0) {
            return "no battery answers on the BMS cable";
        }
        return (frame.chainNodes() - frame.batteries().size()) + " of " + frame.chainNodes()
                + " batteries without valid data";
    }

    private String perCell() {
        return bank.filter(Bank::isValid).map(b -> Measure.volts(frame.terminalMillivolts() / b.cellsInSeries()))
                .orElse("?");
    }

    private String vbatNotAllowed() {
        int vbat = frame.terminalMillivolts();
        if (vbat < Limits.VBAT_MIN_MILLIVOLTS || vbat > Limits.VBAT_MAX_MILLIVOLTS) {
            return "Vbat " + Measure.volts(vbat) + " is outside all system voltage ranges ("
                    + Measure.volts(Limits.VBAT_MIN_MILLIVOLTS) + " to " + Measure.volts(Limits.VBAT_MAX_MILLIVOLTS)
                    + ")";
        }
        return "Vbat " + Measure.volts(vbat) + " differs by more than " + Limits.VBAT_MISMATCH_PERCENT + " % from "
                + Measure.volts((int) Protection.reportedSeriesMillivolts(bank, frame.batteries()))
                + ", the series voltage the batteries report: the BMS is wired to another battery";
    }

    private String readbackText() {
        StringBuilder text = new StringBuilder();
        Outputs commanded = previous.outputs();
        if (commanded.charge().isHigh() && !frame.readback().chargeHigh()) {
            text.append("Charge disconnect");
        }
        if (commanded.load().isHigh() && !frame.readback().loadHigh()) {
            text.append(text.length() == 0 ? "" : ", ").append("Load disconnect");
        }
        if (commanded.preAlarm().isHigh() && !frame.readback().preAlarmHigh()) {
            text.append(text.length() == 0 ? "" : ", ").append("pre-alarm");
        }
        if (text.length() == 0) {
            return "hardware error latched at " + now;
        }
        return text + " output driven high reads low: short circuit or overload";
    }
}
