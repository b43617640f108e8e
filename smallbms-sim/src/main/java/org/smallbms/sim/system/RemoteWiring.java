package org.smallbms.sim.system;

import org.smallbms.core.remote.RemoteTerminal;

/** What is fitted to the BMS's remote terminal (manual §2.2, §3.4 step 5, REM-01). */
public enum RemoteWiring {
    /** The wire loop between L and H; "off" means the loop pulled. */
    WIRE_LOOP,
    /** A switch between Remote L and Remote H. */
    SWITCH_L_TO_H,
    /** A switch from the battery positive bus bar to Remote H (manual §3.3.1). */
    SWITCH_H_TO_PLUS,
    /** A switch from Remote L to battery minus. */
    SWITCH_L_TO_MINUS,
    /**
     * A BMV's relay contact between Remote L and Remote H (classic manual §3.1): closed while the battery monitor's
     * SoC is above its set level, so the BMS switches loads and chargers off at a set SoC, before the cells reach the
     * load disconnect level. The system needs a {@code bmv-712} monitor whose relay it is.
     */
    BMV_RELAY,
    /** Nothing fitted: the BMS stays off. */
    NONE;

    /** The terminal with the switch {@code on} or off at this battery voltage. */
    public RemoteTerminal terminal(boolean on, int vbatMillivolts) {
        if (!on) {
            return RemoteTerminal.OPEN;
        }
        return switch (this) {
            case WIRE_LOOP, SWITCH_L_TO_H, BMV_RELAY -> RemoteTerminal.WIRE_LOOP;
            case SWITCH_H_TO_PLUS -> RemoteTerminal.hAt(vbatMillivolts);
            case SWITCH_L_TO_MINUS -> RemoteTerminal.lAt(0);
            case NONE -> RemoteTerminal.OPEN;
        };
    }
}
