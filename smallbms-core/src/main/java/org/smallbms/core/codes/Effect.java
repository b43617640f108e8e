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
    /**
     * Opens the Load disconnect output because the battery is near empty (A-B01, A-B07, A-B08), and lets the
     * pre-alarm float: the BMS is in its low-consumption state and nothing it drives may go on drawing from the
     * reserve (PROT-12, OUT-03, SYS-05).
     */
    SHUTDOWN,
    /** Opens both. */
    CHARGE_AND_DISCHARGE,
    /** The system is off: all three outputs float (REM-02). */
    ALL_OFF;

    public boolean blocksCharge() {
        return switch (this) {
            case CHARGE, CHARGE_AND_DISCHARGE, ALL_OFF -> true;
            case NONE, PRE_ALARM, DISCHARGE, SHUTDOWN -> false;
        };
    }

    public boolean blocksDischarge() {
        return switch (this) {
            case DISCHARGE, SHUTDOWN, CHARGE_AND_DISCHARGE, ALL_OFF -> true;
            case NONE, PRE_ALARM, CHARGE -> false;
        };
    }

    /** Whether the pre-alarm output floats while a condition with this effect is active (REM-02, PROT-12). */
    public boolean silencesPreAlarm() {
        return switch (this) {
            case SHUTDOWN, ALL_OFF -> true;
            case NONE, PRE_ALARM, CHARGE, DISCHARGE, CHARGE_AND_DISCHARGE -> false;
        };
    }
}
