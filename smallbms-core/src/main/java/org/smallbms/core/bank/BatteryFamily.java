package org.smallbms.core.bank;

/** The two battery product lines: each BMS works with one of them only (CLS-01). */
public enum BatteryFamily {
    /** Victron Lithium NG: read by the smallBMS NG over its daisy chain. */
    LITHIUM_NG,
    /** Victron Lithium Battery Smart: signals the classic smallBMS over its daisy chain. */
    LITHIUM_BATTERY_SMART
}
