package org.smallbms.sim.component;

/**
 * What sits between a BMS output and a device (manual Appendix A), with its Victron article number where it is a
 * cable.
 *
 * <p>A cable that does not fit the device's input carries no signal it understands. <em>Decision</em> where the
 * manual is silent on what a Skylla charger does with a signal its cable did not bring: it runs as if nothing were
 * connected, as a device with only a VE.Direct port does on a bare wire; for the battery that is the worse case, and
 * the check reports it as "always on".
 */
public enum Link {
    /** A wire from the output to the device's input. */
    DIRECT("directly", ""),
    /** VE.Direct non-inverting remote on/off cable: the output's high becomes a VE.Direct "on" (small MPPTs). */
    VE_DIRECT_NON_INVERTING_CABLE("a VE.Direct non-inverting remote on/off cable", "ASS030550320"),
    /** Inverting remote on-off cable: a high output pulls the device's input low (VE.Bus inverters ≥ 1200 VA). */
    INVERTING_CABLE("an inverting remote on-off cable", "ASS030550100 or -120"),
    /** Non-inverting remote on-off cable, Appendix A's for the Skylla TG chargers: on while the output is high. */
    NON_INVERTING_CABLE("a non-inverting remote on-off cable", "ASS030550200"),
    /** Skylla-i remote on-off cable, Appendix A's for the Skylla-i chargers: on while the output is high. */
    SKYLLA_I_CABLE("a Skylla-i remote on-off cable", "ASS030550400"),
    /** A Cyrix-Li-Charge in the charger's power path, its control on the output: connects while the output is high. */
    CYRIX_LI_CHARGE("a Cyrix-Li-Charge", ""),
    /** A Cyrix-Li-Load in the load's power path, its control on the output: connects while the output is high. */
    CYRIX_LI_LOAD("a Cyrix-Li-Load", "");

    /** The control current of a Cyrix-Li-Charge/-Load control input when high (an electronic input, not a coil). */
    public static final double CYRIX_CONTROL_AMPS = 0.01;
    /** A VE.Direct non-inverting cable takes a few mA from the output. */
    public static final double VE_DIRECT_CABLE_AMPS = 0.002;
    /** A Skylla remote on-off cable: the manuals give no figure; taken as the VE.Direct cable's few mA. */
    public static final double SKYLLA_CABLE_AMPS = 0.002;

    private final String name;
    private final String articleNumber;

    Link(String name, String articleNumber) {
        this.name = name;
        this.articleNumber = articleNumber;
    }

    /** Victron's article number of the cable; empty for a wire or a Cyrix. */
    public String articleNumber() {
        return articleNumber;
    }

    /**
     * How a sentence names it, with the article number of a cable: {@code "a VE.Direct non-inverting remote on/off
     * cable (ASS030550320)"}, {@code "a Cyrix-Li-Load"}, {@code "directly"}.
     */
    public String described() {
        return articleNumber.isEmpty() ? name : name + " (" + articleNumber + ")";
    }

    /**
     * What Appendix A connects a device with this input through: remote H directly, a VE.Direct port through the
     * VE.Direct non-inverting cable, an active-low input through the inverting cable, a Skylla TG through the
     * non-inverting cable, a Skylla-i through its own cable; a charger without a remote input through a
     * Cyrix-Li-Charge ("other battery chargers"), a load without one through a Cyrix-Li-Load.
     */
    public static Link forInput(ControlInput input, Role role) {
        return switch (input) {
            case REMOTE_H -> DIRECT;
            case VE_DIRECT -> VE_DIRECT_NON_INVERTING_CABLE;
            case ACTIVE_LOW -> INVERTING_CABLE;
            case SKYLLA_TG -> NON_INVERTING_CABLE;
            case SKYLLA_I -> SKYLLA_I_CABLE;
            case NONE -> role == Role.CHARGER ? CYRIX_LI_CHARGE : CYRIX_LI_LOAD;
        };
    }

    /** Whether a device with {@code input} is on when this link carries an output at {@code high}. */
    public boolean enables(boolean high, ControlInput input) {
        return switch (this) {
            case DIRECT -> switch (input) {
                case REMOTE_H -> high;
                // a high on an active-low input holds it off, and so does floating: never on
                case ACTIVE_LOW -> false;
                // nothing on the device takes the signal: it runs whatever the BMS says
                case VE_DIRECT, NONE, SKYLLA_TG, SKYLLA_I -> true;
            };
            case VE_DIRECT_NON_INVERTING_CABLE -> switch (input) {
                case VE_DIRECT, REMOTE_H -> high;
                case ACTIVE_LOW -> false;
                case NONE, SKYLLA_TG, SKYLLA_I -> true;
            };
            case INVERTING_CABLE -> switch (input) {
                case ACTIVE_LOW -> high;
                // inverted: a high output holds an active-high input off, a floating one leaves it off
                case REMOTE_H, VE_DIRECT -> false;
                case NONE, SKYLLA_TG, SKYLLA_I -> true;
            };
            case NON_INVERTING_CABLE -> switch (input) {
                case SKYLLA_TG -> high;
                // made for the Skylla TG's port: a remote H or active-low input is never pulled to on
                case REMOTE_H, ACTIVE_LOW -> false;
                case VE_DIRECT, NONE, SKYLLA_I -> true;
            };
            case SKYLLA_I_CABLE -> switch (input) {
                case SKYLLA_I -> high;
                case REMOTE_H, ACTIVE_LOW -> false;
                case VE_DIRECT, NONE, SKYLLA_TG -> true;
            };
            case CYRIX_LI_CHARGE, CYRIX_LI_LOAD -> high;
        };
    }
}
