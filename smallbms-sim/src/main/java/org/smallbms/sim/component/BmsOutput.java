package org.smallbms.sim.component;

import org.smallbms.core.protection.Level;
import org.smallbms.core.protection.Outputs;

/**
 * The BMS outputs a control input can be wired to, with their source ratings (OUT-02, manual §6), or none.
 */
public enum BmsOutput {
    /** Charge disconnect: high while allowed to charge; 500 mA, not short-circuit protected. */
    CHARGE_DISCONNECT("Charge disconnect", 0.5),
    /** Load disconnect: high while allowed to discharge; 1 A, not short-circuit protected. */
    LOAD_DISCONNECT("Load disconnect", 1.0),
    /** Pre-alarm: high while a pre-alarm is active; 500 mA (REQUIREMENTS.md OUT-02 decision). */
    PRE_ALARM("Pre-alarm", 0.5),
    /** Not wired to the BMS: the device runs uncontrolled. */
    NONE("none", 0);

    /** OUT-01: an output that is high sits 0.1 V below Vbat. */
    public static final double HIGH_DROP_VOLTS = 0.1;

    private final String label;
    private final double ratingAmps;

    BmsOutput(String label, double ratingAmps) {
        this.label = label;
        this.ratingAmps = ratingAmps;
    }

    public String label() {
        return label;
    }

    /** The most the output may source (OUT-02). */
    public double ratingAmps() {
        return ratingAmps;
    }

    /** The level of this output among the BMS's three; {@link Level#FLOATING} for {@link #NONE}. */
    public Level levelIn(Outputs outputs) {
        return switch (this) {
            case CHARGE_DISCONNECT -> outputs.charge();
            case LOAD_DISCONNECT -> outputs.load();
            case PRE_ALARM -> outputs.preAlarm();
            case NONE -> Level.FLOATING;
        };
    }

    /** OUT-01: the voltage of the output when high at this battery voltage. */
    public static double highVolts(double batteryVolts) {
        return Math.max(0, batteryVolts - HIGH_DROP_VOLTS);
    }
}
