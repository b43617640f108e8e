package org.smallbms.core.protection;

import java.util.Objects;

/**
 * The three outputs of the BMS.
 *
 * @param charge the Charge disconnect output: high while Allowed to charge
 * @param load the Load disconnect output: high while Allowed to discharge
 * @param preAlarm the pre-alarm output: high while a pre-alarm is active, otherwise free-floating
 */
public record Outputs(Level charge, Level load, Level preAlarm) {

    public static final Outputs ALL_FLOATING = new Outputs(Level.FLOATING, Level.FLOATING, Level.FLOATING);

    private static final Outputs[] CACHE = new Outputs[8];

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new Outputs(Level.of((i & 1) != 0), Level.of((i & 2) != 0), Level.of((i & 4) != 0));
        }
    }

    public Outputs {
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(preAlarm, "preAlarm");
    }

    /** One of eight shared instances: a step never allocates its outputs. */
    public static Outputs of(boolean charge, boolean load, boolean preAlarm) {
        return CACHE[(charge ? 1 : 0) | (load ? 2 : 0) | (preAlarm ? 4 : 0)];
    }
}
