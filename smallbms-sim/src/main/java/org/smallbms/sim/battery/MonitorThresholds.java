package org.smallbms.sim.battery;

import org.smallbms.core.bank.BatteryThresholds;

/**
 * The thresholds of a battery's own cell monitor, each a pair: set and clear.
 *
 * <p>Lithium NG: hard-coded (REQUIREMENTS.md §2 decision). Lithium Battery Smart: the load disconnect and pre-alarm
 * levels are set in the battery (CLS-02); the charge thresholds are the same as the NG's.
 *
 * @param cellHighVolts a cell at or above this sets CELL_HIGH_VOLTAGE
 * @param cellHighClearVolts it clears when every cell is at or below this
 * @param cellLowVolts a cell at or below this sets CELL_LOW_VOLTAGE (the load disconnect level)
 * @param cellLowClearVolts it clears when every cell is at or above this
 * @param preAlarmVolts a cell below this sets CELL_PRE_ALARM; NaN where the battery has no pre-alarm (NG)
 * @param preAlarmClearVolts it clears when every cell is at or above this
 * @param chargeLowCelsius below this CHARGE_LOW_TEMPERATURE is set
 * @param chargeLowClearCelsius it clears at or above this
 * @param chargeHighCelsius above this CHARGE_HIGH_TEMPERATURE is set
 * @param chargeHighClearCelsius it clears at or below this
 */
public record MonitorThresholds(
        double cellHighVolts,
        double cellHighClearVolts,
        double cellLowVolts,
        double cellLowClearVolts,
        double preAlarmVolts,
        double preAlarmClearVolts,
        double chargeLowCelsius,
        double chargeLowClearCelsius,
        double chargeHighCelsius,
        double chargeHighClearCelsius) {

    /**
     * REQUIREMENTS.md §2 decision: the Lithium NG's hard-coded thresholds, as the core declares them (its causes
     * name them); the NG has no pre-alarm of its own.
     */
    public static final MonitorThresholds LITHIUM_NG = of(BatteryThresholds.LITHIUM_NG);

    /** CLS-02: load disconnect at a cell below 2.8 V by default, adjustable 2.6..2.8 V. */
    public static final double SMART_LOAD_DISCONNECT_DEFAULT_VOLTS = 2.80;
    public static final double SMART_LOAD_DISCONNECT_MIN_VOLTS = 2.60;
    public static final double SMART_LOAD_DISCONNECT_MAX_VOLTS = 2.80;
    /** CLS-02: pre-alarm at 3.1 V by default, adjustable 2.85..3.15 V. */
    public static final double SMART_PRE_ALARM_DEFAULT_VOLTS = 3.10;
    public static final double SMART_PRE_ALARM_MIN_VOLTS = 2.85;
    public static final double SMART_PRE_ALARM_MAX_VOLTS = 3.15;
    /**
     * <em>Decision</em> (the manual gives no clear level): the pre-alarm clears 0.10 V above its level, so the 3.10 V
     * default clears at 3.20 V, where the low cell voltage flag clears too.
     */
    public static final double SMART_PRE_ALARM_HYSTERESIS_VOLTS = 0.10;

    /** A battery's thresholds in volts and degrees, from the core's declaration; no pre-alarm of its own. */
    static MonitorThresholds of(BatteryThresholds t) {
        return new MonitorThresholds(t.cellHighMillivolts() / 1000.0, t.cellHighClearMillivolts() / 1000.0,
                t.cellLowMillivolts() / 1000.0, t.cellLowClearMillivolts() / 1000.0, Double.NaN, Double.NaN,
                t.chargeLowDeciCelsius() / 10.0, t.chargeLowClearDeciCelsius() / 10.0,
                t.chargeHighDeciCelsius() / 10.0, t.chargeHighClearDeciCelsius() / 10.0);
    }

    public MonitorThresholds {
        if (!(cellHighClearVolts < cellHighVolts && cellLowVolts < cellLowClearVolts
                && chargeLowCelsius < chargeLowClearCelsius && chargeHighClearCelsius < chargeHighCelsius)
                || Double.isNaN(preAlarmVolts) != Double.isNaN(preAlarmClearVolts)
                || preAlarmVolts >= preAlarmClearVolts) {
            throw new IllegalArgumentException("every clear level lies on the safe side of its set level: " + this);
        }
    }

    /**
     * CLS-02: a Lithium Battery Smart's thresholds with the two levels set in the battery. A level out of range is a
     * user's error: refused with the setting, the value, the allowed range and how to fix it.
     */
    public static MonitorThresholds lithiumBatterySmart(double loadDisconnectVolts, double preAlarmVolts) {
        requireRange("loadDisconnectVolts", loadDisconnectVolts, SMART_LOAD_DISCONNECT_MIN_VOLTS,
                SMART_LOAD_DISCONNECT_MAX_VOLTS, SMART_LOAD_DISCONNECT_DEFAULT_VOLTS);
        requireRange("preAlarmVolts", preAlarmVolts, SMART_PRE_ALARM_MIN_VOLTS, SMART_PRE_ALARM_MAX_VOLTS,
                SMART_PRE_ALARM_DEFAULT_VOLTS);
        return new MonitorThresholds(LITHIUM_NG.cellHighVolts, LITHIUM_NG.cellHighClearVolts, loadDisconnectVolts,
                LITHIUM_NG.cellLowClearVolts, preAlarmVolts, preAlarmVolts + SMART_PRE_ALARM_HYSTERESIS_VOLTS,
                LITHIUM_NG.chargeLowCelsius, LITHIUM_NG.chargeLowClearCelsius, LITHIUM_NG.chargeHighCelsius,
                LITHIUM_NG.chargeHighClearCelsius);
    }

    /** CLS-02 defaults: load disconnect 2.8 V, pre-alarm 3.1 V. */
    public static MonitorThresholds lithiumBatterySmartDefaults() {
        return lithiumBatterySmart(SMART_LOAD_DISCONNECT_DEFAULT_VOLTS, SMART_PRE_ALARM_DEFAULT_VOLTS);
    }

    public boolean hasPreAlarm() {
        return !Double.isNaN(preAlarmVolts);
    }

    private static void requireRange(String setting, double volts, double min, double max, double defaultVolts) {
        if (!(volts >= min && volts <= max)) {
            throw new IllegalArgumentException(setting + " = " + volts + " V is outside the allowed " + min + ".."
                    + max + " V (CLS-02): choose a level in that range, or " + defaultVolts + " V, the default");
        }
    }
}
