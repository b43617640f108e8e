package org.smallbms.app.readout;

import java.util.Optional;
import java.util.OptionalInt;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;
import org.smallbms.core.codes.Severity;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.TimeRemaining;
import org.smallbms.core.protection.Outputs;

/**
 * IR-01: which device value goes in which field of the BMS record, and how it is rounded. Every field the manual
 * (§5.1.1) lists is there: voltage, current, SoC, time remaining, temperature, consumed Ah, and the warnings, alarms
 * and errors. A value the device does not have (no battery data, SoC unknown) goes as "not available", never as 0.
 * The code-to-field table is {@link #target}; docs/instant-readout.md has it in words. A pure function.
 */
public final class BmsMapping {

    /**
     * The product id our advertisements carry: 0xA3E7 (41959), the one of the vectors' generated BMS advertisement
     * and of the Venus OS mock battery. The smallBMS NG's own id is not published; decoders pick the layout by the
     * record type, not by the product id.
     */
    public static final int PRODUCT_ID = 0xA3E7;

    /** VE_REG_BMS_ERROR values for our E-codes (see {@link Names#BMS_ERRORS}). */
    static final int ERROR_NONE = 0;
    static final int ERROR_BATTERY_TYPE = 4;
    static final int ERROR_HARDWARE = 11;
    static final int ERROR_BMS_CABLE = 32;
    static final int ERROR_WRONG_SYSTEM_VOLTAGE = 34;

    private static final int MILLIVOLTS_PER_CENTIVOLT = 10;
    private static final int MILLIAMPS_PER_DECIAMP = 100;
    private static final int MILLIAMP_HOURS_PER_DECI = 100;
    private static final int DECI = 10;
    private static final int MAX_MINUTES = 0xFFFE;
    private static final int MAX_CONSUMED = 0xFFFFE;
    private static final int MIN_CELSIUS = -40;
    private static final int MAX_CELSIUS = 86;

    /** Where a condition shows in the record: a warnings/alarms field, a BMS error value, both or neither. */
    private record Target(WarningsAlarms.Kind field, int error) {
        static final Target NONE = new Target(null, ERROR_NONE);

        static Target field(WarningsAlarms.Kind field) {
            return new Target(field, ERROR_NONE);
        }
    }

    /** The fields we supervise: OK unless a code says otherwise. The others are sent as "unsupported". */
    private static final WarningsAlarms SUPERVISED = WarningsAlarms.NONE
            .with(WarningsAlarms.Kind.LOW_CELL_VOLTAGE, WarningsAlarms.Level.OK)
            .with(WarningsAlarms.Kind.BMS_CABLE, WarningsAlarms.Level.OK)
            .with(WarningsAlarms.Kind.LOAD_DISCONNECT, WarningsAlarms.Level.OK)
            .with(WarningsAlarms.Kind.LOW_SOC, WarningsAlarms.Level.OK)
            .with(WarningsAlarms.Kind.HIGH_BATTERY_TEMPERATURE, WarningsAlarms.Level.OK);

    private BmsMapping() {
    }

    /** The record a device in state {@code bms} broadcasts. */
    public static BmsRecord of(BmsState bms) {
        return of(bms.measurement(), bms.socPermille(), bms.consumedMilliampHours(), bms.timeRemaining(),
                bms.protection().active(), bms.protection().outputs());
    }

    /**
     * The record of the device values it is made of.
     *
     * @param measurement voltage, current and temperatures; empty without battery data
     * @param socPermille the SoC; empty while unknown
     * @param consumedMilliampHours consumed Ah (0 or negative); empty while the SoC is unknown
     * @param timeRemaining the time remaining
     * @param active the active conditions
     * @param outputs the three outputs
     */
    public static BmsRecord of(Optional<Measurement> measurement, Optional<Integer> socPermille,
            Optional<Long> consumedMilliampHours, TimeRemaining timeRemaining, Conditions active, Outputs outputs) {
        return new BmsRecord(error(active), timeToGo(timeRemaining),
                measurement.map(m -> OptionalInt.of(clamp(divide(m.bankMillivolts(), MILLIVOLTS_PER_CENTIVOLT),
                        Short.MIN_VALUE, Short.MAX_VALUE - 1))).orElse(OptionalInt.empty()),
                measurement.map(m -> OptionalInt.of(clamp(divide(m.bankMilliamps(), MILLIAMPS_PER_DECIAMP),
                        Short.MIN_VALUE, Short.MAX_VALUE - 1))).orElse(OptionalInt.empty()),
                io(active, outputs), warningsAlarms(active, outputs),
                socPermille.map(OptionalInt::of).orElse(OptionalInt.empty()),
                consumedMilliampHours.map(mah -> OptionalInt.of(clamp(divide(Math.min(0, mah),
                        MILLIAMP_HOURS_PER_DECI), -MAX_CONSUMED, 0))).orElse(OptionalInt.empty()),
                measurement.map(m -> OptionalInt.of(clamp(divide(m.maxDeciCelsius(), DECI), MIN_CELSIUS,
                        MAX_CELSIUS))).orElse(OptionalInt.empty()));
    }

