package org.smallbms.core.codes;

/** What an active condition does to the three outputs. */
public enum Effect {
    /** Shown only. */
    NONE,
    /** Drives the pre-alarm output high. */
    PRE_ALARM,
    /** Opens the Charge disconnect output (Allowed to charge = No). */
    CHARGE,
    /** Opens the Load disconnect output (Allowed to discharge = No). */
    DISCHARGE,
    /** Opens both. */
    CHARGE_AND_DISCHARGE,
    /** The system is off: all three outputs float (REM-02). */
    ALL_OFF;

    public boolean blocksCharge() {
        return switch (this) {
            case CHARGE, CHARGE_AND_DISCHARGE, ALL_OFF -> true;
            case NONE, PRE_ALARM, DISCHARGE -> false;
        };
    }

    public boolean blocksDischarge() {
        return switch (this) {
            case DISCHARGE, CHARGE_AND_DISCHARGE, ALL_OFF -> true;
            case NONE, PRE_ALARM, CHARGE -> false;
        };
    }
}
