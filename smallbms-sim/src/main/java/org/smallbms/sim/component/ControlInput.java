package org.smallbms.sim.component;

/** The on/off input a device has (manual §3.2.1, Appendix A). */
public enum ControlInput {
    /** Remote H / active high: on when pulled to battery plus, off when free-floating. */
    REMOTE_H,
    /** Active low: on when pulled to battery minus, off when free-floating (VE.Bus inverters: inverting cable). */
    ACTIVE_LOW,
    /** Only a VE.Direct port (small MPPTs): controllable through a VE.Direct non-inverting remote on/off cable. */
    VE_DIRECT,
    /** The remote on-off port of a Skylla TG charger: through the non-inverting remote on-off cable (Appendix A). */
    SKYLLA_TG,
    /** The remote on-off port of a Skylla-i charger: through the Skylla-i remote on-off cable (Appendix A). */
    SKYLLA_I,
    /** No remote input: only a Cyrix in its power path can switch it. */
    NONE
}
