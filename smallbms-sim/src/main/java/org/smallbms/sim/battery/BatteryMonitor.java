package org.smallbms.sim.battery;

import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryFlags;

/**
 * A battery's own cell monitor: each flag set at its threshold and cleared at its clear level (the hysteresis lives
 * in the battery, so the BMS acts on flags that do not chatter). A mutable part of the battery's physics body.
 */
final class BatteryMonitor {

    private MonitorThresholds thresholds;
    private BatteryFlags flags = BatteryFlags.NONE;

    BatteryMonitor(MonitorThresholds thresholds) {
        this.thresholds = thresholds;
    }

    void setThresholds(MonitorThresholds thresholds) {
        this.thresholds = thresholds;
    }

    MonitorThresholds thresholds() {
        return thresholds;
    }

    BatteryFlags flags() {
        return flags;
    }

    void update(double minCellVolts, double maxCellVolts, double celsius) {
        MonitorThresholds t = thresholds;
        int bits = 0;
        bits |= latch(BatteryFlag.CELL_HIGH_VOLTAGE, maxCellVolts >= t.cellHighVolts(),
                maxCellVolts <= t.cellHighClearVolts());
        bits |= latch(BatteryFlag.CELL_LOW_VOLTAGE, minCellVolts <= t.cellLowVolts(),
                minCellVolts >= t.cellLowClearVolts());
        if (t.hasPreAlarm()) {
            bits |= latch(BatteryFlag.CELL_PRE_ALARM, minCellVolts < t.preAlarmVolts(),
                    minCellVolts >= t.preAlarmClearVolts());
        }
        bits |= latch(BatteryFlag.CHARGE_LOW_TEMPERATURE, celsius < t.chargeLowCelsius(),
                celsius >= t.chargeLowClearCelsius());
        bits |= latch(BatteryFlag.CHARGE_HIGH_TEMPERATURE, celsius > t.chargeHighCelsius(),
                celsius <= t.chargeHighClearCelsius());
        if (bits != flags.bits()) {
            flags = new BatteryFlags(bits);
        }
    }

    /** The flag's bit (BatteryFlags: one bit per flag, by ordinal) when it is on after this update. */
    private int latch(BatteryFlag flag, boolean set, boolean clear) {
        boolean on = set || flags.has(flag) && !clear;
        return on ? 1 << flag.ordinal() : 0;
    }
}
