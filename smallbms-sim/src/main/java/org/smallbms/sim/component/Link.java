package org.smallbms.sim.component;

/** What sits between a BMS output and a device (manual Appendix A). */
public enum Link {
    /** A wire from the output to the device's input. */
    DIRECT,
    /** VE.Direct non-inverting remote on/off cable (ASS030550320): the output's high becomes a VE.Direct "on". */
    VE_DIRECT_NON_INVERTING_CABLE,
    /** Inverting remote on-off cable (ASS030550100/-120): a high output pulls the device's input low. */
    INVERTING_CABLE,
    /** A Cyrix-Li-Charge in the charger's power path, its control on the output: connects while the output is high. */
    CYRIX_LI_CHARGE,
    /** A Cyrix-Li-Load in the load's power path, its control on the output: connects while the output is high. */
    CYRIX_LI_LOAD;

    /** The control current of a Cyrix-Li-Charge/-Load control input when high (an electronic input, not a coil). */
    public static final double CYRIX_CONTROL_AMPS = 0.01;
    /** A VE.Direct non-inverting cable takes a few mA from the output. */
    public static final double VE_DIRECT_CABLE_AMPS = 0.002;

    /** Whether a device with {@code input} is on when this link carries an output at {@code high}. */
    public boolean enables(boolean high, ControlInput input) {
        return switch (this) {
            case DIRECT -> switch (input) {
                case REMOTE_H -> high;
                // a high on an active-low input holds it off, and so does floating: never on
                case ACTIVE_LOW -> false;
                // nothing on the device takes the signal: it runs whatever the BMS says
                case VE_DIRECT, NONE -> true;
            };
            case VE_DIRECT_NON_INVERTING_CABLE -> switch (input) {
                case VE_DIRECT, REMOTE_H -> high;
                case ACTIVE_LOW -> false;
                case NONE -> true;
            };
            case INVERTING_CABLE -> switch (input) {
                case ACTIVE_LOW -> high;
                // inverted: a high output holds an active-high input off, a floating one leaves it off
                case REMOTE_H, VE_DIRECT -> false;
                case NONE -> true;
            };
            case CYRIX_LI_CHARGE, CYRIX_LI_LOAD -> high;
        };
    }
}
