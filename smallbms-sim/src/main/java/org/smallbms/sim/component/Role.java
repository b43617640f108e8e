package org.smallbms.sim.component;

/** What a device does to the battery, which decides the output it belongs on (manual §3.2). */
public enum Role {
    /** Charges the battery: belongs on Charge disconnect (ATC). */
    CHARGER,
    /** Draws from the battery: belongs on Load disconnect (ATD). */
    LOAD,
    /** A buzzer, LED or relay that signals: belongs on the pre-alarm output; its current is the output's. */
    SIGNAL
}