    /**
     * MON-04 in whole minutes, as the status page's figure (rounded down); "not available" when it is unknown and
     * when it is infinite (not discharging), as the status API's {@code timeRemainingMinutes} is null for both.
     */
    private static OptionalInt timeToGo(TimeRemaining remaining) {
        return switch (remaining.kind()) {
            case UNKNOWN, INFINITE -> OptionalInt.empty();
            case FINITE -> OptionalInt.of((int) Math.min(MAX_MINUTES, remaining.duration().toMinutes()));
        };
    }

    /**
     * The IO fields the smallBMS NG has: ATC and ATD as its two outputs (ATD stays yes under the pre-alarm), and the
     * remote on/off input. It has no contactor, user relay, aux output or alternator output: not available.
     */
    static IoStatus io(Conditions active, Outputs outputs) {
        return IoStatus.NONE
                .with(IoStatus.Signal.ALLOWED_TO_CHARGE, IoStatus.of(outputs.charge().isHigh()))
                .with(IoStatus.Signal.ALLOWED_TO_DISCHARGE, IoStatus.of(outputs.load().isHigh()))
                .with(IoStatus.Signal.REMOTE, IoStatus.of(!active.has(Condition.REMOTE_OFF)));
    }

    /**
     * Each active code at its field, a warning as a warning and an alarm or error as an alarm, the worst one winning;
     * and "load disconnect" from the outputs: a warning while the pre-alarm warns of it, an alarm while a code holds
     * the loads off.
     */
    static WarningsAlarms warningsAlarms(Conditions active, Outputs outputs) {
        WarningsAlarms result = SUPERVISED;
        for (Condition condition : Condition.values()) {
            WarningsAlarms.Kind field = target(condition).field();
            if (field != null && active.has(condition)) {
                result = worst(result, field, condition.severity() == Severity.WARNING
                        ? WarningsAlarms.Level.WARNING : WarningsAlarms.Level.ALARM);
            }
        }
        if (outputs.load().isHigh() && outputs.preAlarm().isHigh()) {
            result = worst(result, WarningsAlarms.Kind.LOAD_DISCONNECT, WarningsAlarms.Level.WARNING);
        }
        if (!outputs.load().isHigh() && codeBlocksDischarge(active)) {
            result = worst(result, WarningsAlarms.Kind.LOAD_DISCONNECT, WarningsAlarms.Level.ALARM);
        }
        return result;
    }

    private static boolean codeBlocksDischarge(Conditions active) {
        for (Condition condition : active.dischargeBlockers()) {
            if (condition.isCode()) {
                return true;
            }
        }
        return false;
    }

    private static WarningsAlarms worst(WarningsAlarms set, WarningsAlarms.Kind kind, WarningsAlarms.Level level) {
        return set.get(kind).compareTo(level) >= 0 ? set : set.with(kind, level);
    }

    /** The BMS error of the first active error in the manual's order; 0 when none is. */
    static int error(Conditions active) {
        for (Condition condition : Condition.values()) {
            if (active.has(condition) && target(condition).error() != ERROR_NONE) {
                return target(condition).error();
            }
        }
        return ERROR_NONE;
    }

    /** Where each condition shows: the one table of our codes against the record's fields. */
    private static Target target(Condition condition) {
        return switch (condition) {
            // States, not codes: their effect shows in the IO fields (ATC, ATD, remote).
            case UNPOWERED, REMOTE_OFF, MODE_OFF, NO_BANK, CHARGE_LOW_TEMPERATURE, CELL_HIGH_VOLTAGE,
                    FIRMWARE_UPDATING, FIRMWARE_FAILED -> Target.NONE;
            // The classic smallBMS's states: it has no Bluetooth, so it never advertises (CLS-04).
            case SIGNAL_LOST, CHARGE_HIGH_TEMPERATURE, CELL_PRE_ALARM, CELL_UNDERVOLTAGE -> Target.NONE;
            // A-B08 is the cells' low voltage seen at the bank terminals (Vbat per cell): the same field.
            case W_B01, A_B01, A_B08 -> Target.field(WarningsAlarms.Kind.LOW_CELL_VOLTAGE);
            case W_B05, A_B05 -> Target.field(WarningsAlarms.Kind.BMS_CABLE);
            case W_B07, A_B07 -> Target.field(WarningsAlarms.Kind.LOW_SOC);
            case A_B09 -> Target.field(WarningsAlarms.Kind.HIGH_BATTERY_TEMPERATURE);
            // E-B01 "the bank is wrong": mixed batteries are its usual cause.
            case E_B01 -> new Target(null, ERROR_BATTERY_TYPE);
            // E-B05 "the cabling is wrong": the daisy chain is open.
            case E_B05 -> new Target(WarningsAlarms.Kind.BMS_CABLE, ERROR_BMS_CABLE);
            case E_B09 -> new Target(null, ERROR_WRONG_SYSTEM_VOLTAGE);
            case E_B11 -> new Target(null, ERROR_HARDWARE);
        };
    }

    /** {@code dividend / divisor} rounded half away from zero, for a positive divisor. */
    static long divide(long dividend, long divisor) {
        long half = divisor / 2;
        return dividend >= 0 ? (dividend + half) / divisor : -((-dividend + half) / divisor);
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
