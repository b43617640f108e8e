package org.smallbms.sim.cell;

import java.util.Locale;

/**
 * How a parameter file's M0 and hysteresis rate are meant (docs/cell-model.md writes both sets of equations).
 */
public enum HysteresisConvention {

    /**
     * This simulation's own: M0 ≥ 0 acts with the direction of the charging current, the hysteresis rate and the RC
     * pairs follow the current as it flows, and any current other than zero sets the direction of M0.
     */
    SMALLBMS,

    /**
     * The enhanced self-correcting model's, as in the public ESCtoolbox and Plett's book: M0 (of either sign)
     * multiplies the sign of the discharge current, the hysteresis rate and the RC pairs follow the current with
     * the coulombic efficiency applied on charge, and a current below Q/100 keeps the last direction of M0.
     */
    ESC;

    /** The name in a parameter file. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The convention named {@code name} in a file, or null. */
    static HysteresisConvention ofFileName(String name) {
        for (HysteresisConvention c : values()) {
            if (c.fileName().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
